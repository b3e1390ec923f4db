// Vite's ambient types: CSS files imported for their side effect, import.meta.env.
/// <reference types="vite/client" />

// The Content-Security-Policy of every page Bindery shows, whichever process
// serves it (Electron's bindery:// scheme, the bridge, the HTML meta tag).
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

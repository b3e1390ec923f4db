// Global styles first, so that each component's own CSS comes later and wins.
import './styles/theme.css';
import './styles/base.css';
import './styles/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect';
import { App } from './App';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App engine={connect()} /></StrictMode>);

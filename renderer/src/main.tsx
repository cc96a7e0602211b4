import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.js';
import './styles/base.css';
import './styles/shell.css';
import './styles/start.css';
import './styles/views.css';
import './styles/reader.css';
import './styles/board.css';
import './styles/import.css';
import './styles/analysis.css';
import './styles/metrics.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

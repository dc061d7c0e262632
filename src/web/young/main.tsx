/** Entry of the young person's own Lotsa (/mitt): a page of its own, apart from the staff app, so it loads little. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { YoungApp } from './YoungApp.js';
import './young.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <YoungApp />
  </StrictMode>,
);

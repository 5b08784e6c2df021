/**
 * The add-in's entry: wait for Office, then render the pane over the Office.js host.
 */
import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../excel/officeHost';
import { App } from './App';

function mount(): void {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  createRoot(container).render(<App host={createOfficeHost()} />);
}

void Office.onReady(() => mount());

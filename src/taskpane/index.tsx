/**
 * The add-in's entry: wait for Office, then render the pane over the Office.js host.
 */
import { createRoot } from 'react-dom/client';
import { createOfficeHost } from '../excel/officeHost';
import { refreshWorkbookRule } from '../functions/ruleProvider';
import { App } from './App';

function mount(): void {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  // The custom functions share this runtime: a rule saved here is the rule =KPI.GRADE uses.
  const host = createOfficeHost(undefined, { onPresetSaved: (preset) => refreshWorkbookRule({ preset }) });
  createRoot(container).render(<App host={host} />);
}

void Office.onReady(() => mount());

/**
 * The add-in's entry: wait for Office, then render the pane over the Office.js host.
 */
import { createRoot } from 'react-dom/client';
import { dominantGradeStyle } from '../core/evaluate';
import type { Evaluation } from '../core/types';
import { createOfficeHost } from '../excel/officeHost';
import { refreshWorkbookRule } from '../functions/ruleProvider';
import { App } from './App';

function mount(): void {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  // The custom functions share this runtime: a rule saved here is the rule =KPI.GRADE uses.
  const host = createOfficeHost(undefined, { onPresetSaved: (preset) => refreshWorkbookRule({ preset }) });
  // …and =KPI.GRADE answers in the style the workbook's grade columns use (Ｓ or S).
  const onEvaluated = (evaluation: Evaluation) => refreshWorkbookRule({ gradeStyle: dominantGradeStyle(evaluation) });
  createRoot(container).render(<App host={host} onEvaluated={onEvaluated} />);
}

void Office.onReady(() => mount());

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

/**
 * Opened outside Excel (the pane's address in a browser, or another Office app): office.js still
 * loads and reports no Excel host, and nothing here can work without a workbook. Say so plainly,
 * in place of the loading text, instead of failing on the first Excel.run.
 */
const OUTSIDE_EXCEL = [
  'この画面は Excel の中で使います。Excel でブックを開き、［ホーム］タブの「KPI評価」グループにある［KPI評価を開く］ボタンから開いてください。',
  'This pane works inside Excel: open a workbook in Excel and use the Home tab → KPI評価 → KPI評価を開く.',
];

function showOutsideExcel(): void {
  const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  container.replaceChildren(
    ...OUTSIDE_EXCEL.map((text, i) => {
      const p = document.createElement('p');
      p.lang = i === 0 ? 'ja' : 'en';
      p.setAttribute('style', 'font-family: sans-serif; margin: 16px');
      p.textContent = text;
      return p;
    }),
  );
  container.setAttribute('role', 'alert');
}

void Office.onReady((info) => (info.host === Office.HostType.Excel ? mount() : showOutsideExcel()));

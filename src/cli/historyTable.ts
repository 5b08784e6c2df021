/**
 * `--history`: a table of grades per fiscal year for every KPI, tab-separated so it pastes into
 * Excel. A year's grade is the ledger's 前年度評価, then what the add-in's entries showed, then
 * this evaluation for its own year. A year without a grade is an empty cell (never "－", which is
 * the grade 実施時期未到来).
 */
import { ledgerHistory } from '../core/history/ledger';
import { kpiKey } from '../core/history/model';
import { evaluatedYear } from '../core/history/record';
import { gradesByYear } from '../core/history/timeline';
import { toGradeText } from '../core/gradeText';
import { createTranslator, type Lang } from '../core/i18n';
import type { GradeKey } from '../core/types';
import { eraLabel } from '../core/years';
import type { HistoryRun } from './history';

const t = createTranslator('cliHistoryTable', {
  ja: { title: '評価の履歴（年度ごとの評価）', sheet: 'シート', kpi: '指標', none: '評価の履歴はまだありません。' },
  en: { title: 'Evaluation history (grade per fiscal year)', sheet: 'Sheet', kpi: 'KPI', none: 'No evaluation history yet.' },
});

export function formatHistoryTable(run: HistoryRun, lang: Lang): string {
  const year = evaluatedYear(run.evaluation);
  const rows: { sheet: string; name: string; grades: Map<number, GradeKey>; style: 'full' | 'half' }[] = [];
  for (const table of run.evaluation.tables)
    for (const e of table.kpis) {
      const key = kpiKey(table.table.sheet, e.kpi.name, e.kpi.department);
      const now = { ...(year !== undefined && { year }), ...(e.outcome.grade !== null && { grade: e.outcome.grade }) };
      const name = e.kpi.department ? `${e.kpi.name}（${e.kpi.department}）` : e.kpi.name;
      rows.push({ sheet: table.table.sheet, name, grades: gradesByYear(key, ledgerHistory(e.kpi), run.history, now), style: table.gradeStyle });
    }
  const years = [...new Set(rows.flatMap((r) => [...r.grades.keys()]))].sort((a, b) => a - b);
  if (years.length === 0) return `${t(lang, 'title')}\n${t(lang, 'none')}\n`;
  const lines = [t(lang, 'title'), [t(lang, 'sheet'), t(lang, 'kpi'), ...years.map(eraLabel)].join('\t')];
  for (const r of rows) {
    const cells = years.map((y) => {
      const g = r.grades.get(y);
      return g ? toGradeText(g, r.style) : '';
    });
    lines.push([r.sheet, r.name, ...cells].join('\t'));
  }
  return lines.join('\n') + '\n';
}

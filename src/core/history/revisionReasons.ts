/**
 * The officer's reasons for a revised target or baseline (issue 13: 西川町 raised targets
 * mid-plan and nobody noted why). Both doors collect them by KPI (kpiKey) and hand them to
 * recordEntry; only KPIs that really were revised since the last entry keep one, so a reason
 * typed for a row that is no longer revised (the rule or the reading changed) is not recorded.
 * The command line names the KPI by its sheet and row: `--revision-reason "第1節!7=理由"`.
 */
import { createTranslator, type Lang } from '../i18n';
import type { Evaluation } from '../types';
import type { Comparison } from './compare';
import { kpiKey } from './model';

/** The reasons of KPIs revised in `comparison`, trimmed; empty reasons dropped. */
export function reasonsForRevised(comparison: Comparison, reasons: ReadonlyMap<string, string>): Map<string, string> {
  const kept = new Map<string, string>();
  for (const k of comparison.kpis) {
    if (k.revisions.length === 0) continue;
    const reason = reasons.get(k.key)?.trim();
    if (reason) kept.set(k.key, reason);
  }
  return kept;
}

/** One `--revision-reason` as given: the sheet, the 1-based sheet row of the KPI, the reason. */
export interface GivenReason {
  readonly sheet: string;
  readonly row: number;
  readonly reason: string;
}

/**
 * 「第1節!7=理由」 or 「第1節!B7=理由」 (any cell of the KPI's row); the sheet may be quoted as Excel
 * writes it ('第 1 節'!7). Undefined when the text has not that shape.
 */
export function parseGivenReason(text: string): GivenReason | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!=]+))!\$?(?:[A-Za-z]{1,3}\$?)?([0-9]+)=(.*)$/su.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!.trim();
  const row = Number(m[3]);
  const reason = m[4]!.trim();
  if (sheet === '' || row < 1 || reason === '') return undefined;
  return { sheet, row, reason };
}

const t = createTranslator('revisionReasons', {
  ja: {
    noKpi: '警告: --revision-reason「{{sheet}}!{{row}}」: シート「{{sheet}}」の {{row}} 行目に指標がありません。指標の行番号を確かめてください（理由は記録していません）。',
    notRevised:
      '警告: --revision-reason「{{sheet}}!{{row}}」: 「{{name}}」の目標値・基準値は前回の評価から変わっていないので、理由は記録していません。',
  },
  en: {
    noKpi: 'Warning: --revision-reason "{{sheet}}!{{row}}": there is no indicator on row {{row}} of sheet "{{sheet}}". Check the row number (the reason was not recorded).',
    notRevised:
      'Warning: --revision-reason "{{sheet}}!{{row}}": the target and baseline of "{{name}}" are the same as at the previous evaluation, so the reason was not recorded.',
  },
});

/**
 * The given reasons by kpiKey, for the KPIs revised since the last entry; a reason for a row with
 * no KPI, or for a KPI not revised, is said in a warning rather than recorded.
 */
export function matchGivenReasons(
  evaluation: Evaluation,
  comparison: Comparison,
  given: readonly GivenReason[],
  lang: Lang,
): { reasons: Map<string, string>; warnings: string[] } {
  const revised = new Set(comparison.kpis.filter((k) => k.revisions.length > 0).map((k) => k.key));
  const reasons = new Map<string, string>();
  const warnings: string[] = [];
  for (const g of given) {
    let found: { key: string; name: string } | undefined;
    for (const table of evaluation.tables) {
      if (table.table.sheet !== g.sheet) continue;
      const e = table.kpis.find((k) => k.kpi.row + 1 === g.row);
      if (e) found = { key: kpiKey(g.sheet, e.kpi.name, e.kpi.department), name: e.kpi.name };
    }
    if (!found) warnings.push(t(lang, 'noKpi', { sheet: g.sheet, row: g.row }));
    else if (!revised.has(found.key)) warnings.push(t(lang, 'notRevised', { sheet: g.sheet, row: g.row, name: found.name }));
    else reasons.set(found.key, g.reason);
  }
  return { reasons, warnings };
}

/**
 * The preview model on its own (src/taskpane/state/previewModel.ts): what the preview
 * counts and lists, worked out by hand from the ledgers below (seedSheet: row 1 typed Ｓ
 * and met, row 2 typed Ｂ where the standard rule says Ａ, row 3 with an empty grade cell).
 */
import { describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../../src/core/evaluate';
import type { SheetGrid } from '../../src/core/grid';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import { initialState, reducer, type Action, type LedgerState } from '../../src/taskpane/state/machine';
import { AUTO_REGRADE_MAX, canSummarize, isStale, previewModel, SEARCH_FROM, type PreviewInput } from '../../src/taskpane/state/previewModel';
import { buildGrid } from '../support/gridBuilder';
import { HEADER, listSheet, seedSheet } from './render';

const standard = BUILTIN_PRESETS.standard;

function input(grids: readonly SheetGrid[], options: Partial<Omit<PreviewInput, 'evaluation' | 'grids'>> = {}): PreviewInput {
  return { evaluation: evaluateWorkbook(grids, standard), grids, adopted: new Set(), notes: false, addGradeColumns: false, ...options };
}

/** A seed-like table of `count` KPIs, each 50 → 100 of a target of 100 (met: Ｓ), grade cells empty. */
function manyKpis(count: number): SheetGrid {
  const rows = Array.from({ length: count }, (_, i) => [String(i + 1), `指標${i + 1}（企画課）`, '50件', '100件', '100件', '']);
  return buildGrid('一覧', [['基本的方向１ まとめ'], HEADER, ...rows]);
}

describe('previewModel', () => {
  it('counts the seed: three KPIs, one typed grade that differs, one empty grade cell to write', () => {
    const m = previewModel(input([seedSheet()]));
    expect(m.kpiCount).toBe(3);
    expect(m.differing).toEqual(['第1節!F4']);
    expect(m.ungraded).toBe(0);
    // Typed grades are kept unless adopted: only the empty F5 is written.
    expect(m.plan?.writes.map((w) => w.address)).toEqual(['F5']);
    expect(m.planError).toBeUndefined();
    // The differing grade is shown on its row, not again as a point to check.
    expect(m.toCheck.map((p) => p.code)).not.toContain('handGradeDiffers');
    expect(m.skips).toEqual([]);
    expect(m.notWritten.size).toBe(0);
    expect(m.tablesWithoutGrade).toBe(0);
    expect(m.empty).toBe(false);
    expect(m.searchedSheets).toEqual(['第1節']);
    expect(m.searchable).toBe(false);
    expect(m.autoRegrade).toBe(true);
  });

  it('an adopted grade is written too', () => {
    const m = previewModel(input([seedSheet()], { adopted: new Set(['第1節!F4']) }));
    expect(m.plan?.writes.map((w) => w.address).sort()).toEqual(['F4', 'F5']);
  });

  it('a protected sheet is a point to check before writing, listed first and marked on its table', () => {
    const grid = { ...seedSheet(), protected: true };
    const m = previewModel(input([grid]));
    expect(m.plan?.writes).toEqual([]);
    expect(m.skips.map((p) => [p.code, p.sheet])).toEqual([['sheetProtected', '第1節']]);
    expect(m.toCheck[0]).toBe(m.skips[0]);
    expect(m.notWritten.has(m.skips[0]!)).toBe(true);
    expect([...m.marks.protectedSheets]).toEqual(['第1節']);
  });

  it('a table without a grade column: counted for the add-column switch; an unreadable value is ungraded', () => {
    const m = previewModel(input([listSheet()]));
    expect(m.kpiCount).toBe(2);
    expect(m.tablesWithoutGrade).toBe(1);
    expect(m.ungraded).toBe(1);
    expect(m.differing).toEqual([]);
    // Nothing to write into without the column; with it, its header and both grades.
    expect(m.plan?.writes).toEqual([]);
    const added = previewModel(input([listSheet()], { addGradeColumns: true }));
    expect(added.plan?.writes.map((w) => w.address)).toEqual(['E1', 'E2']);
  });

  it('nothing found: empty, with the sheets searched and the ones that could not be read', () => {
    const blank = buildGrid('メモ', [['会議の記録'], ['特になし']]);
    const broken: SheetGrid = { name: '壊れたシート', rows: [], merges: [], unreadable: true };
    const m = previewModel(input([blank, broken]));
    expect(m.empty).toBe(true);
    expect(m.kpiCount).toBe(0);
    expect(m.searchedSheets).toEqual(['メモ']);
    expect(m.unreadable.map((p) => p.sheet)).toEqual(['壊れたシート']);
  });

  it('a search box above SEARCH_FROM KPIs; grading again by itself up to AUTO_REGRADE_MAX', () => {
    expect(previewModel(input([manyKpis(SEARCH_FROM)])).searchable).toBe(false);
    const more = previewModel(input([manyKpis(SEARCH_FROM + 1)]));
    expect(more.kpiCount).toBe(SEARCH_FROM + 1);
    expect(more.searchable).toBe(true);
    expect(more.autoRegrade).toBe(true);
    expect(previewModel(input([manyKpis(AUTO_REGRADE_MAX + 1)])).autoRegrade).toBe(false);
  });
});

describe('isStale and canSummarize', () => {
  const grids = [seedSheet()];
  const evaluation = evaluateWorkbook(grids, standard);
  const preview = [
    { type: 'readStart', scope: { kind: 'workbook' }, run: 1 },
    { type: 'readDone', run: 1, grids },
    { type: 'evaluated', run: 1, evaluation, preset: standard },
  ] satisfies Action[];
  const s: LedgerState = preview.reduce(reducer, initialState);
  const model = previewModel(input(grids));

  it('the preview is stale when the valid rule on screen is another one', () => {
    expect(isStale(s, standard)).toBe(false);
    expect(isStale(s, BUILTIN_PRESETS.tassei)).toBe(true);
    // An invalid rule (being typed) is not a rule to grade with: not stale, the write waits for it anyway.
    expect(isStale(s, undefined)).toBe(false);
    expect(isStale(initialState, BUILTIN_PRESETS.tassei)).toBe(false);
  });

  it('a summary sheet needs a graded, non-empty preview with the rule on screen', () => {
    expect(canSummarize(s, model, false)).toBe(true);
    expect(canSummarize(s, model, true)).toBe(false);
    expect(canSummarize(initialState, undefined, false)).toBe(false);
    expect(canSummarize(s, previewModel(input([buildGrid('メモ', [['特になし']])])), false)).toBe(false);
    const writing = reducer(s, { type: 'writeStart' });
    expect(canSummarize(writing, model, false)).toBe(false);
  });
});

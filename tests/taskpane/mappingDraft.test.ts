/**
 * The mapping dialog's state, as pure functions: the draft starts from the saved reading of the
 * same range or from the best guess, becomes a mapping only when valid, and the saved list keeps
 * one reading per area.
 */
import { describe, expect, it } from 'vitest';
import { parseRangeAddress } from '../../src/core/grid';
import { mappingOver, putMapping } from '../../src/core/mapping';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import type { SelectedRange } from '../../src/core/host';
import { draftResult, headerRowChoices, previewMapping, readYearInput, startDraft, withHeaderRows, withRole, withYear } from '../../src/taskpane/state/mappingDraft';
import { EXPECTED_GRADES, MAPPING, policySheet, RANGE, SHEET } from '../core/mapping/fixture';

const selection: SelectedRange = { sheet: SHEET, range: parseRangeAddress(RANGE)!, address: RANGE, grid: policySheet() };

describe('mapping draft', () => {
  it('starts from the best guess, and years as officers write them', () => {
    const draft = startDraft(selection);
    expect(draft.roles).toEqual(['indicator', 'baseline', 'intermediate', 'current', 'target', 'ignore']);
    expect(draft.years).toEqual(['', 'H27', 'R1', 'R5', 'R7', '']);
    expect(draft.replaces).toBeUndefined();
    // As guessed it is already usable (only the grade column is not read).
    const result = draftResult(draft);
    expect(result.errors).toEqual([]);
    expect(result.mapping?.columns[5]).toEqual({ column: 'G', role: 'ignore', header: '評定' });
  });

  it('starts from the saved reading of exactly this range, and says it replaces it', () => {
    const draft = startDraft(selection, MAPPING);
    expect(draft.roles[5]).toBe('grade');
    expect(draft.replaces).toBe(MAPPING);
    expect(draftResult(draft).mapping).toEqual(MAPPING);
  });

  it('becomes the saved mapping once the grade column is set', () => {
    const draft = withRole(startDraft(selection), 5, 'grade');
    expect(draftResult(draft).mapping).toEqual(MAPPING);
  });

  it('a year that is not one blocks saving and is marked on its column', () => {
    const draft = withYear(startDraft(selection), 3, 'そのうち');
    const result = draftResult(draft);
    expect(result.mapping).toBeUndefined();
    expect([...result.badYears]).toEqual([3]);
    expect(readYearInput('令和5年度')).toEqual({ ok: true, year: 2023 });
    expect(readYearInput('2023')).toEqual({ ok: true, year: 2023 });
    expect(readYearInput('')).toEqual({ ok: true });
  });

  it('another number of header rows guesses again under the new header', () => {
    const draft = withHeaderRows(startDraft(selection), 2);
    expect(draft.headerRows).toBe(2);
    // The first KPI row is now part of the header: its texts join the fingerprints, and it is no KPI any more.
    const mapping = draftResult(draft).mapping!;
    expect(mapping.columns[0]!.header).toBe('施策の成果を測る項目 / 観光入込客数');
    expect(mapping.columns[1]!.header).toBe('平成27年度 / 372万人');
    expect(previewMapping(selection, mapping, BUILTIN_PRESETS.standard).total).toBe(4);
    expect(headerRowChoices(draft)).toEqual([1, 2, 3]);
  });

  it('previews with the same evaluation as the pane: the hand-worked grades', () => {
    const preview = previewMapping(selection, MAPPING, BUILTIN_PRESETS.standard, 3);
    expect(preview.total).toBe(5);
    expect(preview.kpis.map((k) => k.outcome.grade)).toEqual(EXPECTED_GRADES.slice(0, 3));
  });
});

describe('the saved list', () => {
  it('one reading per area: a reading overlapping a saved one on the same sheet replaces it', () => {
    const other = { ...MAPPING, sheet: '別シート' };
    const smaller = { ...MAPPING, range: 'B2:G6' };
    expect(putMapping([MAPPING, other], smaller)).toEqual([other, smaller]);
    expect(mappingOver([MAPPING, other], SHEET, { top: 5, left: 0, bottom: 5, right: 1 })).toBe(MAPPING);
    expect(mappingOver([MAPPING], SHEET, { top: 20, left: 0, bottom: 25, right: 3 })).toBeUndefined();
  });
});

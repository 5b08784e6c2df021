/**
 * The pane's test host carries out core's write decision as the Office host does
 * (tests/excel/applyPlan.test.ts): the officer's note stays and is reported, no reason goes
 * next to a grade it refused, a formula returning a value is not written over, a very hidden
 * sheet is written only with consent.
 */
import { describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../src/core/grid';
import type { CellWrite, WritePlan } from '../../src/core/types';
import { createFakeHost } from '../support/fakeHost';

const grid = (name: string, extra: Partial<SheetGrid> = {}): SheetGrid => ({
  name,
  rows: [[{ text: '達成状況', value: '達成状況' }], [], [{ text: '0', value: 0, formula: '=IF(1,0,0)' }]],
  merges: [],
  ...extra,
});

const write = (sheet: string, row: number, address: string, before: CellWrite['before'] = { value: null }): CellWrite => ({
  sheet,
  row,
  col: 0,
  address,
  before,
  after: 'Ａ',
  purpose: 'grade',
});

const plan = (sheet: string): WritePlan => ({
  writes: [write(sheet, 1, 'A2'), write(sheet, 2, 'A3', { value: 0 })],
  notes: [
    { sheet, address: 'A2', text: '理由2' },
    { sheet, address: 'A3', text: '理由3' },
  ],
  formats: [],
  skipped: [],
});

describe('the fake host’s applyPlan', () => {
  it('keeps the officer’s note and says so, and writes no reason next to a formula it left alone', async () => {
    const host = createFakeHost([grid('台帳')], { officerNotes: { '台帳!A2': '担当者メモ' } });
    const report = await host.applyPlan(plan('台帳'));
    expect(report.skipped.map((p) => [p.code, p.cell])).toEqual([
      ['gradeIsFormula', 'A3'],
      ['noteKept', 'A2'],
    ]);
    expect(report).toMatchObject({ written: 1, notes: 0 });
    expect(host.noteAt('台帳', 'A2')).toBe('担当者メモ');
    expect(host.noteAt('台帳', 'A3')).toBeUndefined();
    expect(host.textAt('台帳', 'A2')).toBe('Ａ');
    expect(host.textAt('台帳', 'A3')).toBe('0');
  });

  it('writes a very hidden sheet only with consent', async () => {
    const host = createFakeHost([grid('隠し', { visibility: 'veryHidden' })]);
    const refused = await host.applyPlan(plan('隠し'));
    expect(refused.skipped.map((p) => p.code)).toEqual(['veryHiddenNotWritten']);
    expect(host.textAt('隠し', 'A2')).toBe('');
    const consented = await host.applyPlan(plan('隠し'), { veryHidden: true });
    expect(consented.written).toBe(1);
    expect(host.textAt('隠し', 'A2')).toBe('Ａ');
  });
});

/** `--revision-reason` as typed, and which reasons a write keeps (issue 13). */
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../src/core/history/compare';
import { parseGivenReason, reasonsForRevised } from '../../../src/core/history/revisionReasons';

describe('parseGivenReason', () => {
  it('reads シート!行=理由, シート!B7=理由 and a quoted sheet name', () => {
    expect(parseGivenReason('第1節!7=総合戦略の改訂')).toEqual({ sheet: '第1節', row: 7, reason: '総合戦略の改訂' });
    expect(parseGivenReason('第1節!$B$12= 国の基準が変わった ')).toEqual({ sheet: '第1節', row: 12, reason: '国の基準が変わった' });
    expect(parseGivenReason("'基本目標 1（R4）'!3=a=b")).toEqual({ sheet: '基本目標 1（R4）', row: 3, reason: 'a=b' });
    expect(parseGivenReason("'O''Brien'!2=x")).toEqual({ sheet: "O'Brien", row: 2, reason: 'x' });
  });

  it('refuses what is not that shape: no sheet, no row, row 0, an empty reason', () => {
    for (const bad of ['観光客数=理由', '!7=理由', '第1節!=理由', '第1節!0=理由', '第1節!7=', '第1節!7 理由']) expect(parseGivenReason(bad), bad).toBeUndefined();
  });
});

describe('reasonsForRevised', () => {
  const comparison = {
    counts: { better: 0, worse: 0, same: 2, new: 0, ungraded: 0 },
    kpis: [
      { key: 'a', sheet: 'S', name: 'A', change: 'same', revisions: [{ what: 'target', from: '200人', to: '250人' }] },
      { key: 'b', sheet: 'S', name: 'B', change: 'same', revisions: [] },
    ],
  } as Comparison;
  it('keeps the trimmed reasons of revised KPIs only, drops blank ones', () => {
    expect([...reasonsForRevised(comparison, new Map([['a', '  引き上げ '], ['b', '理由']]))]).toEqual([['a', '引き上げ']]);
    expect([...reasonsForRevised(comparison, new Map([['a', '   ']]))]).toEqual([]);
  });
});

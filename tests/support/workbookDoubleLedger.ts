/**
 * A small KPI ledger for the workbook double, shaped like the seed report: a
 * table that starts at C5 under a merged title, % formats on numbers, a numbered
 * indicator with sub-rows (merged No cell), a grade computed by formula; a
 * protected sheet; a sheet of notes. Plus helpers that build write plans by hand.
 */
import { colourRulesFor } from '../../src/core/colours';
import { cellAddress, parseCellAddress } from '../../src/core/grid';
import type { CellSnapshot, CellWrite, ConditionalFormatPlan, GradeKey, NoteWrite, WritePlan } from '../../src/core/types';
import type { SheetSpec } from './workbookDoubleModel';

export const GOAL1 = '基本目標1';
export const GOAL2 = '基本目標2';
export const MEMO = 'メモ';

const pct = (value: number) => ({ value, numberFormat: '0.0%' });

export function ledgerSheets(): SheetSpec[] {
  const goal1: (string | number | null | object)[][] = [[], [], []];
  goal1[2] = [null, null, '基本目標１　産業の振興と雇用の創出'];
  goal1[4] = [null, null, 'No', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況'];
  goal1[5] = [null, null, 1, '女性の生産年齢人口における就業率（企画政策課）', pct(0.63), pct(0.698), '65.0%', 'Ｓ'];
  goal1[6] = [null, null, 2, '新規学校卒業者の市内就職率（商業観光課）'];
  goal1[7] = [null, null, null, '市内高校', '59.0％', '55.6％', '61.0％', null];
  goal1[8] = [null, null, null, '市内大学', '13.0％', 16, '15.0％', { value: 'Ｂ', formula: '=IF(F9>=G9,"Ｓ","Ｂ")' }];
  goal1[9] = [null, null, 3, '観光入込客数', '372万人', '401万人', '450万人', { value: 5, numberFormat: '0' }];
  return [
    {
      name: GOAL1,
      cells: Array.from(goal1, (row) => row ?? []) as SheetSpec['cells'],
      merges: ['C3:H3', 'C7:C9'],
    },
    {
      name: GOAL2,
      protected: true,
      cells: [
        ['No', '指標', '基準値', '実績値', '目標値', '評価'],
        [1, '新規就農者数', '5人', '8人', '10人', null],
      ],
    },
    { name: MEMO, cells: [['令和6年度 進捗確認のメモ'], [null, { value: 'ヒアリング済', note: '担当: 企画政策課' }]] },
  ];
}

/** A cell write as the planner would make it; `before` is what the preview saw. */
export function gradeWrite(sheet: string, address: string, after: string, before: CellSnapshot = { value: null }): CellWrite {
  const p = parseCellAddress(address);
  if (!p) throw new Error(`bad address ${address}`);
  return { sheet, row: p.row, col: p.col, address: cellAddress(p.row, p.col), before, after, purpose: 'grade' };
}

export const FULL_WIDTH: Partial<Record<GradeKey, string>> = { S: 'Ｓ', A: 'Ａ', B: 'Ｂ', C: 'Ｃ', D: 'Ｄ', E: 'Ｅ', '-': '－' };

/** The standard preset's colour rules on a grade range, in full-width style. */
export function standardColours(sheet: string, range: string): ConditionalFormatPlan {
  const keys: GradeKey[] = ['S', 'A', 'B', 'C', 'D', 'E', '-'];
  return { sheet, range, rules: colourRulesFor(keys.map((key) => ({ key, text: FULL_WIDTH[key]! }))) };
}

export function plan(parts: { writes?: CellWrite[]; notes?: NoteWrite[]; formats?: ConditionalFormatPlan[] }): WritePlan {
  return { writes: parts.writes ?? [], notes: parts.notes ?? [], formats: parts.formats ?? [], skipped: [] };
}

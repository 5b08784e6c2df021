/**
 * The KPI custom functions (=KPI.RATE, =KPI.GRADE, =KPI.ATTAIN, =KPI.EXPECTED, =KPI.VALUE,
 * =KPI.NENDO) for officers' own formulas next to the official columns.
 *
 * functions.json is generated from the JSDoc below by custom-functions-metadata(-plugin),
 * which also appends the CustomFunctions.associate calls to this file at build time: the
 * `@customfunction ID` tag is the function's id and name, the namespace KPI comes from the
 * manifest, the descriptions and @param texts are what Excel's formula tooltip shows (so they
 * are Japanese), and the TypeScript parameter names are the tooltip's argument names.
 *
 * Every parameter is `any[][]` so that the metadata says `dimensionality: matrix`: a column of
 * KPIs goes in, a column of results spills out; a single cell is a 1×1 matrix and stretches to
 * fit the others (see matrix.ts). Each function is a thin wrapper: the per-cell work is in
 * kpiCells.ts, and the deciding is the engine's (src/core).
 */
import {
  ARG,
  attainmentCell,
  expectedCell,
  fiscalYearCell,
  gradeCell,
  progressCell,
  valueCell,
} from './kpiCells';
import { mapCells } from './matrix';
import { officeRuleSource } from './officeRule';
import { connectWorkbookRule, loadGradeContext } from './ruleProvider';

// Inside Excel, GRADE without a preset follows the rule saved with the workbook. Wired here,
// before Excel can call a function, rather than by the task pane, which may start later.
// Outside Office (tests, the command line, the bench) the rule stays `standard`.
if (typeof Office !== 'undefined') connectWorkbookRule(officeRuleSource());

/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator reads `any[][]` as a matrix of any values */

/**
 * 進捗率を返します（1 で目標達成）。(現状 − 当初) ÷ (目標 − 当初) を、目標の「以上・以下」や単位（位）から向きを決めて計算します。
 * @customfunction RATE
 * @param 当初 当初値（基準値）。63.0％、440位、未実施 など台帳の書き方のまま指定できます。範囲も指定できます。
 * @param 現状 現状値（実績値）。空欄や「－」のときは #N/A になります。
 * @param 目標 目標値。65.0%以上、300位以内 のような「以上・以下・以内」で向きが決まります。
 * @returns 進捗率（1 = 目標達成、負の値 = 当初より悪化）。範囲を指定すると範囲で返ります。
 */
export function rate(当初: any[][], 現状: any[][], 目標: any[][]): any[][] {
  return mapCells(
    [
      { name: ARG.baseline, value: 当初 },
      { name: ARG.current, value: 現状 },
      { name: ARG.target, value: 目標 },
    ],
    ([b, c, t]) => progressCell(b, c, t),
  );
}

/**
 * 達成状況（Ｓ・Ａ・Ｂ…）を、ブックに保存した評価ルール（なければ標準の按分進捗 7段階）で判定します。作業ウィンドウと同じ判定です。
 * @customfunction GRADE
 * @param 当初 当初値（基準値）。63.0％ (H22 国調) のようにセル内の年度も読み取ります。
 * @param 現状 現状値（実績値）。空欄や「－」のときは「－」（実施時期未到来）を返します。
 * @param 目標 目標値。65.0%以上、300位以内 など。
 * @param 当初年度 当初値の年度。2014、H26、平成26年度 など。省略すると最終目標で判定します。
 * @param 現状年度 現状値の年度。2017、H29 など。
 * @param 目標年度 目標値の年度。2019、R1、令和元年度 など。
 * @param preset 評価ルール。standard・kijun・tassei・pace・points・saiko・akiruno・tama・kitsuki・fukuoka または保存したルールの名前。省略するとブックに保存したルールです。
 * @param 指標名 指標名。意識調査の変動幅（福岡市の ±3ポイント など）を使うルールで、「満足度」「割合」などから調査項目を判断します。
 * @returns 達成状況。表の書き方（全角Ｓ／半角S）に合わせます。範囲を指定すると範囲で返ります。
 */
export async function grade(
  当初: any[][],
  現状: any[][],
  目標: any[][],
  当初年度?: any[][],
  現状年度?: any[][],
  目標年度?: any[][],
  preset?: any[][],
  指標名?: any[][],
): Promise<any[][]> {
  const context = await loadGradeContext();
  return mapCells(
    [
      { name: ARG.baseline, value: 当初 },
      { name: ARG.current, value: 現状 },
      { name: ARG.target, value: 目標 },
      { name: ARG.baselineYear, value: 当初年度 },
      { name: ARG.currentYear, value: 現状年度 },
      { name: ARG.targetYear, value: 目標年度 },
      { name: ARG.preset, value: preset },
      { name: ARG.name, value: 指標名 },
    ],
    ([b, c, t, yb, yc, yt, p, n]) => gradeCell(b, c, t, yb, yc, yt, p, n, context),
  );
}

/**
 * 達成率を返します。現状 ÷ 目標（順位や「以下・以内」の目標では 目標 ÷ 現状）。1 で目標達成です。
 * @customfunction ATTAIN
 * @param 現状 現状値（実績値）。空欄や「－」のときは #N/A になります。
 * @param 目標 目標値。65.0%以上、300位以内 など。
 * @returns 達成率（1 = 目標達成）。範囲を指定すると範囲で返ります。
 */
export function attain(現状: any[][], 目標: any[][]): any[][] {
  return mapCells(
    [
      { name: ARG.current, value: 現状 },
      { name: ARG.target, value: 目標 },
    ],
    ([c, t]) => attainmentCell(c, t),
  );
}

/**
 * 目安値を返します。当初から目標まで毎年同じだけ進む直線上の、指定した年度の値です。
 * @customfunction EXPECTED
 * @param 当初 当初値（基準値）。
 * @param 目標 目標値。
 * @param 当初年度 当初値の年度。2014、H26 など。
 * @param 目標年度 目標値の年度。2019、R1 など。
 * @param 年度 目安値を求める年度。2017、H29 など。
 * @returns 目安値（台帳の数値と同じ単位。63.0％ なら 63）。範囲を指定すると範囲で返ります。
 */
export function expected(当初: any[][], 目標: any[][], 当初年度: any[][], 目標年度: any[][], 年度: any[][]): any[][] {
  return mapCells(
    [
      { name: ARG.baseline, value: 当初 },
      { name: ARG.target, value: 目標 },
      { name: ARG.baselineYear, value: 当初年度 },
      { name: ARG.targetYear, value: 目標年度 },
      { name: ARG.year, value: 年度 },
    ],
    ([b, t, yb, yt, y]) => expectedCell(b, t, yb, yt, y),
  );
}

/**
 * 台帳のセルに書かれた数値を返します。２，９２０件 → 2920、65.0%以上 → 65、未実施 → 0。
 * @customfunction VALUE
 * @param セル 値のセルまたは範囲。
 * @returns 数値。空欄や「－」は #N/A です。範囲を指定すると範囲で返ります。
 */
export function value(セル: any[][]): any[][] {
  return mapCells([{ name: ARG.cell, value: セル }], ([v]) => valueCell(v));
}

/**
 * 見出しや注記に書かれた年度を西暦で返します。H29 → 2017、令和元年度 → 2019、(H27 国調) → 2015。
 * @customfunction NENDO
 * @param セル 年度が書かれたセルまたは範囲。
 * @returns 西暦の年度。範囲を指定すると範囲で返ります。
 */
export function nendo(セル: any[][]): any[][] {
  return mapCells([{ name: ARG.cell, value: セル }], ([v]) => fiscalYearCell(v));
}

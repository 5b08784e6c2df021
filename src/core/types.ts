/**
 * The engine's vocabulary. Every door (task pane, custom functions, command line)
 * speaks in these types; none of them mentions Office, React or files.
 */
import type { CellRange } from './grid';

// ───────────────────────────── §2 cell values ─────────────────────────────

/** A bound written with a value: 以上 (≥), 超 (>), 以下/以内 (≤), 未満 (<). */
export type Bound = 'ge' | 'gt' | 'le' | 'lt';

/** Qualitative values a ledger may hold instead of a number. */
export type CellState =
  | 'notStarted' // 未着手 → grade E in `standard`
  | 'done' // 策定完了, 完了, 達成, 実施済
  | 'notDone' // 未策定, 未達成
  | 'cancelled' // 中止, 廃止
  | 'hardToEvaluate'; // 評価困難, 把握困難

/** What one value cell says, per the cell grammar of spec §2. */
export type CellReading =
  | {
      readonly kind: 'number';
      readonly value: number;
      /** "％", "件", "億円", "万人", "位", "か所" … as written (after NFKC: "%" not "％"). "" for a bare number. */
      readonly unit: string;
      readonly bound?: Bound;
      /** The value's own year annotation, e.g. 2010 for "(H22 国調)". */
      readonly year?: number;
      /** The annotation text, e.g. "H22 国調". */
      readonly yearNote?: string;
      /** True for 未実施: a baseline of a measure that did not exist yet (value 0). */
      readonly notImplemented?: boolean;
    }
  | { readonly kind: 'missing' } // － ― - ー — or empty: no figure for that year
  | { readonly kind: 'state'; readonly state: CellState; readonly text: string }
  /** A qualitative target written as a relation to the baseline: 「基準値を上回る」「現状維持」「増加」「減少」. */
  | { readonly kind: 'relation'; readonly relation: RelationTarget['relation']; readonly text: string }
  | { readonly kind: 'unreadable'; readonly text: string; readonly reason: UnreadableReason };

/** Why a cell could not be read; rendered into words by src/core/problems.ts. */
export type UnreadableReason =
  | 'noNumber' // text with no figure in it ("調査中です")
  | 'severalNumbers' // more than one figure and no way to tell which ("10〜20件")
  | 'unknownWord' // a word that is neither a unit, a bound nor a known state
  | 'notAValue'; // an error value (#DIV/0!, #REF!) or a boolean

export type NumberReading = Extract<CellReading, { kind: 'number' }>;

// ───────────────────────────── §1 tables ─────────────────────────────

/** The role of a value column, decided from header words and ordered by year. */
export type ValueRole = 'baseline' | 'intermediate' | 'current';

export interface ValueColumn {
  readonly col: number;
  readonly role: ValueRole;
  /** Western fiscal year from the header, when the header has one. */
  readonly year?: number;
  /** Header text as written (normalised), e.g. "当初 (H26)". */
  readonly header: string;
  /**
   * What the header word itself says, when it says more than the role: 'actual' for one of
   * several yearly actual columns (R2実績 … R5実績: on each row the latest filled one is the
   * current value), 'forecast' for 見込 / 見込値 / 実績見込 (a forecast used as the current value,
   * which the reason says).
   */
  readonly kind?: 'actual' | 'forecast';
}

/** A column the table has beside its values, by header word (issue 8). */
export interface HeadedColumn {
  readonly col: number;
  /** Header text as written (normalised). */
  readonly header: string;
}

/**
 * A year column beside the value columns (基準年度 / 目標年度 / 年度 / 時点): each row's cell is
 * the year of the value in column `of` (a value column or the target column).
 */
export interface YearColumn extends HeadedColumn {
  readonly of: number;
}

/** A rate the office computed itself: 進捗率 (progress) or 達成率 (attainment). Read, never a value. */
export interface OfficeRateColumn extends HeadedColumn {
  readonly rate: 'progress' | 'attainment';
}

export interface TableColumns {
  /** No / 番号 column, when present. */
  readonly number?: number;
  readonly indicator: number;
  /** All value columns, in sheet order (left to right). */
  readonly values: readonly ValueColumn[];
  readonly target: { readonly col: number; readonly year?: number; readonly header: string };
  /** The grade column, or undefined when the table has none (Kanazawa-style lists). */
  readonly grade?: { readonly col: number; readonly header: string };
  // Columns read beside the values (issue 8). None of them is a value, none is ever written.
  /** 単位: the unit of the row's bare numbers. */
  readonly unit?: HeadedColumn;
  /** 方向 / 方向性 / 目指す方向 (↑ ↓ 増加 減少 維持): overrides the inferred direction (spec §4). */
  readonly direction?: HeadedColumn;
  /** 基準年度 / 目標年度 / 年度 / 時点: the year of a neighbouring value column. */
  readonly years?: readonly YearColumn[];
  /** 目安値: the expected value on the straight line for that year (the `pace` rule uses it). */
  readonly expected?: HeadedColumn & { readonly year?: number };
  /** 前年度評価 / 前回評価: last year's grade, kept as history. */
  readonly previousGrade?: HeadedColumn;
  /** 進捗率 / 達成率 the office computed: checked against ours. */
  readonly officeRates?: readonly OfficeRateColumn[];
  /** 増減 / 前年比: signed changes, not values. Ignored. */
  readonly changes?: readonly HeadedColumn[];
  /** 備考 / 出典 / 算出方法 / 説明 / 要因分析 / 課題 / 今後の方向性 / 今後の取組: the officer's words. Ignored. */
  readonly notes?: readonly HeadedColumn[];
}

/** A reference to one value cell and what it says. */
export interface ValueCell {
  readonly row: number;
  readonly col: number;
  /** The text Excel displays. */
  readonly text: string;
  readonly reading: CellReading;
  /** The year that applies: the cell's own annotation, else its column header's. */
  readonly year?: number;
}

export interface KpiRow {
  /** The sheet row of this KPI's values (0-based). */
  readonly row: number;
  /** Indicator text without the department note; sub-rows as "parent／sub". */
  readonly name: string;
  /** "企画政策課" from "（企画政策課）", when present. */
  readonly department?: string;
  /** Notes such as "※来年度以降調査予定". */
  readonly note?: string;
  /** The No cell text ("1", "２"), when present. */
  readonly number?: string;
  readonly baseline?: ValueCell;
  readonly intermediates: readonly ValueCell[];
  readonly current?: ValueCell;
  readonly target: ValueCell;
  /** The current value comes from a 見込 (forecast) column: graded, and the reason says so. */
  readonly currentIsForecast?: true;
  /** The row's direction from the table's direction column (↑ ↓ 増加 減少 維持), when it says one. */
  readonly direction?: Direction;
  /** The row's 目安値 (expected value) cell, from the table's 目安値 column. */
  readonly expected?: ValueCell;
  /** The office's own 進捗率 / 達成率 cells. */
  readonly officeRates?: readonly { readonly rate: 'progress' | 'attainment'; readonly cell: ValueCell }[];
  /** Last year's grade (前年度評価), as displayed: history, never written. */
  readonly previousGrade?: { readonly row: number; readonly col: number; readonly text: string };
  /** The grade cell, when the table has a grade column. */
  readonly gradeCell?: {
    readonly row: number;
    readonly col: number;
    /** Displayed text of what is there now ("Ｂ", "" …). */
    readonly text: string;
    /** The formula, when the grade cell holds one (then it is never written). */
    readonly formula?: string;
  };
}

export interface KpiTable {
  readonly sheet: string;
  /** Header rows through the last KPI row, first through last column. */
  readonly range: CellRange;
  /** First and last header row (two-row headers have two). */
  readonly headerRows: { readonly top: number; readonly bottom: number };
  readonly columns: TableColumns;
  readonly kpis: readonly KpiRow[];
}

// ───────────────────────────── §4–§5 measures ─────────────────────────────

/** 'up' higher is better, 'down' lower is better, 'keep' 維持 (hold the level). */
export type Direction = 'up' | 'down' | 'keep';

export interface Measures {
  readonly direction: Direction;
  /** Why that direction: the table's direction column, the target's bound, a rank unit, the sign of T − B, or T = B. */
  readonly directionBasis: 'column' | 'bound' | 'rank' | 'values' | 'keep';
  /** 進捗率 p = (C − B)/(T − B); undefined when B is missing or T = B. */
  readonly progress?: number;
  /** 経過率 t in [0, 1]; 1 when a year is unknown. */
  readonly elapsed: number;
  /** False when a year was unknown and t = 1 was assumed (the explanation says so). */
  readonly elapsedKnown: boolean;
  /** 達成率 a = C/T (up) or T/C (down). */
  readonly attainment?: number;
  /** 悪化率 d: how much worse than the baseline (positive = worse). */
  readonly deterioration?: number;
  /** C satisfies the target (bound, or C ≥ T / C ≤ T by direction). */
  readonly targetMet: boolean;
}

/** The numbers one KPI is graded on, after parsing and unit alignment. */
export interface KpiFigures {
  readonly baseline?: { readonly value: number; readonly year?: number };
  readonly current?: { readonly value: number; readonly year?: number };
  readonly target: { readonly value: number; readonly year?: number; readonly bound?: Bound };
  /** The unit shared by the row, after rescaling (e.g. "%", "万人", "位"). */
  readonly unit: string;
  /** Which way is better, when the ledger says so itself (a direction column): overrides spec §4's inference. */
  readonly direction?: Direction;
  /** The ledger's own 目安値 for the current year, in the row's unit: the `pace` rule uses it. */
  readonly expected?: number;
  /** The current value is a forecast (見込): the reason says so. */
  readonly currentIsForecast?: true;
  /** The target is an action (策定完了 …) graded on a 0/1 scale: some scales give it a code of its own. */
  readonly qualitative?: boolean;
  /** The target is a relation to the baseline (「基準値を上回る」 …), as written: target = baseline, bound by the word. */
  readonly relation?: RelationTarget;
}

/** 「基準値を上回る」「増加」 → 'up', 「下回る」「減少」 → 'down', 「現状維持」「維持」 → 'keep'. */
export interface RelationTarget {
  readonly relation: 'up' | 'down' | 'keep';
  readonly text: string;
}

// ───────────────────────────── §6 grades ─────────────────────────────

/**
 * A grade key, half-width: S A B C D E and "-" for 実施時期未到来.
 * The `points` preset uses "1" … "7".
 */
export type BuiltinGradeKey = 'S' | 'A' | 'B' | 'C' | 'D' | 'E' | '-' | '1' | '2' | '3' | '4' | '5' | '6' | '7';

/**
 * A grade as the rule names it: a builtin method's key, or a city scale's own code
 * ("F", "a", "N", "X", "①" …, see ScaleRule). Written as the code, in the column's width.
 */
export type GradeKey = BuiltinGradeKey | (string & {});

export interface GradeOutcome {
  /** null when the KPI cannot be graded (unreadable cell, no target …). */
  readonly grade: GradeKey | null;
  /** Meaning of the grade in the preset, e.g. "順調". */
  readonly meaning?: string;
  /** One line, Japanese: "進捗率 75%（経過 60%）→ Ａ 順調". */
  readonly reason: string;
  /** English reason, for the English UI. */
  readonly reasonEn: string;
  readonly measures?: Measures;
}

// ───────────────────────────── problems ─────────────────────────────

export type ProblemCode =
  | 'unreadableCell' // a value cell fits no grammar
  | 'noTarget' // the target cell is missing or unreadable
  | 'unitMismatch' // units in a row cannot be reconciled
  | 'relationNoBaseline' // a target 「基準値を上回る」 … with no baseline to compare with
  | 'gradeIsFormula' // the grade cell holds a formula: not written
  | 'sheetProtected' // the sheet is protected: not written
  | 'noGradeColumn' // a KPI table without a grade column (offer to add one)
  | 'handGradeDiffers' // a typed grade differs from the computed one (kept unless asked)
  | 'changedSincePreview' // a cell changed between preview and write
  | 'tableUnreadable' // a table whose layout could not be read
  | 'gradeColumnBlocked' // a grade column cannot be added: the column to the right is not empty
  | 'sheetMissing' // a sheet was renamed or deleted since the preview / the last write
  | 'notesUnsupported' // this Excel cannot add notes (needs ExcelApi 1.18)
  | 'noteKept' // the officer's own note on a grade cell was kept, ours not added
  | 'rulesUnreadable' // Excel could not load the sheet's conditional formats: grades written, no colour rules
  | 'rulesNotRemoved' // undo: the add-in's colour rules there could not be loaded or deleted (cells restored)
  | 'oldRulesKept' // write: Excel refused to delete the add-in's previous colour rules (grades written)
  | 'summarySheetTaken' // a sheet named 「KPI評価集計」 that the add-in did not make: not replaced
  | 'gradeCellShared' // several KPIs written in one cell (arrow lines): no grade column can be added
  | 'tableIncomplete' // header words of a KPI table were found, but a column it needs is missing
  | 'noTableFound' // no KPI table in the whole workbook: which sheets were searched, what was looked for
  | 'expectedDiffers' // the ledger's 目安値 differs from the straight line beyond rounding
  | 'officeRateDiffers' // the office's 進捗率 / 達成率 differs from ours beyond rounding
  | 'mappingSheetMissing' // an officer's saved table reading names a sheet that is gone
  | 'mappingChanged' // the sheet changed under a saved table reading (header cells differ): not used
  | 'mappingEmpty' // a saved table reading finds no KPI row under its header
  | 'sheetUnreadable' // Excel would not send even one row of the sheet: not graded, the other sheets are
  | 'sheetHidden' // a hidden sheet was graded (and is written like any other)
  | 'sheetVeryHidden' // a very hidden sheet was graded; it is written only when the officer says so
  | 'veryHiddenNotWritten'; // a very hidden sheet the officer was not asked about or said no to: nothing written on it

export interface Problem {
  readonly code: ProblemCode;
  readonly sheet: string;
  /** A1 address of the cell concerned ("C7"), or a range ("A3:G9") for table-wide problems. */
  readonly cell: string;
  /** Plain Japanese: what happened and what to do. */
  readonly message: string;
  /** The same in English. */
  readonly messageEn: string;
  /** 'warning' still lets the rest be graded; 'info' is advice. */
  readonly severity: 'warning' | 'info';
}

// ───────────────────────────── evaluation ─────────────────────────────

export interface EvaluatedKpi {
  readonly kpi: KpiRow;
  readonly outcome: GradeOutcome;
  /** The grade as it would be written, in the column's style ("Ａ" or "A"); undefined when no grade. */
  readonly gradeText?: string;
  /** Grade typed in the grade cell now, as displayed ("Ｂ"), when there is one. */
  readonly existing?: string;
  /** The existing grade (normalised) differs from the computed one. */
  readonly differs: boolean;
}

export interface EvaluatedTable {
  readonly table: KpiTable;
  readonly kpis: readonly EvaluatedKpi[];
  /** Full-width (official reports) or half-width grade letters in this table's grade column. */
  readonly gradeStyle: 'full' | 'half';
}

export interface Evaluation {
  readonly presetId: string;
  /** Every grade the rule can give (colour rules cover them all, so grades typed later are coloured too). */
  readonly gradeKeys: readonly GradeKey[];
  /** The fill and text colour of each grade (spec §7): fixed for the builtins, by rank for a city's scale. */
  readonly gradeColours: Readonly<Partial<Record<GradeKey, { readonly fill: string; readonly fontColor: string }>>>;
  readonly tables: readonly EvaluatedTable[];
  readonly problems: readonly Problem[];
}

// ───────────────────────────── §7–§8 write plan ─────────────────────────────

/** What a cell held before we wrote it: enough to restore it exactly. */
export interface CellSnapshot {
  readonly value: string | number | boolean | null;
  readonly formula?: string;
}

export interface CellWrite {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** "G5" */
  readonly address: string;
  readonly before: CellSnapshot;
  /** The text to write ("Ａ"). */
  readonly after: string;
  readonly purpose: 'grade' | 'gradeHeader';
  /**
   * The cell lies in a merged area of the grid the plan was made from. The adapter writes such a
   * cell on its own: its own merged-area check at write time may miss an area that starts above or
   * left of the written range (office-js issue #3611).
   */
  readonly inMerge?: true;
}

export interface NoteWrite {
  readonly sheet: string;
  readonly address: string;
  readonly text: string;
}

/** One conditional-format rule: cells equal to `gradeText` get this fill and font. */
export interface GradeColourRule {
  readonly gradeKey: GradeKey;
  /** The text as written in the cells ("Ｓ" or "S"). */
  readonly gradeText: string;
  /** "#1F3A93" */
  readonly fill: string;
  readonly fontColor: string;
}

export interface ConditionalFormatPlan {
  readonly sheet: string;
  /** The grade cells of one table, "G5:G9". */
  readonly range: string;
  readonly rules: readonly GradeColourRule[];
}

export interface WritePlan {
  readonly writes: readonly CellWrite[];
  readonly notes: readonly NoteWrite[];
  readonly formats: readonly ConditionalFormatPlan[];
  /** Cells deliberately left alone (formula, protected sheet, hand grade kept), with why. */
  readonly skipped: readonly Problem[];
}

// ───────────────────────────── §6 presets ─────────────────────────────

export type PresetMethod = 'standard' | 'kijun' | 'tassei' | 'pace' | 'points' | 'scale';

/** What a grade means in a preset, shown in the task pane and the reasons. */
export interface GradeMeaning {
  readonly meaning: string; // "順調"
  readonly meaningEn: string; // "On track"
}

interface PresetBase {
  /** "standard", or a user's own id ("standard-copy-1"). */
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** Where the practice is published, as a fact: "長与町 総合計画 施策評価". */
  readonly source: string;
}

interface BuiltinLabels {
  readonly labels: Readonly<Partial<Record<BuiltinGradeKey, GradeMeaning>>>;
}

/** One grade of a city's own scale: its code as the report writes it, and what it means. */
export interface ScaleGrade extends GradeMeaning {
  readonly code: string;
}

/** How far along the plan the current value is expected to be (spec §5 t, or a fixed share per year). */
export type PaceKind =
  | { readonly kind: 'line' } // straight line baseline → target: t = (yC − yB)/(yT − yB)
  | { readonly kind: 'perYear'; readonly share: number }; // 多摩市: share × (yC − yB) of the distance, at most 1

/**
 * A city's own published scale (method 'scale'), first match wins:
 *   qualitative target (an action is the KPI) → `qualitative`, when set;
 *   no current value → `noCurrent`; a state word → its code in `states`, when set;
 *   target met → `met`, when set; a survey item moved less than ±`survey.points` → `survey.code`;
 *   the steps in order (pace: p ≥ min × expected share; attainment: a ≥ min);
 *   worse than the baseline by more than `worse.beyond` → `worse.code`, when set; else `otherwise`.
 */
export interface ScaleRule {
  /** Every code the scale writes, best first: the order gives the colours (spec §7). */
  readonly grades: readonly ScaleGrade[];
  readonly measure: 'pace' | 'attainment';
  readonly pace: PaceKind;
  readonly met?: string;
  readonly steps: readonly { readonly code: string; readonly min: number }[];
  readonly worse?: { readonly code: string; readonly beyond: number };
  readonly otherwise: string;
  readonly noCurrent: string;
  readonly qualitative?: string;
  /** State words as the city's codes (あきる野市: 完了 F, 未着手 X, 中止 Y, 評価困難 Z). Unset: as in the builtins. */
  readonly states?: { readonly done?: string; readonly notStarted?: string; readonly cancelled?: string; readonly hardToEvaluate?: string };
  /**
   * Survey items (市民意識調査, アンケートの割合): a change of less than `points` from the baseline
   * counts as no change (`code`). Items are the KPIs named in `items`, and — when `recognise` — those
   * whose unit is ％ or ポイント and whose name says 満足度・割合・意識調査・アンケート ….
   */
  readonly survey?: { readonly points: number; readonly code: string; readonly recognise: boolean; readonly items: readonly string[] };
}

/** A preset of one of the five builtin methods (fixed grade keys, `labels` and `thresholds`). */
export type BuiltinMethodPreset = Exclude<Preset, { method: 'scale' }>;
export type ScalePreset = Extract<Preset, { method: 'scale' }>;

/**
 * A grading rule: a method plus its thresholds. Rules are data: stored with the
 * workbook, editable in the task pane, identical in every door.
 */
export type Preset = PresetBase &
  (
    | ({ readonly method: 'scale' } & ScaleRule)
    | (BuiltinLabels &
        (
          | {
              readonly method: 'standard';
              // S when p ≥ met; A when p ≥ onPace·t; B when p ≥ roughly·t; D when d > worse; else C.
              readonly thresholds: { readonly met: number; readonly onPace: number; readonly roughly: number; readonly worse: number };
            }
          | {
              readonly method: 'kijun';
              // S target met; A better than baseline; B at most sameLevel worse; C more.
              readonly thresholds: { readonly sameLevel: number };
            }
          | {
              readonly method: 'tassei';
              // A a ≥ a; B a ≥ b; C a ≥ c; D below.
              readonly thresholds: { readonly a: number; readonly b: number; readonly c: number };
            }
          | {
              readonly method: 'pace';
              // A p ≥ onPace·t; B behind but not worse than baseline; C worse than baseline.
              readonly thresholds: { readonly onPace: number };
            }
          | {
              readonly method: 'points';
              // 7 points at a ≥ steps[0], 6 at ≥ steps[1] … 2 at ≥ steps[5], 1 below. Descending.
              readonly thresholds: { readonly steps: readonly [number, number, number, number, number, number] };
            }
        ))
  );

/** How the officer chose to write. */
export interface WriteOptions {
  /**
   * Where a hand-typed grade differs from the computed one: 'none' keeps every
   * typed grade (the default, §8), 'all' adopts every computed grade, or the set of
   * grade cells (keys from `gradeCellKey`) whose computed grade was adopted.
   */
  readonly adopt: 'none' | 'all' | ReadonlySet<string>;
  /** Also write each reason as a cell note. */
  readonly notes: boolean;
  /** Add a 達成状況 column to the right of tables that have none. */
  readonly addGradeColumns: boolean;
}

/** "第1節!G5": identifies a grade cell across the workbook. */
export function gradeCellKey(sheet: string, address: string): string {
  return `${sheet}!${address}`;
}

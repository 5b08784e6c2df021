/**
 * The pane's state machine, as a pure reducer:
 *
 *   idle ──evaluate──▶ reading ──grids──▶ evaluating ──▶ preview ──write──▶ writing ──▶ written
 *     ▲                   │ cancel / error     │ cancel/error ▲  │ regrade (same grids, changed rule)
 *     └───────────────────┴────────────────────┘              └──┘  via evaluating
 *
 * Undo can start from idle, preview or written (it restores what the last write
 * changed, also from an earlier session); after undoing a write just made, the
 * preview is valid again, so `written` returns to `preview`.
 * Actions that make no sense in the current phase are ignored, so a late answer
 * from the host (e.g. grids arriving after a cancel) cannot move the machine.
 */
import type { SheetGrid } from '../../core/grid';
import type { Evaluation, Preset } from '../../core/types';
import { gradeCellKey } from '../../core/types';
import { cellAddress } from '../../core/grid';
import type { ApplyReport, EvaluationScope, ReadProgress, UndoReport } from '../../core/host';
import { officeErrorKind, technicalText, type OfficeErrorKind } from './hostErrorKind';

export type Phase = 'idle' | 'reading' | 'evaluating' | 'preview' | 'writing' | 'written' | 'undoing';

/** What the host or engine was doing when it failed: picks the message and the advice. */
export type FailedOperation =
  | 'read'
  | 'evaluate'
  | 'plan'
  | 'write'
  | 'undo'
  | 'hasUndo'
  | 'loadPreset'
  | 'savePreset'
  | 'select'
  | 'readSelection'
  | 'loadMappings'
  | 'saveMappings'
  | 'summary'
  | 'removeSummary';

export interface ErrorInfo {
  /** What was thrown, in words (Japanese when the thrower had Japanese). */
  readonly detail: string;
  /** The English words, when the thrower had them (the adapter's HostError does). */
  readonly detailEn?: string;
  /**
   * The thrower already said, in plain words, what happened and what to do (the
   * adapter's HostError): shown as is. Otherwise it is a technical message, shown as
   * a detail under the pane's own advice.
   */
  readonly plain?: boolean;
  /** What kind of Office.js trouble it was, when known: picks the advice (src/taskpane/state/hostErrorKind.ts). */
  readonly kind?: OfficeErrorKind;
  /** The technical code and words, shown once, folded away under the plain message. */
  readonly technical?: string;
}

export interface PaneError extends ErrorInfo {
  readonly op: FailedOperation;
}

export type Notice = 'cancelled' | 'presetSaved' | 'mappingSaved' | 'mappingRemoved';

/** What every phase carries: the run counters, the write options, undo's availability, the messages. */
interface Common {
  /** The evaluation run in progress or shown; answers for another run are ignored. */
  readonly run: number;
  /** The run that read the grids on screen (a regrade keeps it): the results list's identity. */
  readonly readRun: number;
  readonly notes: boolean;
  readonly addGradeColumns: boolean;
  readonly canUndo: boolean;
  readonly error?: PaneError;
  readonly notice?: Notice;
}

/** An evaluation on screen: the grids it was graded from, the rule it was graded with, the officer's choices. */
export interface Graded {
  readonly scope: EvaluationScope;
  readonly grids: readonly SheetGrid[];
  readonly evaluation: Evaluation;
  /** The rule the evaluation was made with. */
  readonly evaluatedWith: Preset;
  /** Grade cells (gradeCellKey) whose computed grade the officer adopted over the typed one. */
  readonly adopted: ReadonlySet<string>;
}

/** A write's answer, with the cells its plan meant to change: what the report's skips are counted against. */
export interface WriteOutcome {
  readonly report: ApplyReport;
  readonly plannedCells?: number;
}

export interface IdleState extends Common {
  readonly phase: 'idle';
  /** The answer of an undo started from here (an earlier session's write). */
  readonly undoReport?: UndoReport;
}

export interface ReadingState extends Common {
  readonly phase: 'reading';
  readonly scope: EvaluationScope;
  readonly progress?: ReadProgress;
}

export interface EvaluatingState extends Common {
  readonly phase: 'evaluating';
  readonly scope: EvaluationScope;
  readonly grids: readonly SheetGrid[];
  /** A regrade (same grids, changed rule): the results graded before, still on screen meanwhile. */
  readonly shown?: Graded;
}

export interface PreviewState extends Common, Graded {
  readonly phase: 'preview';
  /** A write that changed nothing (e.g. the sheet was protected after the preview): said until dismissed. */
  readonly lastWrite?: WriteOutcome;
  /** The answer of an undo started from here, or of undoing the write just made. */
  readonly undoReport?: UndoReport;
}

export interface WritingState extends Common, Graded {
  readonly phase: 'writing';
  readonly plannedCells?: number;
}

export interface WrittenState extends Common, Graded {
  readonly phase: 'written';
  readonly lastWrite: WriteOutcome;
  /** The write's report is on screen (the officer may dismiss it; the write stays 書き込み済み). */
  readonly reportOpen: boolean;
}

export interface UndoingState extends Common {
  readonly phase: 'undoing';
  /** Where undo started, and where it returns (a write just undone makes its preview valid again). */
  readonly before: IdleState | PreviewState | WrittenState;
}

/** One type per phase: a preview always has its evaluation, a written state its report. */
export type LedgerState = IdleState | ReadingState | EvaluatingState | PreviewState | WritingState | WrittenState | UndoingState;

export const initialState: LedgerState = {
  phase: 'idle',
  run: 0,
  readRun: 0,
  notes: false,
  addGradeColumns: false,
  canUndo: false,
};

export type Action =
  | { type: 'readStart'; scope: EvaluationScope; run: number }
  | { type: 'regradeStart'; run: number }
  | { type: 'readProgress'; run: number; progress: ReadProgress }
  | { type: 'readDone'; run: number; grids: readonly SheetGrid[] }
  | { type: 'evaluated'; run: number; evaluation: Evaluation; preset: Preset }
  | { type: 'cancel' }
  | ({ type: 'fail'; op: FailedOperation; run?: number } & ErrorInfo)
  | { type: 'setAdopt'; key: string; adopt: boolean }
  | { type: 'adoptAll'; adopt: boolean }
  | { type: 'setOption'; option: 'notes' | 'addGradeColumns'; value: boolean }
  | { type: 'writeStart'; cells?: number }
  | { type: 'writeDone'; report: ApplyReport }
  | { type: 'undoStart' }
  | { type: 'undoDone'; report: UndoReport }
  | { type: 'undoAvailable'; value: boolean }
  | { type: 'notice'; notice: Notice }
  | { type: 'dismissError' }
  | { type: 'dismissNotice' }
  | { type: 'dismissReports' };

/** True while the host or the engine is busy: the evaluate, write and undo buttons wait. */
export function isBusy(phase: Phase): boolean {
  return phase === 'reading' || phase === 'evaluating' || phase === 'writing' || phase === 'undoing';
}

/** True when a write changed no cell and added no note. */
export function wroteNothing(report: ApplyReport): boolean {
  return report.written === 0 && report.notes === 0;
}

/** The grade-cell keys of every KPI whose typed grade differs from the computed one. */
export function differingKeys(evaluation: Evaluation | undefined): string[] {
  const keys: string[] = [];
  for (const t of evaluation?.tables ?? []) {
    for (const k of t.kpis) {
      if (k.differs && k.kpi.gradeCell) keys.push(gradeCellKey(t.table.sheet, cellAddress(k.kpi.gradeCell.row, k.kpi.gradeCell.col)));
    }
  }
  return keys;
}

/** The evaluation on screen, in whatever phase: kept while it is graded again, written or undone. */
export function shownOf(state: LedgerState): Graded | undefined {
  switch (state.phase) {
    case 'preview':
    case 'writing':
    case 'written':
      return state;
    case 'evaluating':
      return state.shown;
    case 'undoing':
      return shownOf(state.before);
    default:
      return undefined;
  }
}

/** The write report on screen, if any (it stays while an undo runs). */
export function writeReportOf(state: LedgerState): WriteOutcome | undefined {
  switch (state.phase) {
    case 'preview':
      return state.lastWrite;
    case 'written':
      return state.reportOpen ? state.lastWrite : undefined;
    case 'undoing':
      return writeReportOf(state.before);
    default:
      return undefined;
  }
}

/** The undo report on screen, if any. */
export function undoReportOf(state: LedgerState): UndoReport | undefined {
  return state.phase === 'idle' || state.phase === 'preview' ? state.undoReport : undefined;
}

/**
 * The fields every phase shares, and nothing else: each transition builds its target
 * state from parts, so no field of the phase left behind lingers (a spread would keep it).
 */
function commonOf(s: Common): Common {
  return {
    run: s.run,
    readRun: s.readRun,
    notes: s.notes,
    addGradeColumns: s.addGradeColumns,
    canUndo: s.canUndo,
    ...(s.error && { error: s.error }),
    ...(s.notice && { notice: s.notice }),
  };
}

function gradedOf(s: Graded): Graded {
  return { scope: s.scope, grids: s.grids, evaluation: s.evaluation, evaluatedWith: s.evaluatedWith, adopted: s.adopted };
}

/** The preview of an evaluation, without any write or undo report. */
function previewOf(common: Common, graded: Graded): PreviewState {
  return { ...common, ...gradedOf(graded), phase: 'preview' };
}

function withoutReports(s: IdleState | PreviewState | WrittenState): IdleState | PreviewState | WrittenState {
  switch (s.phase) {
    case 'idle':
      return { ...commonOf(s), phase: 'idle' };
    case 'preview':
      return previewOf(commonOf(s), s);
    case 'written':
      return { ...s, reportOpen: false };
  }
}

function paneError(action: { op: FailedOperation } & ErrorInfo): PaneError {
  return {
    op: action.op,
    detail: action.detail,
    ...(action.detailEn !== undefined ? { detailEn: action.detailEn } : {}),
    ...(action.plain ? { plain: true } : {}),
    ...(action.kind ? { kind: action.kind } : {}),
    ...(action.technical ? { technical: action.technical } : {}),
  };
}

export function reducer(state: LedgerState, action: Action): LedgerState {
  switch (action.type) {
    case 'readStart':
      if (isBusy(state.phase)) return state;
      return { ...commonOf(state), error: undefined, notice: undefined, phase: 'reading', run: action.run, readRun: action.run, scope: action.scope };
    case 'regradeStart':
      // The same grids, a changed rule: the preview stays on screen while it is graded again.
      if (state.phase !== 'preview') return state;
      return { ...commonOf(state), phase: 'evaluating', run: action.run, scope: state.scope, grids: state.grids, shown: gradedOf(state) };
    case 'readProgress':
      if (state.phase !== 'reading' || action.run !== state.run) return state;
      return { ...state, progress: action.progress };
    case 'readDone':
      if (state.phase !== 'reading' || action.run !== state.run) return state;
      return { ...commonOf(state), phase: 'evaluating', scope: state.scope, grids: action.grids };
    case 'evaluated': {
      if (action.run !== state.run) return state;
      // First evaluation after reading, or the same grids graded again with a changed rule.
      if (state.phase !== 'evaluating' && state.phase !== 'preview') return state;
      // Keep the officer's choices that still apply to a differing row.
      const before = state.phase === 'preview' ? state.adopted : (state.shown?.adopted ?? new Set<string>());
      const stillDiffering = new Set(differingKeys(action.evaluation));
      const adopted = new Set([...before].filter((k) => stillDiffering.has(k)));
      const graded: Graded = { scope: state.scope, grids: state.grids, evaluation: action.evaluation, evaluatedWith: action.preset, adopted };
      // Graded again while already previewing: the reports on screen stay.
      return state.phase === 'preview' ? { ...state, ...graded } : previewOf(commonOf(state), graded);
    }
    case 'cancel':
      if (state.phase !== 'reading' && state.phase !== 'evaluating') return state;
      // Whatever the host still sends belongs to a run that is no longer in reading: ignored.
      return { ...commonOf(state), phase: 'idle', notice: 'cancelled' };
    case 'fail': {
      if (action.run !== undefined && action.run !== state.run) return state;
      const error = paneError(action);
      switch (action.op) {
        case 'read':
        case 'evaluate':
          if (state.phase === 'reading' || state.phase === 'evaluating') return { ...commonOf(state), phase: 'idle', error };
          return { ...state, error };
        case 'write':
          return state.phase === 'writing' ? { ...previewOf(commonOf(state), state), error } : { ...state, error };
        case 'undo':
          return state.phase === 'undoing' ? { ...state.before, ...commonOf(state), error } : { ...state, error };
        default:
          return { ...state, error };
      }
    }
    case 'setAdopt': {
      if (state.phase !== 'preview') return state;
      const adopted = new Set(state.adopted);
      if (action.adopt) adopted.add(action.key);
      else adopted.delete(action.key);
      return { ...state, adopted };
    }
    case 'adoptAll':
      if (state.phase !== 'preview') return state;
      return { ...state, adopted: action.adopt ? new Set(differingKeys(state.evaluation)) : new Set() };
    case 'setOption':
      if (state.phase === 'writing') return state;
      return { ...state, [action.option]: action.value };
    case 'writeStart':
      if (state.phase !== 'preview') return state;
      return {
        ...commonOf(state),
        error: undefined,
        ...gradedOf(state),
        phase: 'writing',
        ...(action.cells !== undefined && { plannedCells: action.cells }),
      };
    case 'writeDone': {
      if (state.phase !== 'writing') return state;
      const lastWrite: WriteOutcome = { report: action.report, ...(state.plannedCells !== undefined && { plannedCells: state.plannedCells }) };
      // A write that changed nothing (e.g. the sheet was protected after the preview) is not
      // 「書き込み済み」 and leaves nothing to undo: the preview stays writable for another try.
      if (wroteNothing(action.report)) return { ...previewOf(commonOf(state), state), lastWrite };
      return { ...commonOf(state), ...gradedOf(state), phase: 'written', lastWrite, reportOpen: true, canUndo: true };
    }
    case 'undoStart': {
      if (state.phase !== 'idle' && state.phase !== 'preview' && state.phase !== 'written') return state;
      // The undo report of an earlier undo goes; a write's report stays on screen meanwhile.
      const before: UndoingState['before'] =
        state.phase === 'written' ? state : state.phase === 'idle' ? { ...commonOf(state), phase: 'idle' } : { ...state, undoReport: undefined };
      return { ...commonOf(state), error: undefined, phase: 'undoing', before };
    }
    case 'undoDone': {
      if (state.phase !== 'undoing') return state;
      const { before } = state;
      const undoReport = action.report;
      if (before.phase === 'idle') return { ...commonOf(state), phase: 'idle', undoReport };
      // After undoing a write just made, its preview is valid again.
      return { ...previewOf(commonOf(state), before), undoReport };
    }
    case 'undoAvailable':
      return { ...state, canUndo: action.value };
    case 'notice':
      return { ...state, notice: action.notice };
    case 'dismissError':
      return { ...state, error: undefined };
    case 'dismissNotice':
      return { ...state, notice: undefined };
    case 'dismissReports':
      if (state.phase === 'undoing') return { ...state, before: withoutReports(state.before) };
      if (state.phase === 'idle' || state.phase === 'preview' || state.phase === 'written') return { ...withoutReports(state), ...commonOf(state) };
      return state;
  }
}

/** A rejection's message, whatever was thrown. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  try {
    return JSON.stringify(e) ?? String(e);
  } catch {
    return String(e);
  }
}

/**
 * What a rejection says. The adapter's HostError carries plain Japanese and English
 * (message / messageEn); its technical {{detail}} is taken out of the sentence and kept
 * apart (shown once, folded away). Anything else (an Office.js error, a string) is
 * technical: the pane words the advice itself, from the kind of error when it knows it.
 */
export function errorInfo(e: unknown): ErrorInfo {
  const detail = describeError(e);
  const kind = officeErrorKind(e);
  const en = typeof e === 'object' && e !== null ? (e as { messageEn?: unknown }).messageEn : undefined;
  if (typeof en === 'string' && en !== '') {
    const inner = (e as { detail?: unknown }).detail;
    const words = typeof inner === 'string' && inner !== '' ? inner : undefined;
    return {
      detail: plainSentence(detail, words, 'ja'),
      detailEn: plainSentence(en, words, 'en'),
      plain: true,
      ...(kind ? { kind } : {}),
      ...(words ? { technical: technicalText(e) } : {}),
    };
  }
  return { detail, technical: technicalText(e), ...(kind ? { kind } : {}) };
}

/**
 * The adapter's sentence without its technical parenthesis, and naming the pane's
 * button: the adapter says 「評価」 for the command, the pane's button is 「すべて評価」.
 */
function plainSentence(sentence: string, technical: string | undefined, lang: 'ja' | 'en'): string {
  let out = sentence;
  if (technical) out = lang === 'ja' ? out.split(`（${technical}）`).join('') : out.split(` (${technical})`).join('');
  return lang === 'ja' ? out.replace(/「評価」を実行して/g, '「すべて評価」を押して') : out;
}

/** True for the rejection of an aborted read (DOMException or any error named AbortError). */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

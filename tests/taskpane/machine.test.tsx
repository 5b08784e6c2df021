// @vitest-environment jsdom
/**
 * The pane's state machine on its own: the transitions, and that late or
 * out-of-place answers cannot move it.
 */
import { describe, expect, it } from 'vitest';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import {
  describeError,
  differingKeys,
  errorInfo,
  initialState,
  isAbortError,
  reducer,
  shownOf,
  undoReportOf,
  writeReportOf,
  type Action,
  type LedgerState,
} from '../../src/taskpane/state/machine';
import { seedSheet } from './render';

const grids = [seedSheet()];
const evaluation = evaluateWorkbook(grids, BUILTIN_PRESETS.standard);
const preset = BUILTIN_PRESETS.standard;
const report = { written: 1, notes: 0, rules: 6, skipped: [] };

const run = (actions: Action[], from: LedgerState = initialState) => actions.reduce(reducer, from);
const toPreview: Action[] = [
  { type: 'readStart', scope: { kind: 'workbook' }, run: 1 },
  { type: 'readProgress', run: 1, progress: { sheetsRead: 1, sheetsTotal: 1 } },
  { type: 'readDone', run: 1, grids },
  { type: 'evaluated', run: 1, evaluation, preset },
];

describe('machine', () => {
  it('idle → reading → evaluating → preview → writing → written', () => {
    const phases: string[] = [];
    let s = initialState;
    for (const a of [...toPreview, { type: 'writeStart' } as Action, { type: 'writeDone', report } as Action]) {
      s = reducer(s, a);
      phases.push(s.phase);
    }
    expect(phases).toEqual(['reading', 'reading', 'evaluating', 'preview', 'writing', 'written']);
    expect(s.phase === 'written' && s.lastWrite.report).toBe(report);
    expect(writeReportOf(s)?.report).toBe(report);
    expect(s.canUndo).toBe(true);
  });

  it('cancel returns to idle and ignores what the host sends afterwards', () => {
    const s = run([toPreview[0]!, { type: 'cancel' }, toPreview[2]!, toPreview[3]!]);
    expect(s.phase).toBe('idle');
    expect(s.notice).toBe('cancelled');
    expect(shownOf(s)).toBeUndefined();
  });

  it('answers from an older run are ignored', () => {
    const s = run([
      ...toPreview,
      { type: 'readStart', scope: { kind: 'activeSheet' }, run: 2 },
      { type: 'readDone', run: 1, grids },
      { type: 'fail', op: 'read', detail: 'late', run: 1 },
    ]);
    expect(s.phase).toBe('reading');
    expect(s.error).toBeUndefined();
  });

  it('a failed read or grading goes back to idle with the error', () => {
    const s = run([toPreview[0]!, { type: 'fail', op: 'read', detail: 'boom', run: 1 }]);
    expect(s.phase).toBe('idle');
    expect(s.error).toEqual({ op: 'read', detail: 'boom' });
  });

  it('a failed write returns to the preview', () => {
    const s = run([...toPreview, { type: 'writeStart' }, { type: 'fail', op: 'write', detail: 'x' }]);
    expect(s.phase).toBe('preview');
    expect(s.error?.op).toBe('write');
  });

  it('writing is only possible from the preview, and busy phases refuse new work', () => {
    expect(reducer(initialState, { type: 'writeStart' }).phase).toBe('idle');
    const reading = run([toPreview[0]!]);
    expect(reducer(reading, { type: 'undoStart' })).toBe(reading);
    expect(reducer(reading, { type: 'readStart', scope: { kind: 'workbook' }, run: 9 })).toBe(reading);
  });

  it('undo after a write returns to the preview; undo from idle returns to idle', () => {
    const written = run([...toPreview, { type: 'writeStart' }, { type: 'writeDone', report }]);
    const undone = run([{ type: 'undoStart' }, { type: 'undoDone', report: { restored: 1, problems: [] } }], written);
    expect(undone.phase).toBe('preview');
    expect(undoReportOf(undone)?.restored).toBe(1);
    expect(writeReportOf(undone)).toBeUndefined();
    const fromIdle = run([{ type: 'undoStart' }, { type: 'undoDone', report: { restored: 0, problems: [] } }]);
    expect(fromIdle.phase).toBe('idle');
    const failed = run([{ type: 'undoStart' }, { type: 'fail', op: 'undo', detail: 'x' }], written);
    expect(failed.phase).toBe('written');
  });

  it('adopting: one row, all rows, and choices kept across a regrade only where they still apply', () => {
    const keys = differingKeys(evaluation);
    expect(keys).toEqual(['第1節!F4']);
    const adopted = (state: LedgerState) => [...(shownOf(state)?.adopted ?? [])];
    let s = run([...toPreview, { type: 'setAdopt', key: keys[0]!, adopt: true }]);
    expect(adopted(s)).toEqual(keys);
    s = reducer(s, { type: 'adoptAll', adopt: false });
    expect(adopted(s)).toEqual([]);
    s = reducer(s, { type: 'adoptAll', adopt: true });
    expect(adopted(s)).toEqual(keys);
    // Regrade with a rule under which F4 no longer differs: the choice goes.
    const tassei = evaluateWorkbook(grids, BUILTIN_PRESETS.tassei);
    s = reducer(s, { type: 'regradeStart', run: 2 });
    // While it is graded again, the results graded before stay on screen with the choice.
    expect(s.phase).toBe('evaluating');
    expect(shownOf(s)?.evaluation).toBe(evaluation);
    expect(adopted(s)).toEqual(keys);
    s = reducer(s, { type: 'evaluated', run: 2, evaluation: tassei, preset: BUILTIN_PRESETS.tassei });
    expect(s.phase).toBe('preview');
    expect(shownOf(s)?.evaluatedWith).toBe(BUILTIN_PRESETS.tassei);
    expect(adopted(s)).toEqual(differingKeys(tassei).filter((k) => keys.includes(k)));
    expect(s.readRun).toBe(1);
  });

  it('a preview always has its evaluation, grids and rule; a fresh read drops the last one', () => {
    const s = run(toPreview);
    if (s.phase !== 'preview') throw new Error(`expected the preview, got ${s.phase}`);
    expect(s.evaluation).toBe(evaluation);
    expect(s.grids).toBe(grids);
    expect(s.evaluatedWith).toBe(preset);
    expect(s.scope).toEqual({ kind: 'workbook' });
    const again = reducer(s, { type: 'readStart', scope: { kind: 'activeSheet' }, run: 2 });
    expect(again.phase).toBe('reading');
    expect(shownOf(again)).toBeUndefined();
    expect(Object.keys(again)).not.toContain('evaluation');
  });

  it('the write report stays while its undo runs, goes when dismissed, and the write stays 書き込み済み', () => {
    const written = run([...toPreview, { type: 'writeStart', cells: 3 }, { type: 'writeDone', report }]);
    expect(writeReportOf(written)).toEqual({ report, plannedCells: 3 });
    const undoing = reducer(written, { type: 'undoStart' });
    expect(undoing.phase).toBe('undoing');
    expect(writeReportOf(undoing)?.report).toBe(report);
    expect(shownOf(undoing)?.evaluation).toBe(evaluation);
    const dismissed = reducer(written, { type: 'dismissReports' });
    expect(dismissed.phase).toBe('written');
    expect(writeReportOf(dismissed)).toBeUndefined();
    expect(dismissed.phase === 'written' && dismissed.lastWrite.report).toBe(report);
  });

  it('a write that changed nothing returns to the preview with its report, and nothing to undo', () => {
    const nothing = { written: 0, notes: 0, rules: 0, skipped: [] };
    const s = run([...toPreview, { type: 'writeStart', cells: 2 }, { type: 'writeDone', report: nothing }]);
    expect(s.phase).toBe('preview');
    expect(writeReportOf(s)).toEqual({ report: nothing, plannedCells: 2 });
    expect(s.canUndo).toBe(false);
    // Writing again starts without the old report.
    expect(writeReportOf(reducer(s, { type: 'writeStart' }))).toBeUndefined();
  });

  it('keeps the adapter’s plain words in both languages', () => {
    const hostError = Object.assign(new Error('ブックを読み取れませんでした（x）。'), { messageEn: 'The workbook could not be read (x).' });
    expect(errorInfo(hostError)).toEqual({ detail: 'ブックを読み取れませんでした（x）。', detailEn: 'The workbook could not be read (x).', plain: true });
    expect(errorInfo(new Error('GeneralException'))).toEqual({ detail: 'GeneralException', technical: 'GeneralException', kind: 'internal' });
    const s = run([toPreview[0]!, { type: 'fail', op: 'read', run: 1, ...errorInfo(hostError) }]);
    expect(s.error?.plain).toBe(true);
  });

  it('describes whatever was thrown', () => {
    expect(describeError(new Error('x'))).toBe('x');
    expect(describeError('text')).toBe('text');
    expect(describeError({ code: 'E' })).toBe('{"code":"E"}');
    expect(isAbortError(new DOMException('a', 'AbortError'))).toBe(true);
    expect(isAbortError(new Error('a'))).toBe(false);
  });
});

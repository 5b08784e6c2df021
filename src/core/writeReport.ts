/**
 * What a write left alone, sorted and headed the same way by every door: the pane's result
 * message (src/taskpane/components/StatusArea.tsx) and the command line's report
 * (src/cli/textReport.ts) use these groups and these words.
 *
 * - kept: typed grades kept by the officer's choice (handGradeDiffers), a neutral count;
 * - notWritten: cells not written for a reason the officer should act on (a warning);
 * - info: advice that is not a failure (a note kept, notes unsupported).
 */
import type { Lang } from './i18n';
import type { Problem } from './types';

/** Problems, or their --json form: only the code and the severity sort them. */
type Skip = Pick<Problem, 'code' | 'severity'> | { readonly code: string; readonly severity: string };

export interface SortedSkips<P extends Skip = Problem> {
  readonly kept: readonly P[];
  readonly notWritten: readonly P[];
  readonly info: readonly P[];
}

export function sortSkipped<P extends Skip>(skipped: readonly P[]): SortedSkips<P> {
  const kept: P[] = [];
  const notWritten: P[] = [];
  const info: P[] = [];
  for (const p of skipped) {
    if (p.code === 'handGradeDiffers') kept.push(p);
    else if (p.severity === 'warning') notWritten.push(p);
    else info.push(p);
  }
  return { kept, notWritten, info };
}

/** The groups' headings ({{count}} filled by the door: the pane through i18next, the command line through createTranslator). */
export const SKIP_HEADINGS: Readonly<Record<Lang, Readonly<Record<'notWritten' | 'keptTyped' | 'info', string>>>> = {
  ja: { notWritten: '書き込まなかったセル（{{count}}件）', keptTyped: '手入力を残したセル: {{count}}件', info: 'お知らせ（{{count}}件）' },
  en: { notWritten: 'Cells not written ({{count}})', keptTyped: 'Typed grades kept: {{count}}', info: 'For your information ({{count}})' },
};

/**
 * Cells, not messages, for the notWritten count: one message may stand for a whole protected
 * sheet. `planned` is how many cells the plan meant to change; the messages are the floor.
 */
export function notWrittenCount(sorted: SortedSkips<Skip>, planned: number | undefined, written: number): number {
  return Math.max(sorted.notWritten.length, planned !== undefined ? planned - written : 0);
}

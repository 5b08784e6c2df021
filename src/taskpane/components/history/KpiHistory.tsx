/**
 * One KPI's history in the pane (issue 13): the grade line 「R3 Ｂ → R4 Ａ → R5 Ｓ」, a small chart
 * of its values against the target line, and, when the target or baseline was revised since the
 * last evaluation, the notice with a field for the reason (saved in the history by the caller).
 * Placed in each KPI row of the results list (KpiRow), when the KPI has history to show.
 */
import { Field, Input, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useId, type KeyboardEvent, type MouseEvent } from 'react';
import { revisionMessage, type Revision } from '../../../core/history/compare';
import { createTranslator, type Lang } from '../../../core/i18n';
import type { GradeKey } from '../../../core/types';
import { useT } from '../../i18n';
import { eraLabel } from '../../../core/years';
import { chartGeometry, gradeLine, type ChartPoint } from './historyView';

const t = createTranslator('paneHistory', {
  ja: {
    history: '評価の推移',
    noHistory: '評価の履歴はまだありません',
    chart: '実績値の推移と目標値（{{target}}）',
    reason: '{{what}}を変更した理由',
    reasonHint: '次に「書き込む」を押すと、理由も評価の履歴に保存されます',
    reasonMissing: '理由がまだ入力されていません',
    target: '目標値',
    baseline: '基準値',
    and: '・',
    savedReason: '{{era}} 評価時の変更理由: {{reason}}',
    savedReasonNoYear: '変更理由: {{reason}}',
  },
  en: {
    history: 'Grade history',
    noHistory: 'No evaluation history yet',
    chart: 'Values by year against the target ({{target}})',
    reason: 'Why the {{what}} was changed',
    reasonHint: 'The next 「書き込む」 (write) saves the reason in the evaluation history too',
    reasonMissing: 'No reason given yet',
    target: 'target',
    baseline: 'baseline',
    and: ' and ',
    savedReason: 'Why it was revised ({{era}} evaluation): {{reason}}',
    savedReasonNoYear: 'Why it was revised: {{reason}}',
  },
});

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  target: { stroke: tokens.colorPaletteRedBorder2, strokeDasharray: '3 2' },
  values: { stroke: tokens.colorBrandForeground1, fill: 'none', strokeWidth: '2' },
});

export interface KpiHistoryProps {
  readonly grades: ReadonlyMap<number, GradeKey>;
  readonly style?: 'full' | 'half';
  readonly values: readonly ChartPoint[];
  readonly target?: { readonly value: number; readonly text: string };
  readonly revisions: readonly Revision[];
  readonly revisionReason?: string;
  readonly onRevisionReason?: (reason: string) => void;
  /** Why the target or baseline was revised, as saved with earlier writes (oldest first). */
  readonly savedReasons?: readonly { readonly year?: number; readonly reason: string }[];
}

const stop = (e: MouseEvent | KeyboardEvent) => e.stopPropagation();

/** 「目標値」, 「基準値」 or 「目標値・基準値」: what the reason is asked for. */
function revisionWhat(revisions: readonly Revision[], lang: Lang): string {
  return revisions.map((r) => t(lang, r.what)).join(t(lang, 'and'));
}

export function KpiHistory({ grades, style = 'full', values, target, revisions, revisionReason, onRevisionReason, savedReasons = [] }: KpiHistoryProps) {
  const { lang } = useT();
  const styles = useStyles();
  const reasonId = useId();
  const line = gradeLine(grades, style);
  const chart = target ? chartGeometry(values, target.value) : undefined;
  return (
    <div className={styles.root}>
      <Text size={200} aria-label={t(lang, 'history')}>
        {line === '' ? t(lang, 'noHistory') : line}
      </Text>
      {chart && target && (
        <svg role="img" aria-label={t(lang, 'chart', { target: target.text })} width={chart.width} height={chart.height} viewBox={`0 0 ${chart.width} ${chart.height}`}>
          <line className={styles.target} x1={0} x2={chart.width} y1={chart.targetY} y2={chart.targetY} />
          <polyline className={styles.values} points={chart.line} />
        </svg>
      )}
      {savedReasons.map((r, i) => (
        <Text key={i} size={200}>
          {r.year !== undefined ? t(lang, 'savedReason', { era: eraLabel(r.year), reason: r.reason }) : t(lang, 'savedReasonNoYear', { reason: r.reason })}
        </Text>
      ))}
      {revisions.map((r) => (
        <MessageBar key={r.what} intent="warning">
          <MessageBarBody>{revisionMessage(r, lang)}</MessageBarBody>
        </MessageBar>
      ))}
      {revisions.length > 0 && onRevisionReason && (
        // Typing in the field is not a click on the row (which selects the KPI's cell in the sheet).
        <div onClick={stop} onKeyDown={stop}>
          <Field
            label={t(lang, 'reason', { what: revisionWhat(revisions, lang) })}
            hint={t(lang, 'reasonHint')}
            {...(revisionReason?.trim() ? {} : { validationState: 'warning' as const, validationMessage: t(lang, 'reasonMissing') })}
          >
            <Input id={reasonId} value={revisionReason ?? ''} onChange={(_, d) => onRevisionReason(d.value)} />
          </Field>
        </div>
      )}
    </div>
  );
}

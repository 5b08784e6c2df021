/**
 * What 「集計を作成」 did, and its undo: 「集計シートを削除」 beside the message that the sheet
 * was made. Its own undo, not the header's 元に戻す: that one restores the ledger's cells from
 * the snapshot of the last grade write (also after reopening the workbook); the summary is a
 * sheet of its own, made and removed without touching a ledger cell, so undoing one must not
 * undo the other.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { useT } from '../i18n';
import type { SummaryOutcome } from '../state/useSummarySheet';

export interface SummarySheetStatusProps {
  readonly outcome?: SummaryOutcome;
  readonly busy: boolean;
  readonly onRemove: () => void;
  readonly onDismiss: () => void;
}

export function SummarySheetStatus({ outcome, busy, onRemove, onDismiss }: SummarySheetStatusProps) {
  const { t, lang } = useT();
  if (!outcome) return null;
  const close = (
    <Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={t('dismiss')} onClick={onDismiss} />
  );
  switch (outcome.kind) {
    case 'written':
      return (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            {t(outcome.replaced ? 'summaryReplaced' : 'summaryWritten', { sheet: outcome.sheet })}
            <Text block size={200}>
              {t('summaryWrittenDetail')}
            </Text>
            <Text block size={200}>
              {outcome.earlierLabel !== undefined ? t('summaryEarlier', { label: outcome.earlierLabel }) : t('summaryNoEarlier')}
            </Text>
          </MessageBarBody>
          <MessageBarActions containerAction={close}>
            <Button size="small" disabled={busy} onClick={onRemove}>
              {t('summaryRemove')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    case 'nameTaken':
      return (
        <MessageBar intent="warning" layout="multiline" role="status">
          <MessageBarBody>
            <MessageBarTitle>{t('summaryTakenTitle')}</MessageBarTitle>
            {lang === 'ja' ? outcome.problem.message : outcome.problem.messageEn}
          </MessageBarBody>
          <MessageBarActions containerAction={close} />
        </MessageBar>
      );
    case 'removed':
    case 'notFound':
      return (
        <MessageBar intent="info" layout="multiline" role="status">
          <MessageBarBody>{t(outcome.kind === 'removed' ? 'summaryRemoved' : 'summaryNotFound', { sheet: outcome.sheet })}</MessageBarBody>
          <MessageBarActions containerAction={close} />
        </MessageBar>
      );
  }
}

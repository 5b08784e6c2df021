/**
 * No KPI table found: says so, what a KPI table looks like to the add-in, and which
 * sheets were searched — instead of the results layout with 0 / 0 / 0 and a footer
 * whose button can do nothing.
 */
import { Button, makeStyles, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import type { Problem } from '../../core/types';
import { TableEdit20Regular, TableSearch24Regular } from '@fluentui/react-icons';
import { useT } from '../i18n';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  icon: { color: tokens.colorBrandForeground1, fontSize: '32px' },
  text: { color: tokens.colorNeutralForeground2, wordBreak: 'keep-all', overflowWrap: 'anywhere' },
  sheets: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

export interface EmptyStateProps {
  readonly sheets: readonly string[];
  /** Opens 「この範囲をKPIの表として読む」: the way on when the headers use other words. */
  readonly onReadRange?: () => void;
  readonly readRangeDisabled?: boolean;
  /** Sheets Excel could not hand over (too big to read): why nothing was found there. */
  readonly warnings?: readonly Problem[];
}

export function EmptyState({ sheets, onReadRange, readRangeDisabled, warnings = [] }: EmptyStateProps) {
  const { t, lang } = useT();
  const styles = useStyles();
  return (
    <section className={styles.box} aria-label={t('emptyTitle')}>
      <TableSearch24Regular className={styles.icon} aria-hidden />
      <Text size={400} weight="semibold" as="h2" style={{ margin: 0 }}>
        {t('emptyTitle')}
      </Text>
      <Text size={300} className={styles.text}>
        {t('emptyHelp')}
      </Text>
      {sheets.length > 0 && (
        <Text size={200} className={styles.sheets}>
          {t('emptySearched', { sheets: sheets.map((s) => (lang === 'ja' ? `「${s}」` : `"${s}"`)).join(lang === 'ja' ? '' : ', ') })}
        </Text>
      )}
      {warnings.map((p) => (
        <MessageBar key={`${p.code}|${p.sheet}|${p.cell}`} intent="warning" layout="multiline" style={{ textAlign: 'start' }}>
          <MessageBarBody>{lang === 'ja' ? p.message : p.messageEn}</MessageBarBody>
        </MessageBar>
      ))}
      {onReadRange && (
        <Button appearance="primary" icon={<TableEdit20Regular />} disabledFocusable={readRangeDisabled} onClick={onReadRange}>
          {t('mapCommand')}
        </Button>
      )}
    </section>
  );
}

/**
 * 「集計を作成」 with what the last press did. Below the results, not among the buttons at
 * the top: the first screen after evaluating shows KPIs.
 */
import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { DataBarVertical20Regular } from '@fluentui/react-icons';
import { useT } from '../i18n';
import type { SummarySheet } from '../state/useSummarySheet';
import { PaneSection } from './PaneSection';
import { SummarySheetStatus } from './SummarySheetStatus';

const useStyles = makeStyles({
  buttonRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export interface SummarySectionProps {
  readonly summarySheet: SummarySheet;
  readonly disabled: boolean;
  readonly onCreate: () => void;
}

export function SummarySection({ summarySheet, disabled, onCreate }: SummarySectionProps) {
  const { t } = useT();
  const styles = useStyles();
  return (
    <PaneSection title={t('summarySection')}>
      <div className={styles.buttonRow}>
        <Tooltip content={t('summaryCreateHint')} relationship="description" withArrow>
          <Button appearance="secondary" icon={<DataBarVertical20Regular />} disabledFocusable={disabled} onClick={onCreate}>
            {t('summaryCreate')}
          </Button>
        </Tooltip>
      </div>
      <SummarySheetStatus
        outcome={summarySheet.outcome}
        busy={summarySheet.busy}
        onRemove={() => void summarySheet.remove()}
        onDismiss={summarySheet.dismiss}
      />
    </PaneSection>
  );
}

/**
 * 「要因分析・今後の方向性の列がない表」 in the write section (issue 13): for each table without the
 * officer's columns, a button that adds them beside it — asked for, as the grade column is, never
 * done by itself — or, when the cells they would take are not empty, the cells in the way.
 * The message after adding offers its own undo (not the header's 元に戻す, which is the grades').
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { TableAdd20Regular } from '@fluentui/react-icons';
import { useT } from '../i18n';
import { useOfficerWordsContext } from '../state/useOfficerWords';
import { officerText } from './officerWordsText';
import { OfficerWriteOutcome } from './OfficerWriteOutcome';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  blocked: { color: tokens.colorPaletteDarkOrangeForeground1 },
  buttons: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalXS },
});

export function OfficerColumnsOffer() {
  const words = useOfficerWordsContext();
  const { lang } = useT();
  const styles = useStyles();
  if (!words || !words.editable) return null;
  const outcome = words.outcomeAt === 'columns' ? words.outcome : undefined;
  if (words.columnPlans.length === 0 && !outcome) return null;
  return (
    <div className={styles.root}>
      {words.columnPlans.length > 0 && (
        <>
          <Text size={200} weight="semibold">
            {officerText(lang, 'offerTitle')}
          </Text>
          <Text size={200} className={styles.hint}>
            {officerText(lang, 'offerHint')}
          </Text>
          <div className={styles.buttons}>
            {words.columnPlans.map(({ sheet, plan }, i) =>
              plan.kind === 'add' ? (
                <Button key={`${sheet}!${plan.headers}`} size="small" icon={<TableAdd20Regular />} disabled={words.busy} onClick={() => void words.addColumns(i)}>
                  {officerText(lang, 'offerAdd', { sheet, cells: plan.headers })}
                </Button>
              ) : (
                <Text key={`${sheet}!${plan.cells.join()}`} size={200} className={styles.blocked}>
                  {officerText(lang, 'offerBlocked', { sheet, cells: plan.cells.join(', ') })}
                </Text>
              ),
            )}
          </div>
        </>
      )}
      {outcome && <OfficerWriteOutcome outcome={outcome} words={words} lang={lang} />}
    </div>
  );
}

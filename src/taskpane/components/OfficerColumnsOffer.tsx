/**
 * 「要因分析・今後の方向性の列がない表」 in the write section (issue 13): for each table without the
 * officer's columns, a button that adds them beside it — asked for, as the grade column is, never
 * done by itself — or, when the cells they would take are not empty, the cells in the way.
 * The message after adding offers its own undo (not the header's 元に戻す, which is the grades').
 */
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { Dismiss20Regular, TableAdd20Regular } from '@fluentui/react-icons';
import { useT } from '../i18n';
import { useOfficerWordsContext } from '../state/useOfficerWords';
import { officerText, outcomeMessage } from './officerWordsText';

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
      {outcome && (
        <MessageBar intent={outcome.kind === 'written' || outcome.kind === 'undone' ? 'success' : 'warning'} layout="multiline" role="status">
          <MessageBarBody>{outcomeMessage(outcome, lang)}</MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={officerText(lang, 'dismiss')} onClick={words.dismiss} />}
          >
            {outcome.kind === 'written' && words.canUndo && (
              <Button size="small" disabled={words.busy} onClick={() => void words.undo()}>
                {officerText(lang, 'undo')}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

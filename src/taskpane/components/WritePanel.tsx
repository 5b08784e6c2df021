/**
 * Writing back (§8): the options, how many cells the plan changes, and the button.
 * The count comes from the very plan that the button hands to the host, so what
 * the officer confirms is what gets written.
 */
import { Button, makeStyles, Spinner, Switch, Text, tokens } from '@fluentui/react-components';
import { Checkmark20Regular, Edit20Regular } from '@fluentui/react-icons';
import { forwardRef } from 'react';
import type { WritePlan } from '../../core/types';
import { useT } from '../i18n';
import { isBusy, type Phase } from '../state/machine';

const useStyles = makeStyles({
  options: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  switchHint: {
    color: tokens.colorNeutralForeground3,
    paddingLeft: '52px',
    marginTop: `calc(-1 * ${tokens.spacingVerticalXS})`,
  },
  footer: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow8,
  },
  confirm: { color: tokens.colorNeutralForeground2 },
  // 「手入力を残すセル: 2件」 wraps as a whole, never inside.
  aside: { whiteSpace: 'nowrap' },
  button: { width: '100%' },
});

export interface WriteOptionsPanelProps {
  readonly notes: boolean;
  readonly addGradeColumns: boolean;
  /** Tables without a grade column: the add-column switch shows only when there are some. */
  readonly tablesWithoutGrade: number;
  readonly disabled: boolean;
  readonly onOption: (option: 'notes' | 'addGradeColumns', value: boolean) => void;
}

export function WriteOptionsPanel(props: WriteOptionsPanelProps) {
  const { notes, addGradeColumns, tablesWithoutGrade, disabled, onOption } = props;
  const { t } = useT();
  const styles = useStyles();
  return (
    <div className={styles.options} role="group" aria-label={t('writeSection')}>
      <Switch
        checked={notes}
        disabled={disabled}
        label={t('optNotes')}
        onChange={(_, data) => onOption('notes', data.checked)}
      />
      {tablesWithoutGrade > 0 && (
        <>
          <Switch
            checked={addGradeColumns}
            disabled={disabled}
            label={t('optAddColumn')}
            onChange={(_, data) => onOption('addGradeColumns', data.checked)}
          />
          <Text size={200} className={styles.switchHint}>
            {t('optAddColumnHint', { count: tablesWithoutGrade })}
          </Text>
        </>
      )}
    </div>
  );
}

export interface WriteFooterProps {
  readonly plan: WritePlan | undefined;
  readonly phase: Phase;
  /** Typed grades kept (differing rows not adopted). */
  readonly kept: number;
  /** Places the plan cannot write (protected sheet, formula, blocked column), listed in the preview. */
  readonly skips?: number;
  /** The rule changed since grading: what would be written is not what the rule says. */
  readonly stale?: boolean;
  /** The rule on screen is not valid: nothing is written until it is corrected and graded. */
  readonly ruleInvalid?: boolean;
  readonly onWrite: (plan: WritePlan) => void;
}

export const WriteFooter = forwardRef<HTMLDivElement, WriteFooterProps>(function WriteFooter(
  { plan, phase, kept, skips = 0, stale = false, ruleInvalid = false, onWrite },
  ref,
) {
  const { t, n } = useT();
  const styles = useStyles();
  const changes = plan?.writes.length ?? 0;
  const notes = plan?.notes.length ?? 0;
  const writing = phase === 'writing';
  const written = phase === 'written';
  const nothing = plan !== undefined && changes === 0 && notes === 0;
  const canWrite = phase === 'preview' && plan !== undefined && !nothing && !stale && !ruleInvalid;
  // Pressed and now busy (or just written): disabledFocusable keeps the focus on the button.
  const keepFocus = !canWrite && (isBusy(phase) || written);

  let confirm: string;
  if (written) confirm = t('writtenAgain');
  else if (ruleInvalid) confirm = t('ruleInvalidWrite');
  else if (stale) confirm = t('ruleChangedShort');
  else if (!plan) confirm = t('evaluating');
  else if (nothing) confirm = t('nothingToWrite');
  else confirm = notes > 0 ? t('writeConfirmNotes', { count: n(changes), notes: n(notes) }) : t('writeConfirm', { count: n(changes) });

  return (
    <div ref={ref} className={styles.footer} data-write-footer>
      <Text size={200} className={styles.confirm} aria-live="polite">
        {confirm}
        {kept > 0 && !written && !ruleInvalid && (
          <>
            {'　'}
            <span className={styles.aside}>{t('writeKept', { count: n(kept) })}</span>
          </>
        )}
        {skips > 0 && !written && !ruleInvalid && (
          <>
            {'　'}
            <span className={styles.aside}>{t('writeSkips', { count: n(skips) })}</span>
          </>
        )}
      </Text>
      <Button
        className={styles.button}
        appearance="primary"
        size="large"
        disabled={!canWrite && !keepFocus}
        disabledFocusable={keepFocus}
        icon={writing ? <Spinner size="tiny" appearance="inverted" /> : written ? <Checkmark20Regular /> : <Edit20Regular />}
        onClick={() => plan && onWrite(plan)}
      >
        {writing ? t('writing') : written ? t('alreadyWritten') : nothing ? t('writeDisabled') : t('writeButton', { count: n(changes) })}
      </Button>
    </div>
  );
});

/**
 * What the pane is doing and what just happened: the read progress with its
 * cancel button, the grading spinner, and messages — errors say what happened and
 * what to do (never swallowed), results say how many cells were written or restored
 * and list the cells that were left alone. Typed grades kept by the officer's choice
 * are a neutral count, not a warning: only cells the write could not do make it one.
 * With nothing to say it renders nothing (no empty box, no extra gap in the pane).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndo20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { forwardRef } from 'react';
import type { Problem } from '../../core/types';
import { useT, type TaskpaneKey } from '../i18n';
import { undoReportOf, writeReportOf, wroteNothing, type LedgerState } from '../state/machine';
import { notWrittenCount, sortSkipped } from '../../core/writeReport';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  progress: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  progressLine: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  detail: { display: 'block', color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, marginTop: tokens.spacingVerticalXS },
  body: { overflowWrap: 'anywhere' },
  kept: { display: 'block', margin: 0, marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  para: { display: 'block', margin: 0 },
  plainTitle: { fontWeight: tokens.fontWeightSemibold },
  techHeader: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  techText: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace },
});

/** The technical code and words, folded away: there for whoever helps the officer, not in the way. */
function TechnicalDetail({ text }: { readonly text: string | undefined }) {
  const { t } = useT();
  const styles = useStyles();
  if (!text) return null;
  return (
    <Accordion collapsible>
      <AccordionItem value="technical">
        <AccordionHeader size="small" className={styles.techHeader}>
          {t('technicalDetail')}
        </AccordionHeader>
        <AccordionPanel>
          <Text size={200} className={styles.techText}>
            {text}
          </Text>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

export interface StatusAreaProps {
  readonly state: LedgerState;
  /** An error met while preparing the write plan (derived, not a host call). */
  readonly planError?: string;
  readonly onCancel: () => void;
  readonly onDismissError: () => void;
  readonly onDismissNotice: () => void;
  readonly onDismissReports: () => void;
  /** Undo, offered in the result of a write (the header has it too). */
  readonly onUndo?: () => void;
}

const SKIPPED_SHOWN = 20;

/** True when the status area has something to show. */
function hasStatus(state: LedgerState, planError?: string): boolean {
  const { phase, error, notice } = state;
  return (
    phase === 'reading' ||
    phase === 'evaluating' ||
    phase === 'undoing' ||
    !!error ||
    !!planError ||
    !!notice ||
    !!writeReportOf(state) ||
    !!undoReportOf(state)
  );
}

export const StatusArea = forwardRef<HTMLDivElement, StatusAreaProps>(function StatusArea(props, ref) {
  const { state, planError, onCancel, onDismissError, onDismissNotice, onDismissReports, onUndo } = props;
  const { t, n, lang } = useT();
  const styles = useStyles();
  const dismiss = (onClick: () => void) => (
    <Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={t('dismiss')} onClick={onClick} />
  );
  const problemItems = (problems: readonly Problem[]) => (
    <ul className={styles.list}>
      {problems.slice(0, SKIPPED_SHOWN).map((p, i) => (
        <li key={`${p.sheet}!${p.cell}:${i}`}>
          {`${p.sheet}!${p.cell}: `}
          {lang === 'ja' ? p.message : p.messageEn}
        </li>
      ))}
      {problems.length > SKIPPED_SHOWN && <li>{'…'}</li>}
    </ul>
  );

  const { phase, error, notice } = state;
  if (!hasStatus(state, planError)) return null;
  const progress = phase === 'reading' ? state.progress : undefined;
  const lastWrite = writeReportOf(state);
  const applyReport = lastWrite?.report;
  const undoReport = undoReportOf(state);
  const skipped = applyReport ? sortSkipped(applyReport.skipped) : undefined;
  const nothing = applyReport ? wroteNothing(applyReport) : false;
  const notWrittenCells = skipped && applyReport ? notWrittenCount(skipped, lastWrite.plannedCells, applyReport.written) : 0;
  return (
    <div ref={ref} className={styles.area}>
      {phase === 'reading' && (
        <div className={styles.progress}>
          <div className={styles.progressLine}>
            <Text size={200} aria-live="polite">
              {progress ? t('reading', { read: progress.sheetsRead, total: progress.sheetsTotal }) : t('readingStart')}
            </Text>
            <Button size="small" aria-label={t('cancelReading')} onClick={onCancel}>
              {t('cancel')}
            </Button>
          </div>
          <ProgressBar
            aria-label={t('readProgress')}
            value={progress && progress.sheetsTotal > 0 ? progress.sheetsRead : undefined}
            max={progress && progress.sheetsTotal > 0 ? progress.sheetsTotal : undefined}
            thickness="large"
          />
        </div>
      )}
      {phase === 'evaluating' && (
        <div className={styles.progress}>
          <Spinner size="tiny" label={t('evaluating')} labelPosition="after" />
        </div>
      )}
      {phase === 'undoing' && (
        <div className={styles.progress}>
          <Spinner size="tiny" label={t('undoing')} labelPosition="after" />
        </div>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline" politeness="assertive">
          <MessageBarBody className={styles.body}>
            {error.plain && !error.kind ? (
              // The adapter already said, in both languages, what happened and what to do: said once.
              <MessageBarTitle className={styles.plainTitle}>{lang === 'en' && error.detailEn ? error.detailEn : error.detail}</MessageBarTitle>
            ) : (
              <>
                <MessageBarTitle>{t(`err.${error.op}` as TaskpaneKey)}</MessageBarTitle>
                <Text as="p" size={300} className={styles.para}>
                  {error.kind ? t(`kind.${error.kind}` as TaskpaneKey) : t(`err.${error.op}.do` as TaskpaneKey)}
                </Text>
              </>
            )}
            <TechnicalDetail text={error.technical ?? (error.plain ? undefined : error.detail)} />
          </MessageBarBody>
          <MessageBarActions containerAction={dismiss(onDismissError)} />
        </MessageBar>
      )}
      {planError && (
        <MessageBar intent="error" layout="multiline" politeness="assertive">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{t('err.plan')}</MessageBarTitle>
            <Text as="p" size={300} className={styles.para}>
              {t('err.plan.do')}
            </Text>
            <TechnicalDetail text={planError} />
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice === 'cancelled' ? 'info' : 'success'} layout="multiline">
          <MessageBarBody className={styles.body}>{t(notice)}</MessageBarBody>
          <MessageBarActions containerAction={dismiss(onDismissNotice)} />
        </MessageBar>
      )}
      {applyReport && skipped && (
        <MessageBar intent={nothing || skipped.notWritten.length > 0 ? 'warning' : 'success'} layout="multiline" politeness="polite">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{nothing ? t('wroteNothing') : t('written', { count: n(applyReport.written) })}</MessageBarTitle>
            <Text as="p" size={300} className={styles.para}>
              {nothing ? (
                t('wroteNothingDo')
              ) : (
                <>
                  {applyReport.notes > 0 ? `${t('writtenNotes', { count: n(applyReport.notes) })}` : ''}
                  {t('writtenUndo')}
                </>
              )}
            </Text>
            {skipped.kept.length > 0 && (
              // The officer's choice, already shown on the rows as 手入力 vs 計算: a count, not a warning.
              <Text as="p" size={200} className={styles.kept}>
                {t('keptTyped', { count: n(skipped.kept.length) })}
              </Text>
            )}
            {skipped.notWritten.length > 0 && (
              <>
                <Text size={200} weight="semibold" className={styles.detail}>
                  {t('skippedTitle', { count: n(notWrittenCells) })}
                </Text>
                {problemItems(skipped.notWritten)}
              </>
            )}
            {skipped.info.length > 0 && (
              <>
                <Text size={200} weight="semibold" className={styles.detail}>
                  {t('infoTitle', { count: skipped.info.length })}
                </Text>
                {problemItems(skipped.info)}
              </>
            )}
          </MessageBarBody>
          <MessageBarActions containerAction={dismiss(onDismissReports)}>
            {!nothing && onUndo && (
              <Button size="small" appearance="secondary" icon={<ArrowUndo20Regular />} disabled={!state.canUndo} onClick={onUndo}>
                {t('undo')}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
      {undoReport && (
        <MessageBar intent={undoReport.problems.length > 0 ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{t('undone', { count: n(undoReport.restored) })}</MessageBarTitle>
            {undoReport.problems.length > 0 && (
              <>
                <Text size={200} weight="semibold" className={styles.detail}>
                  {t('undoProblems', { count: undoReport.problems.length })}
                </Text>
                {problemItems(undoReport.problems)}
              </>
            )}
          </MessageBarBody>
          <MessageBarActions containerAction={dismiss(onDismissReports)} />
        </MessageBar>
      )}
    </div>
  );
});

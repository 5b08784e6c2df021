/**
 * The task pane. Everything it does to the workbook goes through the LedgerHost it
 * is given (Office.js in the add-in, an in-memory host in tests and the preview);
 * grading and the write plan come from the engine (src/core).
 */
import {
  Button,
  Divider,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Tab,
  TabList,
  Text,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowUndo20Regular, DocumentTable20Regular, Play20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18nInstance } from '../core/i18n';
import type { Evaluation, WriteOptions } from '../core/types';
import { planWrite } from '../core/writePlan';
import type { LedgerHost } from '../excel/host';
import { Header } from './components/Header';
import { ProblemList } from './components/ProblemList';
import { ResultsList, type RowFilter } from './components/ResultsList';
import { RulePanel } from './components/RulePanel';
import { StatusArea } from './components/StatusArea';
import { GradeColoursContext } from './components/GradeBadge';
import { Summary } from './components/Summary';
import { WriteFooter, WriteOptionsPanel } from './components/WritePanel';
import { HostContext, useHost } from './hostContext';
import { LangContext, useT, type Lang } from './i18n';
import { describeError, differingKeys, isBusy, type ErrorInfo, type FailedOperation } from './state/machine';
import { previewSkips, skipMarks } from './state/skipped';
import { useLedger } from './state/useLedger';
import { usePresets } from './state/usePresets';
import { officeThemeMode, themeFor, type ThemeMode } from './theme';

/**
 * Up to this many KPIs a changed rule grades the results again by itself; above it
 * (grading is synchronous and takes seconds) the officer asks for it with a button.
 */
export const AUTO_REGRADE_MAX = 2000;

export interface AppProps {
  readonly host: LedgerHost;
  /** Light or dark; by default Office's theme (light when Office is absent). */
  readonly theme?: ThemeMode;
  readonly initialLang?: Lang;
  /** Told after every evaluation (the custom functions learn the workbook's grade style). */
  readonly onEvaluated?: (evaluation: Evaluation) => void;
}

const useStyles = makeStyles({
  provider: {
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  main: {
    flexGrow: 1,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    minWidth: 0,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  // Side by side when they fit, one under the other in a narrow pane: never a two-line label.
  actionMain: { flexGrow: 1, flexShrink: 0, flexBasis: 'auto', whiteSpace: 'nowrap' },
  undoRow: { display: 'flex', justifyContent: 'flex-end', marginTop: `calc(-1 * ${tokens.spacingVerticalS})` },
  card: {
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  intro: { color: tokens.colorNeutralForeground2 },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  writeSection: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  sectionTitle: { fontWeight: tokens.fontWeightSemibold },
});

export function App({ host, theme, initialLang = 'ja', onEvaluated }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [mode] = useState<ThemeMode>(() => theme ?? officeThemeMode());
  const langValue = useMemo(() => ({ lang, setLang }), [lang]);
  const styles = useStyles();
  return (
    <I18nextProvider i18n={i18nInstance()}>
      <LangContext.Provider value={langValue}>
        <HostContext.Provider value={host}>
          <FluentProvider theme={themeFor(mode)} lang={lang}>
            {/* Layout on a div of its own: portals (menus, tooltips) copy the provider's classes. */}
            <div className={styles.provider}>
              <Pane onEvaluated={onEvaluated} />
            </div>
          </FluentProvider>
        </HostContext.Provider>
      </LangContext.Provider>
    </I18nextProvider>
  );
}

function Pane({ onEvaluated }: { readonly onEvaluated?: (evaluation: Evaluation) => void }) {
  const host = useHost();
  const { t, n, lang } = useT();
  const styles = useStyles();

  // usePresets reports into the ledger's state, which needs the preset: tie them with refs.
  const failRef = useRef<(op: FailedOperation, error: ErrorInfo) => void>(() => undefined);
  const savedRef = useRef<() => void>(() => undefined);
  const onPresetError = useCallback((op: FailedOperation, error: ErrorInfo) => failRef.current(op, error), []);
  const onPresetSaved = useCallback(() => savedRef.current(), []);
  const choice = usePresets(host, onPresetError, onPresetSaved);
  const ledger = useLedger(host, choice.active, onEvaluated);
  failRef.current = ledger.fail;
  savedRef.current = () => ledger.dispatch({ type: 'notice', notice: 'presetSaved' });

  const { state, dispatch } = ledger;
  const { phase, evaluation, grids } = state;
  const busy = isBusy(phase);
  const [filter, setFilter] = useState<RowFilter>('all');

  // A changed rule grades the grids already read again (not after writing: the grids are stale then).
  const { regrade } = ledger;
  const kpiCount = useMemo(() => evaluation?.tables.reduce((sum, tb) => sum + tb.kpis.length, 0) ?? 0, [evaluation]);
  const autoRegrade = kpiCount <= AUTO_REGRADE_MAX;
  // The rule on screen is not the one the results were graded with.
  const stale = phase === 'preview' && choice.active !== undefined && state.evaluatedWith !== choice.active;
  useEffect(() => {
    const active = choice.active;
    if (phase !== 'preview' || !active || state.evaluatedWith === active || !autoRegrade) return;
    // A short pause so that typing a threshold does not grade on every keystroke.
    const id = setTimeout(() => void regrade(active), 300);
    return () => clearTimeout(id);
  }, [choice.active, phase, state.evaluatedWith, regrade, autoRegrade]);

  useEffect(() => setFilter('all'), [state.readRun]);

  const plan = useMemo(() => {
    if (!evaluation || !grids) return undefined;
    const options: WriteOptions = {
      adopt: state.adopted.size > 0 ? state.adopted : 'none',
      notes: state.notes,
      addGradeColumns: state.addGradeColumns,
    };
    try {
      return { plan: planWrite(evaluation, grids, options) };
    } catch (e) {
      return { error: describeError(e) };
    }
  }, [evaluation, grids, state.adopted, state.notes, state.addGradeColumns]);

  const differing = useMemo(() => differingKeys(evaluation), [evaluation]);
  const ungradedCount = useMemo(
    () => evaluation?.tables.reduce((n, tb) => n + tb.kpis.filter((k) => k.outcome.grade === null).length, 0) ?? 0,
    [evaluation],
  );
  // Typed grades that differ are shown on their rows, not again as problems.
  const problems = useMemo(() => evaluation?.problems.filter((p) => p.code !== 'handGradeDiffers') ?? [], [evaluation]);
  // What the write will leave alone (protected sheet, formula, blocked column), known before writing:
  // listed first among the points to check, counted in 要確認, marked on the tables and rows.
  const skips = useMemo(() => previewSkips(plan?.plan), [plan]);
  const marks = useMemo(() => skipMarks(skips), [skips]);
  const toCheck = useMemo(() => (skips.length > 0 ? [...skips, ...problems] : problems), [skips, problems]);
  const notWritten = useMemo(() => new Set(skips), [skips]);
  const tablesWithoutGrade = useMemo(() => evaluation?.tables.filter((tb) => !tb.table.columns.grade).length ?? 0, [evaluation]);

  // Bring news into view: an error or a result may appear far above a long list.
  const statusRef = useRef<HTMLDivElement>(null);
  // The undo hint, controlled. Pressing 元に戻す closes it and holds it closed while the pointer
  // and the focus stay on the button (disabledFocusable keeps the focus there): Fluent's focus
  // handler shows it a moment after the click, which put 「元に戻せる書き込みはありません」 over
  // the buttons. Held until the pointer or the focus leaves. With nothing to undo, it shows only
  // for a pointer arriving on the button, below it.
  const [undoTip, setUndoTip] = useState(false);
  const undoTipHeld = useRef(false);
  const undoAvailable = state.canUndo && !busy;
  const undoAvailableRef = useRef(undoAvailable);
  undoAvailableRef.current = undoAvailable;
  const onUndoTip = useCallback((ev: { type?: string } | undefined, data: { visible: boolean }) => {
    if (data.visible) {
      const pointer = ev?.type === 'pointerenter' || ev?.type === 'mouseenter';
      if (undoTipHeld.current || (!undoAvailableRef.current && !pointer)) return;
    }
    setUndoTip(data.visible);
  }, []);
  const releaseUndoTip = useCallback(() => {
    undoTipHeld.current = false;
  }, []);
  useEffect(() => {
    if (state.error || state.applyReport || state.undoReport) statusRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state.error, state.applyReport, state.undoReport]);

  const nameOf = (p: { name: string; nameEn: string }) => (lang === 'ja' ? p.name : p.nameEn);
  const ruleName = choice.active ? nameOf(choice.active) : t('ruleInvalid', { name: nameOf(choice.base) });
  const onAdopt = useCallback((key: string, adopt: boolean) => dispatch({ type: 'setAdopt', key, adopt }), [dispatch]);
  const preview = evaluation && (phase === 'preview' || phase === 'writing' || phase === 'written' || phase === 'evaluating' || phase === 'undoing');

  return (
    <>
      <Header ruleName={ruleName} />
      <main className={styles.main}>
        <div className={styles.actions}>
          {/* Busy: disabledFocusable, so the focus stays on the button pressed (Enter) while it grades. */}
          <Tooltip content={t('evaluateAllHint')} relationship="description" withArrow>
            <Button
              className={styles.actionMain}
              appearance="primary"
              icon={<Play20Regular />}
              disabled={!choice.active}
              disabledFocusable={busy}
              onClick={() => void ledger.evaluate({ kind: 'workbook' })}
            >
              {t('evaluateAll')}
            </Button>
          </Tooltip>
          <Tooltip content={t('evaluateSheetHint')} relationship="description" withArrow>
            <Button
              className={styles.actionMain}
              icon={<DocumentTable20Regular />}
              disabled={!choice.active}
              disabledFocusable={busy}
              onClick={() => void ledger.evaluate({ kind: 'activeSheet' })}
            >
              {t('evaluateSheet')}
            </Button>
          </Tooltip>
        </div>
        <div className={styles.undoRow}>
          {/* Below the button, right-aligned: never over すべて評価 / このシートを評価 above it. */}
          <Tooltip
            content={state.canUndo ? t('undoHint') : t('undoNone')}
            relationship="description"
            withArrow
            positioning={{ position: 'below', align: 'end' }}
            visible={undoTip}
            onVisibleChange={onUndoTip}
          >
            <Button
              appearance="subtle"
              size="small"
              icon={<ArrowUndo20Regular />}
              disabledFocusable={!undoAvailable}
              onClick={() => {
                undoTipHeld.current = true;
                setUndoTip(false);
                void ledger.undo();
              }}
              onPointerLeave={releaseUndoTip}
              onBlur={releaseUndoTip}
            >
              {t('undo')}
            </Button>
          </Tooltip>
        </div>

        {/* Renders nothing when there is nothing to say: no empty box between the buttons and the rule. */}
        <StatusArea
          ref={statusRef}
          state={state}
          planError={plan?.error}
          onCancel={ledger.cancel}
          onDismissError={() => dispatch({ type: 'dismissError' })}
          onDismissNotice={() => dispatch({ type: 'dismissNotice' })}
          onDismissReports={() => dispatch({ type: 'dismissReports' })}
        />

        <div className={styles.card}>
          <RulePanel choice={choice} disabled={busy} />
        </div>

        {!preview && phase === 'idle' && (
          <Text size={300} className={styles.intro}>
            {t('intro')}
          </Text>
        )}

        {preview && evaluation && (
          <GradeColoursContext.Provider value={evaluation.gradeColours}>
          <div className={styles.results}>
            <Summary
              evaluation={evaluation}
              preset={state.evaluatedWith}
              changes={plan?.plan?.writes.length}
              problems={toCheck.length}
            />
            {stale && !autoRegrade && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{t('ruleChanged')}</MessageBarBody>
                <MessageBarActions>
                  <Button size="small" appearance="primary" onClick={() => choice.active && void regrade(choice.active)}>
                    {t('regrade')}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {differing.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{t('diffSummary', { count: n(differing.length), adopted: n(state.adopted.size) })}</MessageBarBody>
                <MessageBarActions>
                  <Button size="small" disabled={phase !== 'preview'} onClick={() => dispatch({ type: 'adoptAll', adopt: true })}>
                    {t('adoptAll')}
                  </Button>
                  <Button size="small" disabled={phase !== 'preview'} onClick={() => dispatch({ type: 'adoptAll', adopt: false })}>
                    {t('keepAll')}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {(differing.length > 0 || ungradedCount > 0) && (
              <TabList
                size="small"
                selectedValue={filter}
                onTabSelect={(_, data) => setFilter(data.value as RowFilter)}
                aria-label={t('filterLabel')}
              >
                <Tab value="all">{t('filterAll')}</Tab>
                {differing.length > 0 && <Tab value="differs">{t('filterDiffers', { count: n(differing.length) })}</Tab>}
                {ungradedCount > 0 && <Tab value="ungraded">{t('filterUngraded', { count: n(ungradedCount) })}</Tab>}
              </TabList>
            )}
            <ResultsList
              key={state.readRun}
              tables={evaluation.tables}
              filter={filter}
              adopted={state.adopted}
              choiceDisabled={phase !== 'preview'}
              marks={marks}
              onAdopt={onAdopt}
              onSelect={ledger.select}
            />
            <ProblemList
              problems={toCheck}
              notWritten={notWritten}
              title={t('problemsTitle', { count: toCheck.length })}
              onSelect={ledger.select}
            />
            <Divider />
            <section className={styles.writeSection} aria-label={t('writeSection')}>
              <Text size={300} className={styles.sectionTitle}>
                {t('writeSection')}
              </Text>
              <WriteOptionsPanel
                notes={state.notes}
                addGradeColumns={state.addGradeColumns}
                tablesWithoutGrade={tablesWithoutGrade}
                disabled={busy}
                onOption={(option, value) => dispatch({ type: 'setOption', option, value })}
              />
            </section>
          </div>
          </GradeColoursContext.Provider>
        )}
      </main>
      {preview && evaluation && (
        <WriteFooter
          plan={phase === 'evaluating' ? undefined : plan?.plan}
          phase={phase}
          stale={stale}
          kept={differing.length - state.adopted.size}
          skips={phase === 'evaluating' ? 0 : skips.length}
          onWrite={(p) => void ledger.write(p)}
        />
      )}
    </>
  );
}

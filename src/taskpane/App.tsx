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
  SearchBox,
  MenuItem,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowUndo20Regular, DataBarVertical20Regular, DocumentTable20Regular, Play20Regular, TableEdit20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18nInstance } from '../core/i18n';
import { mappingOver, type TableMapping } from '../core/mapping';
import type { Evaluation, WriteOptions } from '../core/types';
import { planWrite } from '../core/writePlan';
import { EmptyState } from './components/EmptyState';
import { tableHeadings } from './state/headings';
import { useHeldTooltip } from './hooks/useHeldTooltip';
import { useStickyPadding } from './hooks/useStickyPadding';
import type { LedgerHost } from '../core/host';
import { Header } from './components/Header';
import { MappingDialog } from './components/MappingDialog';
import { ProblemList } from './components/ProblemList';
import { ResultsList, type RowFilter } from './components/ResultsList';
import { RulePanel } from './components/RulePanel';
import { SavedMappings } from './components/SavedMappings';
import { StatusArea } from './components/StatusArea';
import { SummarySheetStatus } from './components/SummarySheetStatus';
import { GradeColoursContext } from './components/GradeBadge';
import { Summary } from './components/Summary';
import { WriteFooter, WriteOptionsPanel } from './components/WritePanel';
import { HostContext, useHost } from './hostContext';
import { LangContext, useT, type Lang } from './i18n';
import { describeError, differingKeys, errorInfo, isBusy, type ErrorInfo, type FailedOperation } from './state/machine';
import { startDraft, type MappingDraft } from './state/mappingDraft';
import { previewSkips, skipMarks } from './state/skipped';
import { useVeryHiddenAsk } from './state/veryHidden';
import { VeryHiddenSwitch } from './components/VeryHiddenSwitch';
import { useLedger } from './state/useLedger';
import { useMappings } from './state/useMappings';
import { useSummarySheet } from './state/useSummarySheet';
import { usePresets } from './state/usePresets';
import { officeThemeMode, themeFor, type ThemeMode } from './theme';

/**
 * Up to this many KPIs a changed rule grades the results again by itself; above it
 * (grading is synchronous and takes seconds) the officer asks for it with a button.
 */
export const AUTO_REGRADE_MAX = 2000;

/** Above this many KPIs the results get a search box over the indicator names. */
export const SEARCH_FROM = 40;

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
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
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
  search: { width: '100%', maxWidth: 'none' },
  buttonRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
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
  const saved = useMappings(host, onPresetError);
  const ledger = useLedger(host, choice.active, onEvaluated, saved.mappings);
  failRef.current = ledger.fail;
  savedRef.current = () => ledger.dispatch({ type: 'notice', notice: 'presetSaved' });

  const { state, dispatch } = ledger;
  const { phase, evaluation, grids } = state;
  const summarySheet = useSummarySheet(host, ledger.fail);
  const busy = isBusy(phase) || summarySheet.busy;
  const [filter, setFilter] = useState<RowFilter | 'problems'>('all');

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
  // The change counts since the last history entry; undefined when there is none to compare with.
  const changeCounts = ledger.history?.history.entries.length ? ledger.history.comparison.counts : undefined;

  // 「この範囲をKPIの表として読む」: the selection read, the dialog open on a draft of it.
  const [draft, setDraft] = useState<MappingDraft | undefined>();
  const [selecting, setSelecting] = useState(false);
  const openMapping = useCallback(async () => {
    setSelecting(true);
    try {
      const selection = await host.readSelection();
      setDraft(startDraft(selection, mappingOver(saved.mappings, selection.sheet, selection.range)));
    } catch (e) {
      ledger.fail('readSelection', errorInfo(e));
    } finally {
      setSelecting(false);
    }
  }, [host, saved.mappings, ledger.fail]);
  // A saved or removed reading is used at once: the results on screen are graded again with it
  // (after the render that hands the new list to useLedger).
  // The results list starts afresh then, as after a new read: the tables it shows are new.
  const gradedMappings = useRef(saved.mappings);
  const [mappingRun, setMappingRun] = useState(0);
  useEffect(() => {
    if (gradedMappings.current === saved.mappings) return;
    gradedMappings.current = saved.mappings;
    if (phase !== 'preview' || !choice.active) return;
    setMappingRun((n) => n + 1);
    void regrade(choice.active);
  }, [saved.mappings, phase, choice.active, regrade]);
  const afterMappingChange = useCallback((notice: 'mappingSaved' | 'mappingRemoved') => dispatch({ type: 'notice', notice }), [dispatch]);
  const saveMapping = useCallback(
    async (mapping: TableMapping) => {
      if (await saved.put(mapping)) {
        setDraft(undefined);
        afterMappingChange('mappingSaved');
      }
    },
    [saved, afterMappingChange],
  );
  const removeMapping = useCallback(
    async (mapping: TableMapping) => {
      if (await saved.remove(mapping)) afterMappingChange('mappingRemoved');
    },
    [saved, afterMappingChange],
  );

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

  const veryHidden = useVeryHiddenAsk(plan?.plan, grids);
  const differing = useMemo(() => differingKeys(evaluation), [evaluation]);
  const ungradedCount = useMemo(
    () => evaluation?.tables.reduce((n, tb) => n + tb.kpis.filter((k) => k.outcome.grade === null).length, 0) ?? 0,
    [evaluation],
  );
  // Typed grades that differ are shown on their rows, not again as problems.
  const problems = useMemo(() => evaluation?.problems.filter((p) => p.code !== 'handGradeDiffers') ?? [], [evaluation]);
  // What the write will leave alone (protected sheet, formula, blocked column), known before writing:
  // listed first among the points to check, counted in 要確認, marked on the tables and rows.
  const skips = useMemo(() => previewSkips(plan?.plan, grids, veryHidden.consent), [plan, grids, veryHidden.consent]);
  const marks = useMemo(() => skipMarks(skips), [skips]);
  const toCheck = useMemo(() => (skips.length > 0 ? [...skips, ...problems] : problems), [skips, problems]);
  const notWritten = useMemo(() => new Set(skips), [skips]);
  const tablesWithoutGrade = useMemo(() => evaluation?.tables.filter((tb) => !tb.table.columns.grade).length ?? 0, [evaluation]);

  // Bring news into view: an error or a result may appear far above a long list.
  const statusRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const footerRef = useRef<HTMLDivElement>(null);
  const tabsRef = useRef<HTMLDivElement>(null);
  // The undo hint shows below the button (never over the buttons under the header); a click
  // closes it; with nothing to undo it shows only for a pointer (useHeldTooltip says why).
  const undoAvailable = state.canUndo && !busy;
  const undoTip = useHeldTooltip(!undoAvailable);
  const evaluateTip = useHeldTooltip();
  const sheetTip = useHeldTooltip();
  useEffect(() => {
    if (state.error || state.applyReport || state.undoReport) statusRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state.error, state.applyReport, state.undoReport]);
  const undo = useCallback(() => {
    undoTip.hold();
    void ledger.undo();
  }, [undoTip, ledger]);

  const nameOf = (p: { name: string; nameEn: string }) => (lang === 'ja' ? p.name : p.nameEn);
  const ruleName = choice.active ? nameOf(choice.active) : t('ruleInvalid', { name: nameOf(choice.base) });
  const onAdopt = useCallback((key: string, adopt: boolean) => dispatch({ type: 'setAdopt', key, adopt }), [dispatch]);
  const preview = evaluation && (phase === 'preview' || phase === 'writing' || phase === 'written' || phase === 'evaluating' || phase === 'undoing');
  // Nothing found: a real empty state (which sheets were searched), not the results layout with 0/0/0.
  const empty = preview && evaluation.tables.length === 0;
  const showFooter = preview && !empty;
  // The rule on screen must be the one graded with: the sheet names the rule.
  const canSummarize = (phase === 'preview' || phase === 'written') && !!evaluation && !!grids && !empty && !stale && !!state.evaluatedWith;
  useStickyPadding(headerRef, footerRef, !!showFooter);

  const [query, setQuery] = useState('');
  useEffect(() => setQuery(''), [state.readRun]);
  const headings = useMemo(() => tableHeadings(evaluation, grids), [evaluation, grids]);
  const showProblems = useCallback(() => {
    setFilter('problems');
    tabsRef.current?.scrollIntoView?.({ block: 'start' });
    tabsRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, []);

  return (
    <>
      <Header
        ref={headerRef}
        ruleName={ruleName}
        menuCommands={
          // A command for when detection fails or is wrong: in the menu, so it costs the first
          // screen no height; the empty state offers it as a button too.
          <MenuItem icon={<TableEdit20Regular />} disabled={busy || selecting} onClick={() => void openMapping()}>
            {t('mapCommand')}
          </MenuItem>
        }
        actions={
          <Tooltip
            content={state.canUndo ? t('undoHint') : t('undoNone')}
            relationship="description"
            withArrow
            positioning={{ position: 'below', align: 'end' }}
            {...undoTip.tooltip}
          >
            <Button
              appearance="secondary"
              icon={<ArrowUndo20Regular />}
              disabledFocusable={!undoAvailable}
              onClick={undo}
              onPointerLeave={undoTip.release}
              onBlur={undoTip.release}
            >
              {t('undo')}
            </Button>
          </Tooltip>
        }
      />
      <main className={styles.main}>
        <div className={styles.actions}>
          {/* Busy: disabledFocusable, so the focus stays on the button pressed (Enter) while it grades. */}
          <Tooltip content={t('evaluateAllHint')} relationship="description" withArrow positioning="below" {...evaluateTip.tooltip}>
            <Button
              className={styles.actionMain}
              appearance="primary"
              icon={<Play20Regular />}
              disabled={!choice.active}
              disabledFocusable={busy}
              onClick={() => {
                evaluateTip.hold();
                void ledger.evaluate({ kind: 'workbook' });
              }}
              onPointerLeave={evaluateTip.release}
              onBlur={evaluateTip.release}
            >
              {t('evaluateAll')}
            </Button>
          </Tooltip>
          <Tooltip content={t('evaluateSheetHint')} relationship="description" withArrow positioning="below" {...sheetTip.tooltip}>
            <Button
              className={styles.actionMain}
              icon={<DocumentTable20Regular />}
              disabled={!choice.active}
              disabledFocusable={busy}
              onClick={() => {
                sheetTip.hold();
                void ledger.evaluate({ kind: 'activeSheet' });
              }}
              onPointerLeave={sheetTip.release}
              onBlur={sheetTip.release}
            >
              {t('evaluateSheet')}
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
          onUndo={undoAvailable ? undo : undefined}
        />

        <div className={styles.card}>
          <RulePanel choice={choice} disabled={busy} />
        </div>
        {/* Only when there is one: an empty list would push the first KPI below the fold at 350×700. */}
        {saved.mappings.length > 0 && (
          <div className={styles.card}>
            <SavedMappings mappings={saved.mappings} disabled={busy || saved.saving} onRemove={(m) => void removeMapping(m)} />
          </div>
        )}
        {draft && (
          <MappingDialog
            draft={draft}
            preset={choice.active}
            saving={saved.saving}
            onChange={setDraft}
            onSave={(m) => void saveMapping(m)}
            onCancel={() => setDraft(undefined)}
          />
        )}

        {!preview && phase === 'idle' && (
          <Text size={300} className={styles.intro}>
            {t('intro')}
          </Text>
        )}

        {empty && (
          <EmptyState
            // A sheet Excel could not hand over was not searched: it is told as a warning instead.
            sheets={grids?.filter((g) => !g.unreadable).map((g) => g.name) ?? []}
            warnings={evaluation.problems.filter((p) => p.code === 'sheetUnreadable')}
            readRangeDisabled={busy || selecting} onReadRange={() => void openMapping()}
          />
        )}

        {preview && evaluation && !empty && (
          <GradeColoursContext.Provider value={evaluation.gradeColours}>
          <div className={styles.results}>
            <Summary
              evaluation={evaluation}
              preset={state.evaluatedWith}
              changes={plan?.plan?.writes.length}
              problems={toCheck.length}
              onShowProblems={toCheck.length > 0 ? showProblems : undefined}
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
                <MessageBarBody>
                  {t('diffSummary', {
                    count: n(differing.length),
                    adopted: n(state.adopted.size),
                  })}
                </MessageBarBody>
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
            {(differing.length > 0 || ungradedCount > 0 || toCheck.length > 0 || changeCounts) && (
              <TabList
                ref={tabsRef}
                size="small"
                selectedValue={filter}
                onTabSelect={(_, data) => setFilter(data.value as RowFilter | 'problems')}
                aria-label={t('filterLabel')}
              >
                <Tab value="all">{t('filterAll')}</Tab>
                {toCheck.length > 0 && <Tab value="problems">{t('filterProblems', { count: n(toCheck.length) })}</Tab>}
                {differing.length > 0 && <Tab value="differs">{t('filterDiffers', { count: n(differing.length) })}</Tab>}
                {ungradedCount > 0 && <Tab value="ungraded">{t('filterUngraded', { count: n(ungradedCount) })}</Tab>}
                {/* 「前回より悪化」「前回より改善」 (ChangeFilter's words), only with a previous entry. */}
                {changeCounts && <Tab value="worse">{t('filterWorse', { count: n(changeCounts.worse) })}</Tab>}
                {changeCounts && <Tab value="better">{t('filterBetter', { count: n(changeCounts.better) })}</Tab>}
              </TabList>
            )}
            {filter === 'problems' ? (
              <ProblemList
                problems={toCheck}
                notWritten={notWritten}
                title={t('problemsTitle', { count: toCheck.length })}
                onSelect={ledger.select}
              />
            ) : (
              <>
                {kpiCount > SEARCH_FROM && (
                  <SearchBox
                    className={styles.search}
                    aria-label={t('searchLabel')}
                    placeholder={t('searchPlaceholder')}
                    value={query}
                    onChange={(_, data) => setQuery(data.value)}
                  />
                )}
                <ResultsList
                  key={`${state.readRun}:${mappingRun}`}
                  tables={evaluation.tables}
                  filter={filter}
                  query={query}
                  headings={headings}
                  adopted={state.adopted}
                  choiceDisabled={phase !== 'preview'}
                  marks={marks}
                  onAdopt={onAdopt}
                  onSelect={ledger.select}
                  {...(ledger.history && { history: ledger.history })}
                />
              </>
            )}
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
              <VeryHiddenSwitch ask={veryHidden} disabled={busy} />
            </section>
            <Divider />
            {/* Below the results, not among the buttons at the top: the first screen after evaluating shows KPIs. */}
            <section className={styles.writeSection} aria-label={t('summarySection')}>
              <Text size={300} className={styles.sectionTitle}>
                {t('summarySection')}
              </Text>
              <div className={styles.buttonRow}>
                <Tooltip content={t('summaryCreateHint')} relationship="description" withArrow>
                  <Button
                    appearance="secondary"
                    icon={<DataBarVertical20Regular />}
                    disabledFocusable={busy || !canSummarize}
                    onClick={() => {
                      if (evaluation && grids && state.evaluatedWith) void summarySheet.create(evaluation, grids, state.evaluatedWith, state.adopted);
                    }}
                  >
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
            </section>
          </div>
          </GradeColoursContext.Provider>
        )}
      </main>
      {showFooter && (
        <WriteFooter
          ref={footerRef}
          plan={phase === 'evaluating' ? undefined : plan?.plan}
          phase={phase}
          stale={stale}
          ruleInvalid={!choice.active}
          kept={differing.length - state.adopted.size}
          skips={phase === 'evaluating' ? 0 : skips.length}
          onWrite={(p) => void ledger.write(p, veryHidden.consent)}
        />
      )}
    </>
  );
}

/**
 * The task pane. Everything it does to the workbook goes through the LedgerHost it
 * is given (Office.js in the add-in, an in-memory host in tests and the preview);
 * grading and the write plan come from the engine (src/core).
 */
import { Divider, FluentProvider, makeStyles, MenuItem, Text, tokens } from '@fluentui/react-components';
import { TableEdit20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18nInstance } from '../core/i18n';
import type { Evaluation } from '../core/types';
import type { LedgerHost } from '../core/host';
import { EmptyState } from './components/EmptyState';
import { EvaluateButtons } from './components/EvaluateButtons';
import { GradeColoursContext } from './components/GradeBadge';
import { Header } from './components/Header';
import { MappingDialog } from './components/MappingDialog';
import { PaneSection } from './components/PaneSection';
import { PreviewResults } from './components/PreviewResults';
import { OfficerColumnsOffer } from './components/OfficerColumnsOffer';
import { OfficerWordsContext, useOfficerWords } from './state/useOfficerWords';
import { RevisionReasonsContext, useRevisionReasonsState } from './state/useRevisionReasons';
import { RulePanel } from './components/RulePanel';
import { SavedMappings } from './components/SavedMappings';
import { StatusArea } from './components/StatusArea';
import { SummarySection } from './components/SummarySection';
import { UndoButton } from './components/UndoButton';
import { VeryHiddenSwitch } from './components/VeryHiddenSwitch';
import { ImportBooks } from './components/import/ImportBooks';
import { WriteFooter, WriteOptionsPanel } from './components/WritePanel';
import { useHeldTooltip } from './hooks/useHeldTooltip';
import { useMappingEditor } from './hooks/useMappingEditor';
import { usePaneLedger } from './hooks/usePaneLedger';
import { usePreviewModel } from './hooks/usePreviewModel';
import { useRegrade } from './hooks/useRegrade';
import { useStickyPadding } from './hooks/useStickyPadding';
import { HostContext, useHost } from './hostContext';
import { LangContext, useT, type Lang } from './i18n';
import { isBusy, shownOf, undoReportOf, writeReportOf } from './state/machine';
import { canSummarize, isStale } from './state/previewModel';
import { veryHiddenAsk } from './state/veryHidden';
import { useSummarySheet } from './state/useSummarySheet';
import { officeThemeMode, themeFor, type ThemeMode } from './theme';

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
  card: {
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  intro: { color: tokens.colorNeutralForeground2 },
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
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

/** What the pane shows, from the ledger's state; each part is a component or hook of its own. */
function Pane({ onEvaluated }: { readonly onEvaluated?: (evaluation: Evaluation) => void }) {
  const host = useHost();
  const { t, lang } = useT();
  const styles = useStyles();
  const { choice, saved, ledger } = usePaneLedger(host, onEvaluated);
  const { state, dispatch } = ledger;
  const { phase } = state;
  const summarySheet = useSummarySheet(host, ledger.fail);
  // Sheets imported or removed (「他のブックから取り込む」): grade the whole workbook again.
  const { evaluate } = ledger;
  const reevaluate = useCallback(() => void evaluate({ kind: 'workbook' }), [evaluate]);
  const busy = isBusy(phase) || summarySheet.busy;

  const shown = shownOf(state);
  // Issue 13: the reasons typed for revised targets, and the officer's own words, reached by the rows through contexts.
  const revisionReasons = useRevisionReasonsState(state.readRun);
  const officerWords = useOfficerWords(host, shown?.evaluation, shown?.grids, state.readRun);
  // The officer's yes to writing on very hidden sheets: the preview shows what the write will
  // leave alone with it, and the write hands it to the host (core/decide.ts decides on both).
  const [veryHiddenAgreed, setVeryHiddenAgreed] = useState(false);
  const model = usePreviewModel(shown, state.notes, state.addGradeColumns, veryHiddenAgreed);
  const veryHidden = veryHiddenAsk(model, veryHiddenAgreed, setVeryHiddenAgreed);
  const stale = isStale(state, choice.active);
  const autoRegrade = model?.autoRegrade ?? true;
  const mappingRun = useRegrade(ledger, choice.active, saved.mappings, autoRegrade);
  const mapping = useMappingEditor(host, saved, ledger);

  // Bring news into view: an error or a result may appear far above a long list.
  const statusRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const footerRef = useRef<HTMLDivElement>(null);
  const writeReport = writeReportOf(state);
  const undoReport = undoReportOf(state);
  useEffect(() => {
    if (state.error || writeReport || undoReport) statusRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state.error, writeReport, undoReport]);
  const undoAvailable = state.canUndo && !busy;
  const undoTip = useHeldTooltip(!undoAvailable);
  const undo = useCallback(() => {
    undoTip.hold();
    void ledger.undo();
  }, [undoTip, ledger]);

  const nameOf = (p: { name: string; nameEn: string }) => (lang === 'ja' ? p.name : p.nameEn);
  const ruleName = choice.active ? nameOf(choice.active) : t('ruleInvalid', { name: nameOf(choice.base) });
  const onAdopt = useCallback((key: string, adopt: boolean) => dispatch({ type: 'setAdopt', key, adopt }), [dispatch]);
  const onAdoptAll = useCallback((adopt: boolean) => dispatch({ type: 'adoptAll', adopt }), [dispatch]);
  const showFooter = !!model && !model.empty;
  useStickyPadding(headerRef, footerRef, showFooter);
  const { active } = choice;

  return (
    <>
      <Header
        ref={headerRef}
        ruleName={ruleName}
        menuCommands={
          // A command for when detection fails or is wrong: in the menu, so it costs the first
          // screen no height; the empty state offers it as a button too.
          <MenuItem icon={<TableEdit20Regular />} disabled={busy || mapping.selecting} onClick={() => void mapping.open()}>
            {t('mapCommand')}
          </MenuItem>
        }
        actions={<UndoButton canUndo={state.canUndo} available={undoAvailable} tip={undoTip} onUndo={undo} />}
      />
      <main className={styles.main}>
        <EvaluateButtons disabled={!active} busy={busy} onEvaluate={(scope) => void ledger.evaluate(scope)} />

        {/* Renders nothing when there is nothing to say: no empty box between the buttons and the rule. */}
        <StatusArea
          ref={statusRef}
          state={state}
          planError={model?.planError}
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
            <SavedMappings mappings={saved.mappings} disabled={busy || saved.saving} onRemove={(m) => void mapping.remove(m)} />
          </div>
        )}
        {mapping.draft && (
          <MappingDialog
            draft={mapping.draft}
            preset={active}
            saving={saved.saving}
            onChange={mapping.setDraft}
            onSave={(m) => void mapping.save(m)}
            onCancel={mapping.close}
          />
        )}

        {!shown && phase === 'idle' && (
          <Text size={300} className={styles.intro}>
            {t('intro')}
          </Text>
        )}

        {model?.empty && (
          <EmptyState
            sheets={model.searchedSheets}
            warnings={model.unreadable}
            readRangeDisabled={busy || mapping.selecting}
            onReadRange={() => void mapping.open()}
          />
        )}

        {shown && model && !model.empty && (
          <GradeColoursContext.Provider value={shown.evaluation.gradeColours}>
          <RevisionReasonsContext.Provider value={revisionReasons}>
          <OfficerWordsContext.Provider value={officerWords}>
            <div className={styles.results}>
              <PreviewResults
                key={state.readRun}
                shown={shown}
                model={model}
                phase={phase}
                listKey={`${state.readRun}:${mappingRun}`}
                onAdopt={onAdopt}
                onAdoptAll={onAdoptAll}
                onSelect={ledger.select}
                {...(stale && !autoRegrade && active && { onRegrade: () => void ledger.regrade(active) })}
                {...(ledger.history && { history: ledger.history })}
              />
              <Divider />
              <PaneSection title={t('writeSection')}>
                <WriteOptionsPanel
                  notes={state.notes}
                  addGradeColumns={state.addGradeColumns}
                  tablesWithoutGrade={model.tablesWithoutGrade}
                  disabled={busy}
                  onOption={(option, value) => dispatch({ type: 'setOption', option, value })}
                />
                <VeryHiddenSwitch ask={veryHidden} disabled={busy} />
                <OfficerColumnsOffer />
              </PaneSection>
              <Divider />
              <SummarySection
                summarySheet={summarySheet}
                disabled={busy || !canSummarize(state, model, stale)}
                onCreate={() => void summarySheet.create(shown.evaluation, shown.grids, shown.evaluatedWith, shown.adopted, ledger.history?.history)}
              />
            </div>
          </OfficerWordsContext.Provider>
          </RevisionReasonsContext.Provider>
          </GradeColoursContext.Provider>
        )}
        <ImportBooks host={host} disabled={busy} onChanged={reevaluate} {...(shown && { evaluation: shown.evaluation, preset: shown.evaluatedWith })} onSelect={ledger.select} />
      </main>
      {showFooter && (
        <WriteFooter
          ref={footerRef}
          plan={phase === 'evaluating' ? undefined : model.plan}
          phase={phase}
          stale={stale}
          ruleInvalid={!active}
          kept={model.differing.length - (shown?.adopted.size ?? 0)}
          skips={phase === 'evaluating' ? 0 : model.skips.length}
          onWrite={(p) => void ledger.write(p, veryHidden.consent, revisionReasons.reasons)}
        />
      )}
    </>
  );
}

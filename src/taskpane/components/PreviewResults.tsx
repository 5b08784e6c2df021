/**
 * The results of an evaluation: the summary, the bar offering 再評価 (a changed rule over
 * AUTO_REGRADE_MAX KPIs), the typed grades that differ with 「すべて採用」/「すべて手入力のまま」,
 * the filter tabs, and either the points to check or the KPI list with its search box.
 * The filter and the search start afresh with each new read (the pane mounts this anew).
 */
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, SearchBox, Tab, TabList, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n';
import { tableHeadings } from '../state/headings';
import type { Graded, Phase } from '../state/machine';
import type { PreviewModel } from '../state/previewModel';
import type { PaneHistory } from '../state/useLedger';
import { ProblemList } from './ProblemList';
import { ResultsList, type RowFilter } from './ResultsList';
import { Summary } from './Summary';

const useStyles = makeStyles({
  search: { width: '100%', maxWidth: 'none' },
});

type Filter = RowFilter | 'problems';

export interface PreviewResultsProps {
  readonly shown: Graded;
  readonly model: PreviewModel;
  readonly phase: Phase;
  /** The rule changed and is not graded by itself: the officer presses 再評価. */
  readonly onRegrade?: () => void;
  /** The results list's identity: a new one for each read and each changed table reading. */
  readonly listKey: string;
  readonly history?: PaneHistory;
  readonly onAdopt: (key: string, adopt: boolean) => void;
  readonly onAdoptAll: (adopt: boolean) => void;
  readonly onSelect: (sheet: string, address: string) => void;
}

export function PreviewResults({ shown, model, phase, onRegrade, listKey, history, onAdopt, onAdoptAll, onSelect }: PreviewResultsProps) {
  const { t, n } = useT();
  const styles = useStyles();
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const tabsRef = useRef<HTMLDivElement>(null);
  const { evaluation, grids, adopted } = shown;
  const { toCheck, differing, ungraded } = model;
  const headings = useMemo(() => tableHeadings(evaluation, grids), [evaluation, grids]);
  // The change counts since the last history entry; undefined when there is none to compare with.
  const changeCounts = history?.history.entries.length ? history.comparison.counts : undefined;
  const showProblems = useCallback(() => {
    setFilter('problems');
    tabsRef.current?.scrollIntoView?.({ block: 'start' });
    tabsRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus();
  }, []);
  const choiceDisabled = phase !== 'preview';

  return (
    <>
      <Summary
        evaluation={evaluation}
        preset={shown.evaluatedWith}
        changes={model.plan?.writes.length}
        problems={toCheck.length}
        onShowProblems={toCheck.length > 0 ? showProblems : undefined}
      />
      {onRegrade && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('ruleChanged')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={onRegrade}>
              {t('regrade')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {differing.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('diffSummary', { count: n(differing.length), adopted: n(adopted.size) })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={choiceDisabled} onClick={() => onAdoptAll(true)}>
              {t('adoptAll')}
            </Button>
            <Button size="small" disabled={choiceDisabled} onClick={() => onAdoptAll(false)}>
              {t('keepAll')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {(differing.length > 0 || ungraded > 0 || toCheck.length > 0 || changeCounts) && (
        <TabList ref={tabsRef} size="small" selectedValue={filter} onTabSelect={(_, data) => setFilter(data.value as Filter)} aria-label={t('filterLabel')}>
          <Tab value="all">{t('filterAll')}</Tab>
          {toCheck.length > 0 && <Tab value="problems">{t('filterProblems', { count: n(toCheck.length) })}</Tab>}
          {differing.length > 0 && <Tab value="differs">{t('filterDiffers', { count: n(differing.length) })}</Tab>}
          {ungraded > 0 && <Tab value="ungraded">{t('filterUngraded', { count: n(ungraded) })}</Tab>}
          {/* 「前回より悪化」「前回より改善」 (ChangeFilter's words), only with a previous entry. */}
          {changeCounts && <Tab value="worse">{t('filterWorse', { count: n(changeCounts.worse) })}</Tab>}
          {changeCounts && <Tab value="better">{t('filterBetter', { count: n(changeCounts.better) })}</Tab>}
        </TabList>
      )}
      {filter === 'problems' ? (
        <ProblemList problems={toCheck} notWritten={model.notWritten} title={t('problemsTitle', { count: toCheck.length })} onSelect={onSelect} />
      ) : (
        <>
          {model.searchable && (
            <SearchBox
              className={styles.search}
              aria-label={t('searchLabel')}
              placeholder={t('searchPlaceholder')}
              value={query}
              onChange={(_, data) => setQuery(data.value)}
            />
          )}
          <ResultsList
            key={listKey}
            tables={evaluation.tables}
            filter={filter}
            query={query}
            headings={headings}
            adopted={adopted}
            choiceDisabled={choiceDisabled}
            marks={model.marks}
            onAdopt={onAdopt}
            onSelect={onSelect}
            {...(history && { history })}
          />
        </>
      )}
    </>
  );
}

/**
 * The preview, grouped by sheet → table. Large workbooks (thousands of KPIs) stay
 * responsive: tables are collapsed by default, a table renders its rows only while
 * it is open, a page at a time, and a sheet lists its tables a page at a time.
 * What the write will leave alone is marked before writing: a caption on a table on a
 * protected sheet or whose grade column cannot be added, an icon on a formula row.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
  type AccordionToggleEventHandler,
} from '@fluentui/react-components';
import { DocumentTable20Regular, LockClosed16Regular, TableDismiss16Regular } from '@fluentui/react-icons';
import { useCallback, useId, useMemo, useState } from 'react';
import { cellAddress, rangeAddress } from '../../core/grid';
import type { GradeChange } from '../../core/history/compare';
import { kpiKey } from '../../core/history/model';
import { gradeCellKey, type EvaluatedKpi, type EvaluatedTable } from '../../core/types';
import { useT } from '../i18n';
import { tableKey } from '../state/headings';
import type { PaneHistory } from '../state/useLedger';
import { NO_MARKS, rowSkip, tableSkip, type SkipMarks } from '../state/skipped';
import { KpiRow } from './KpiRow';

/** Rows rendered per page of an open table, and tables listed per page of a sheet. */
export const ROW_PAGE = 50;
export const TABLE_PAGE = 20;
/** Up to this many KPIs in all, every table starts open. */
export const OPEN_ALL_UP_TO = 40;

/** 'worse' / 'better': 「前回より悪化」「前回より改善」, by the comparison with the last history entry. */
export type RowFilter = 'all' | 'differs' | 'ungraded' | 'worse' | 'better';

const useStyles = makeStyles({
  sheet: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  sheetHeading: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground1,
  },
  sheetIcon: { color: tokens.colorBrandForeground1, flexShrink: 0 },
  sheetName: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  caption: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  item: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    marginBottom: tokens.spacingVerticalS,
    overflow: 'hidden',
  },
  headerContent: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
    flexWrap: 'wrap',
  },
  tableTitle: { fontWeight: tokens.fontWeightSemibold },
  skipBadge: { maxWidth: '100%', height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start' },
  panel: {
    marginLeft: 0,
    marginRight: 0,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  table: { width: '100%' },
  headerCellGrade: { flexGrow: 0, flexShrink: 0, flexBasis: '48px', paddingLeft: 0, paddingRight: tokens.spacingHorizontalXS, justifyContent: 'center' },
  more: {
    display: 'flex',
    justifyContent: 'center',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  hint: { color: tokens.colorNeutralForeground3 },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalM },
});

interface SheetGroup {
  readonly sheet: string;
  readonly tables: readonly EvaluatedTable[];
}

export interface ResultsListProps {
  readonly tables: readonly EvaluatedTable[];
  readonly filter: RowFilter;
  readonly adopted: ReadonlySet<string>;
  readonly choiceDisabled: boolean;
  /** What the write plan leaves alone (protected sheets, formula cells, blocked columns). */
  readonly marks?: SkipMarks;
  readonly onAdopt: (key: string, adopt: boolean) => void;
  readonly onSelect: (sheet: string, address: string) => void;
  /** Text typed in the search box: only KPIs whose name contains it, their tables open. */
  readonly query?: string;
  /** Each table's heading in the ledger (state/headings.ts), by table key. */
  readonly headings?: ReadonlyMap<string, string>;
  /** The saved history and this evaluation's comparison with its last entry (issue 13). */
  readonly history?: PaneHistory;
}

/** Names compared as the officer reads them: full/half width, case and spaces do not matter. */
export function searchKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

function matches(ek: EvaluatedKpi, filter: RowFilter, query = '', sheet = '', changes?: ReadonlyMap<string, GradeChange>): boolean {
  if (query !== '' && !searchKey(ek.kpi.name).includes(query)) return false;
  if (filter === 'differs') return ek.differs;
  if (filter === 'ungraded') return ek.outcome.grade === null;
  if (filter === 'worse' || filter === 'better') return changes?.get(kpiKey(sheet, ek.kpi.name, ek.kpi.department)) === filter;
  return true;
}

/** What the inner parts get: the list's props and the changes worked out once. */
type ListProps = ResultsListProps & { readonly changes?: ReadonlyMap<string, GradeChange> };

/** Each KPI's change since the last entry, by kpiKey (robust to rows moving). */
export function changesByKey(history: PaneHistory | undefined): ReadonlyMap<string, GradeChange> | undefined {
  return history && new Map(history.comparison.kpis.map((k) => [k.key, k.change]));
}

export function ResultsList(props: ResultsListProps) {
  const { tables, filter } = props;
  const query = searchKey(props.query ?? '');
  const { t, n } = useT();
  const styles = useStyles();
  const hintId = useId();
  const changes = useMemo(() => changesByKey(props.history), [props.history]);

  const groups = useMemo(() => {
    const bySheet = new Map<string, EvaluatedTable[]>();
    for (const et of tables) {
      if ((filter !== 'all' || query !== '') && !et.kpis.some((k) => matches(k, filter, query, et.table.sheet, changes))) continue;
      const list = bySheet.get(et.table.sheet) ?? [];
      list.push(et);
      bySheet.set(et.table.sheet, list);
    }
    return [...bySheet].map(([sheet, list]): SheetGroup => ({ sheet, tables: list }));
  }, [tables, filter, query, changes]);
  const found = useMemo(
    () => (query === '' ? 0 : tables.reduce((sum, et) => sum + et.kpis.filter((k) => matches(k, filter, query, et.table.sheet, changes)).length, 0)),
    [tables, filter, query, changes],
  );

  const total = useMemo(() => tables.reduce((n, et) => n + et.kpis.length, 0), [tables]);
  const [open, setOpen] = useState<ReadonlySet<string>>(
    () => new Set(total <= OPEN_ALL_UP_TO ? tables.map(tableKey) : []),
  );
  const onToggle = useCallback<AccordionToggleEventHandler<string>>((_, data) => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(data.value)) next.delete(data.value);
      else next.add(data.value);
      return next;
    });
  }, []);

  if (groups.length === 0) {
    return <Text className={styles.empty}>{filter === 'all' && query === '' ? t('noTables') : t('filterEmpty')}</Text>;
  }

  return (
    <div>
      {query !== '' && (
        <Text size={200} className={styles.hint} block aria-live="polite">
          {t('searchCount', { count: n(found) })}
        </Text>
      )}
      {groups.map((g) => (
        <SheetSection key={g.sheet} group={g} open={open} onToggle={onToggle} hintId={hintId} {...props} query={query} changes={changes} />
      ))}
      {/* Below the list, not above it: the first screen after evaluating is for the KPIs. */}
      <Text id={hintId} size={200} className={styles.hint} block>
        {t('rowHint')}
      </Text>
    </div>
  );
}

function SheetSection(
  props: ListProps & {
    group: SheetGroup;
    open: ReadonlySet<string>;
    onToggle: AccordionToggleEventHandler<string>;
    hintId: string;
  },
) {
  const { group, open, onToggle } = props;
  const { t, n } = useT();
  const styles = useStyles();
  const [shownTables, setShownTables] = useState(TABLE_PAGE);
  const visible = group.tables.slice(0, shownTables);
  // While searching, every table with a match is open: the matches are what the officer looks for.
  const searching = (props.query ?? '') !== '';
  const openItems = visible.map(tableKey).filter((k) => searching || open.has(k));
  const headingId = useId();

  return (
    <section className={styles.sheet} aria-labelledby={headingId}>
      <div className={styles.sheetHeading}>
        <DocumentTable20Regular className={styles.sheetIcon} aria-hidden />
        <Text id={headingId} size={300} className={styles.sheetName}>
          {group.sheet}
        </Text>
        <Text size={200} className={styles.caption}>
          {t('sheetSummary', { count: n(group.tables.length) })}
        </Text>
      </div>
      <Accordion multiple collapsible openItems={openItems} onToggle={onToggle}>
        {visible.map((et) => (
          <TableItem key={tableKey(et)} et={et} isOpen={searching || open.has(tableKey(et))} {...props} />
        ))}
      </Accordion>
      {group.tables.length > shownTables && (
        <div className={styles.more}>
          <Button appearance="secondary" size="small" onClick={() => setShownTables((n) => n + TABLE_PAGE)}>
            {t('showMoreTables', { count: n(group.tables.length - shownTables) })}
          </Button>
        </div>
      )}
    </section>
  );
}

function TableItem(props: ListProps & { et: EvaluatedTable; isOpen: boolean; hintId: string }) {
  const { et, isOpen, filter, query = '', headings, marks = NO_MARKS } = props;
  const { t, n } = useT();
  const styles = useStyles();
  const key = tableKey(et);
  const skip = tableSkip(et, marks);
  const range = rangeAddress(et.table.range);
  const heading = headings?.get(key);
  const differs = et.kpis.filter((k) => k.differs).length;
  const ungraded = et.kpis.filter((k) => k.outcome.grade === null).length;

  return (
    <AccordionItem value={key} className={styles.item}>
      <AccordionHeader expandIconPosition="end" size="medium">
        <span className={styles.headerContent}>
          <Text className={styles.tableTitle}>{heading ?? t('tableTitle', { range })}</Text>
          <Text size={200} className={styles.caption}>
            {heading ? `${range}・${t('tableKpis', { count: n(et.kpis.length) })}` : t('tableKpis', { count: n(et.kpis.length) })}
          </Text>
          {differs > 0 && (
            <Badge appearance="tint" color="warning" size="small">
              {t('filterDiffers', { count: differs })}
            </Badge>
          )}
          {ungraded > 0 && (
            <Badge appearance="tint" color="danger" size="small">
              {t('filterUngraded', { count: ungraded })}
            </Badge>
          )}
          {skip && (
            <Badge
              className={styles.skipBadge}
              appearance="tint"
              color="severe"
              size="medium"
              icon={skip === 'protected' ? <LockClosed16Regular /> : <TableDismiss16Regular />}
            >
              {t(skip === 'protected' ? 'tableProtected' : 'tableBlocked')}
            </Badge>
          )}
        </span>
      </AccordionHeader>
      <AccordionPanel className={styles.panel}>
        {isOpen && <TableRows {...props} heading={heading} rows={et.kpis.filter((k) => matches(k, filter, query, et.table.sheet, props.changes))} />}
      </AccordionPanel>
    </AccordionItem>
  );
}

function TableRows(props: ListProps & { et: EvaluatedTable; rows: readonly EvaluatedKpi[]; hintId: string; heading?: string }) {
  const { et, rows, heading, adopted, choiceDisabled, onAdopt, onSelect, hintId, marks = NO_MARKS, history } = props;
  const { t, n } = useT();
  const styles = useStyles();
  const [limit, setLimit] = useState(ROW_PAGE);
  const sheet = et.table.sheet;
  const indicatorCol = et.table.columns.indicator;
  const tableWide = tableSkip(et, marks);

  return (
    <>
      <Table noNativeElements size="small" className={styles.table} aria-label={
          heading
            ? t('tableAria', { heading, range: rangeAddress(et.table.range) })
            : t('tableTitle', { range: rangeAddress(et.table.range) })
        }>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('colIndicator')}</TableHeaderCell>
            <TableHeaderCell className={styles.headerCellGrade}>{t('colGrade')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.slice(0, limit).map((ek) => {
            const g = ek.kpi.gradeCell;
            const address = g ? cellAddress(g.row, g.col) : cellAddress(ek.kpi.row, indicatorCol);
            const adoptKey = g && ek.differs ? gradeCellKey(sheet, address) : undefined;
            return (
              <KpiRow
                key={`${ek.kpi.row}:${ek.kpi.name}`}
                ek={ek}
                sheet={sheet}
                address={address}
                adoptKey={adoptKey}
                adopted={adoptKey !== undefined && adopted.has(adoptKey)}
                skip={tableWide === 'protected' ? 'protected' : rowSkip(sheet, g, marks)}
                choiceDisabled={choiceDisabled}
                hintId={hintId}
                onAdopt={onAdopt}
                onSelect={onSelect}
                {...(history && { history })}
              />
            );
          })}
        </TableBody>
      </Table>
      {rows.length > limit && (
        <div className={styles.more}>
          <Button appearance="secondary" size="small" onClick={() => setLimit((n) => n + ROW_PAGE)}>
            {t('showMore', { count: n(rows.length - limit) })}
          </Button>
        </div>
      )}
    </>
  );
}

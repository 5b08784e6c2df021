/**
 * One KPI in the preview: name, 当初 → 現状 → 目標 as displayed in the sheet, the
 * 進捗率 (progress) bar, the grade and its reason. A row whose typed grade differs
 * from the computed one offers the choice between the two (typed kept by default,
 * §8). A grade the write will not put in the sheet says why (a formula in the cell,
 * a protected sheet). Clicking the row, or Enter on it, selects its cell in the sheet.
 *
 * Japanese names and reasons break between phrases (word-break: auto-phrase, Chromium's
 * phrase segmenter; 'normal' where it is not supported), never inside 「ランキング」 or
 * 「参画者数」; line-break: strict keeps small kana and prolonged sound marks off a line's start.
 */
import {
  makeStyles,
  mergeClasses,
  ProgressBar,
  Radio,
  RadioGroup,
  TableCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { LockClosed16Regular, MathFormula16Regular } from '@fluentui/react-icons';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { readGradeText } from '../../core/gradeText';
import { ledgerHistory } from '../../core/history/ledger';
import { kpiKey } from '../../core/history/model';
import { gradesByYear } from '../../core/history/timeline';
import type { EvaluatedKpi, ValueCell } from '../../core/types';
import { useT } from '../i18n';
import type { PaneHistory } from '../state/useLedger';
import { useRevisionReasons } from '../state/useRevisionReasons';
import { KpiHistory } from './history/KpiHistory';
import type { ChartPoint } from './history/historyView';
import { GradeBadge } from './GradeBadge';
import { OfficerWords } from './OfficerWords';

/** Phrase-aware line breaking for Japanese text (see the head of the file). */
const phraseBreaks = {
  wordBreak: ['normal', 'auto-phrase'],
  lineBreak: 'strict',
} as const;

const useStyles = makeStyles({
  row: {
    cursor: 'pointer',
    alignItems: 'flex-start',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  gradeCell: {
    flexGrow: 0,
    flexShrink: 0,
    flexBasis: '48px',
    justifyContent: 'center',
    paddingTop: '2px',
    paddingLeft: 0,
    paddingRight: tokens.spacingHorizontalXS,
  },
  name: {
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    wordBreak: [...phraseBreaks.wordBreak],
    lineBreak: phraseBreaks.lineBreak,
  },
  number: {
    color: tokens.colorNeutralForeground3,
    marginRight: tokens.spacingHorizontalXS,
  },
  department: {
    color: tokens.colorNeutralForeground3,
    // 「ものづくり振興課」 whole on a line (keep-all); only a name longer than the line wraps.
    wordBreak: 'keep-all',
    overflowWrap: 'anywhere',
  },
  values: {
    display: 'grid',
    // Never narrower than a value's longest unbreakable run: 「150人以下」 is not cut to 「150人以／下」.
    gridTemplateColumns: 'minmax(min-content, 1fr) auto minmax(min-content, 1fr) auto minmax(min-content, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  valueLabel: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
    lineHeight: tokens.lineHeightBase100,
  },
  value: {
    whiteSpace: 'pre-line',
    // "(H22 国調)" breaks at its space, not inside 国調; a long unbroken value still wraps.
    wordBreak: 'keep-all',
    overflowWrap: 'normal',
    fontVariantNumeric: 'tabular-nums',
    color: tokens.colorNeutralForeground1,
  },
  arrow: {
    color: tokens.colorNeutralForeground4,
  },
  progress: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'center',
  },
  progressText: {
    color: tokens.colorNeutralForeground2,
    fontVariantNumeric: 'tabular-nums',
  },
  negative: { color: tokens.colorPaletteRedForeground1 },
  reason: {
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
    wordBreak: [...phraseBreaks.wordBreak],
    lineBreak: phraseBreaks.lineBreak,
  },
  skip: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  skipIcon: { flexShrink: 0 },
  gradeStack: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalXS,
  },
  lock: { color: tokens.colorPaletteDarkOrangeForeground1 },
  differs: {
    boxSizing: 'border-box',
    width: '100%',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorPaletteYellowBorder2}`,
    cursor: 'default',
    // Full-strength text on the yellow band: Fluent's grey for an unchecked label is under 4.5:1
    // on it in the dark theme (axe color-contrast). As specific as Fluent's own rule, and then some.
    '& .fui-Radio .fui-Radio__input:enabled:not(:checked) ~ .fui-Radio__label': { color: tokens.colorNeutralForeground1 },
  },
  differsText: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  radios: {
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
  },
  radio: {
    // Radio's default label padding is generous for a 320 px pane.
    '& > label': { paddingLeft: tokens.spacingHorizontalXXS },
  },
});

export interface KpiRowProps {
  readonly ek: EvaluatedKpi;
  readonly sheet: string;
  /** The cell to select: the grade cell, or the indicator cell when the table has no grade column. */
  readonly address: string;
  /** gradeCellKey of the grade cell, when it differs. */
  readonly adoptKey?: string;
  readonly adopted: boolean;
  readonly choiceDisabled: boolean;
  /** Why the write leaves this grade cell alone, when it does. */
  readonly skip?: 'formula' | 'protected';
  readonly hintId: string;
  readonly onAdopt: (key: string, adopt: boolean) => void;
  readonly onSelect: (sheet: string, address: string) => void;
  /** The saved history and this evaluation's comparison (issue 13): the KPI's grade history is shown from it. */
  readonly history?: PaneHistory;
}

/** The values of the small chart: the ledger's own yearly numbers (baseline, intermediates, current). */
function chartPoints(kpi: EvaluatedKpi['kpi']): ChartPoint[] {
  const points: ChartPoint[] = [];
  for (const cell of [kpi.baseline, ...kpi.intermediates, kpi.current])
    if (cell?.reading.kind === 'number' && cell.year !== undefined) points.push({ year: cell.year, value: cell.reading.value });
  return points;
}

/**
 * The KPI's history under its reason, only when there is one to show: an earlier grade (the
 * ledger's 前年度評価 or a saved entry) or a revised target or baseline. Without history the row
 * stays as it was, so the first screen keeps as many KPIs in view.
 */
function RowHistory({ ek, sheet, history }: { ek: EvaluatedKpi; sheet: string; history: PaneHistory }) {
  const { kpi, outcome } = ek;
  const key = kpiKey(sheet, kpi.name, kpi.department);
  const past = gradesByYear(key, ledgerHistory(kpi), history.history);
  const revisions = history.comparison.kpis.find((k) => k.key === key)?.revisions ?? [];
  const reasons = useRevisionReasons();
  if (past.size === 0 && revisions.length === 0) return null;
  const now = kpi.current?.year !== undefined && outcome.grade !== null ? { year: kpi.current.year, grade: outcome.grade } : undefined;
  const grades = gradesByYear(key, ledgerHistory(kpi), history.history, now);
  const target = kpi.target?.reading.kind === 'number' ? { value: kpi.target.reading.value, text: kpi.target.text.trim() } : undefined;
  // A revised target asks for its reason (saved in the history by the next write).
  const reason = reasons && revisions.length > 0 ? { revisionReason: reasons.reasons.get(key) ?? '', onRevisionReason: (r: string) => reasons.setReason(key, r) } : {};
  // Reasons saved with earlier writes: why the target is not the plan's first one.
  const savedReasons = history.history.entries.flatMap((e) =>
    e.kpis.filter((k) => k.key === key && k.revisionReason).map((k) => ({ reason: k.revisionReason!, ...(e.fiscalYear !== undefined && { year: e.fiscalYear }) })),
  );
  return <KpiHistory grades={grades} values={chartPoints(kpi)} revisions={revisions} savedReasons={savedReasons} {...(target && { target })} {...reason} />;
}

/**
 * A value as the sheet displays it, with the spaces inside a parenthesis made unbreakable:
 * 「(H22 国調)」 stays whole on its line, as 「150人以下」 does (keep-all, below).
 */
export function keepTogether(text: string): string {
  return text.replace(/[(（][^()（）\n]*[)）]/g, (group) => group.replace(/ /g, '\u00A0'));
}

const shown = (cell: ValueCell | undefined): string => (cell?.text.trim() ? keepTogether(cell.text.trim()) : '－');

const percent = (x: number): number => Math.round(x * 100);

/** What a bar below 0 shows: a red stub at the start, not an empty track. */
export const NEGATIVE_STUB = 0.04;

export const KpiRow = memo(function KpiRow(props: KpiRowProps) {
  const { ek, sheet, address, adoptKey, adopted, choiceDisabled, skip, hintId, onAdopt, onSelect } = props;
  const { t, lang } = useT();
  const styles = useStyles();
  const { kpi, outcome } = ek;
  const measures = outcome.measures;
  const progress = measures?.progress;
  const attainment = measures?.attainment;
  const bar =
    progress !== undefined
      ? { value: progress, label: t('progressAria') }
      : attainment !== undefined
        ? { value: attainment, label: t('attainmentAria') }
        : undefined;

  const select = () => onSelect(sheet, address);
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) {
      e.preventDefault();
      select();
    }
  };
  // The choice is a control of its own: using it must not also select the cell.
  const stop = (e: MouseEvent | KeyboardEvent) => e.stopPropagation();

  const keepsTyped = ek.differs && adoptKey !== undefined && !adopted && !!ek.existing;
  const baseline = shown(kpi.baseline);
  const current = shown(kpi.current);
  const target = shown(kpi.target);

  return (
    <TableRow
      className={styles.row}
      tabIndex={0}
      onClick={select}
      onKeyDown={onKeyDown}
      aria-describedby={hintId}
      data-kpi-row={`${sheet}!${address}`}
    >
      <TableCell className={styles.main}>
        <Text size={300} className={styles.name}>
          {kpi.number && <span className={styles.number}>{kpi.number}</span>}
          {kpi.name}
        </Text>
        {(kpi.department || kpi.note) && (
          <Text size={200} className={styles.department}>
            {[kpi.department, kpi.note].filter(Boolean).join('　')}
          </Text>
        )}
        <div className={styles.values} role="group" aria-label={t('valuesLabel', { baseline, current, target })}>
          {/* Row 1: the column words; row 2: the values as displayed, arrows between. */}
          <Text size={200} className={styles.valueLabel} aria-hidden>
            {t('baseline')}
          </Text>
          <span aria-hidden />
          <Text size={200} className={styles.valueLabel} aria-hidden>
            {t('current')}
          </Text>
          <span aria-hidden />
          <Text size={200} className={styles.valueLabel} aria-hidden>
            {t('target')}
          </Text>
          <Text size={200} className={styles.value} aria-hidden>
            {baseline}
          </Text>
          <Text size={200} className={styles.arrow} aria-hidden>
            →
          </Text>
          <Text size={200} className={styles.value} aria-hidden>
            {current}
          </Text>
          <Text size={200} className={styles.arrow} aria-hidden>
            →
          </Text>
          <Text size={200} className={styles.value} aria-hidden>
            {target}
          </Text>
        </div>
        {bar && (
          // The reason below says 「進捗率 75%（経過 60%）」: the bar shows the figure only, once.
          // Below 0 (worse than the baseline) a red stub, so it never looks like an empty 0% bar.
          <div className={styles.progress}>
            <ProgressBar
              value={bar.value < 0 ? NEGATIVE_STUB : Math.min(1, bar.value)}
              color={bar.value >= 1 ? 'success' : bar.value < 0 ? 'error' : 'brand'}
              thickness="large"
              aria-label={bar.label}
              aria-valuetext={`${percent(bar.value)}%`}
            />
            <Text size={200} className={mergeClasses(styles.progressText, bar.value < 0 && styles.negative)} aria-hidden>
              {`${percent(bar.value)}%`}
            </Text>
          </div>
        )}
        <Text size={200} className={styles.reason}>
          {lang === 'ja' ? outcome.reason : outcome.reasonEn}
        </Text>
        {props.history && <RowHistory ek={ek} sheet={sheet} history={props.history} />}
        <OfficerWords kpi={kpi} sheet={sheet} />
        {skip === 'formula' && (
          <Text size={200} className={styles.skip}>
            <MathFormula16Regular className={styles.skipIcon} aria-hidden />
            {t('rowFormula')}
          </Text>
        )}
        {ek.differs && adoptKey && (
          <div className={styles.differs} onClick={stop} onKeyDown={stop}>
            <Text size={200} className={styles.differsText}>
              {t('handVsComputed', { existing: ek.existing ?? '', computed: ek.gradeText ?? '' })}
            </Text>
            <RadioGroup
              className={styles.radios}
              layout="horizontal"
              value={adopted ? 'computed' : 'typed'}
              disabled={choiceDisabled}
              aria-label={t('choiceLabel', { name: kpi.name })}
              onChange={(_, data) => onAdopt(adoptKey, data.value === 'computed')}
            >
              <Radio className={styles.radio} value="typed" label={t('keepHand')} />
              <Radio className={styles.radio} value="computed" label={t('adoptComputed')} />
            </RadioGroup>
          </div>
        )}
      </TableCell>
      <TableCell className={mergeClasses(styles.gradeCell)}>
        <span className={styles.gradeStack}>
          {/* The grade the sheet will hold: the typed one while 「手入力を残す」 is chosen. */}
          {keepsTyped ? (
            <GradeBadge grade={readGradeText(ek.existing ?? '') ?? null} text={ek.existing} />
          ) : (
            <GradeBadge grade={outcome.grade} text={ek.gradeText} meaning={outcome.meaning} />
          )}
          {skip === 'protected' && (
            <LockClosed16Regular className={styles.lock} role="img" aria-label={t('rowProtected')} title={t('rowProtected')} />
          )}
        </span>
      </TableCell>
    </TableRow>
  );
});

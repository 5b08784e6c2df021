/**
 * The head of the preview: how many KPIs got each grade (coloured like the sheet
 * will be), how many cells the write would change, how many typed grades differ
 * and how many points need checking.
 */
import { Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { Evaluation, GradeKey, Preset } from '../../core/types';
import { toGradeText } from '../../core/gradeText';
import { gradeMeaning } from '../../core/presets';
import { useT } from '../i18n';
import { GradeBadge } from './GradeBadge';

const ORDER: readonly GradeKey[] = ['S', 'A', 'B', 'C', 'D', 'E', '7', '6', '5', '4', '3', '2', '1', '-'];

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  title: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  caption: { color: tokens.colorNeutralForeground3 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  stats: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, minmax(0, 1fr))',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  stat: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    paddingLeft: tokens.spacingHorizontalS,
    ':first-child': { paddingLeft: 0 },
    ':not(:first-child)': { borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  },
  statValue: { fontVariantNumeric: 'tabular-nums' },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  statLink: { fontSize: 'inherit', fontWeight: 'inherit', lineHeight: 'inherit', color: 'inherit' },
});

export interface GradeCount {
  readonly grade: GradeKey | null;
  readonly count: number;
}

export function countGrades(evaluation: Evaluation): { counts: GradeCount[]; kpis: number; differs: number } {
  const byKey = new Map<GradeKey | null, number>();
  let kpis = 0;
  let differs = 0;
  for (const t of evaluation.tables) {
    for (const k of t.kpis) {
      kpis++;
      if (k.differs) differs++;
      byKey.set(k.outcome.grade, (byKey.get(k.outcome.grade) ?? 0) + 1);
    }
  }
  // The rule's own order (best first), then any other grade in the builtin order.
  const order = [...evaluation.gradeKeys, ...ORDER.filter((g) => !evaluation.gradeKeys.includes(g))];
  const counts: GradeCount[] = order.filter((g) => byKey.has(g)).map((g) => ({ grade: g, count: byKey.get(g)! }));
  if (byKey.has(null)) counts.push({ grade: null, count: byKey.get(null)! });
  return { counts, kpis, differs };
}

export interface SummaryProps {
  readonly evaluation: Evaluation;
  readonly preset: Preset | undefined;
  readonly changes: number | undefined;
  readonly problems: number;
  /** Opens the points to check (their tab): 要確認 is a link when there are some. */
  readonly onShowProblems?: () => void;
}

export function Summary({ evaluation, preset, changes, problems, onShowProblems }: SummaryProps) {
  const { t, n, lang } = useT();
  const styles = useStyles();
  const { counts, kpis, differs } = countGrades(evaluation);
  const meaning = (g: GradeKey) => {
    const label = preset ? gradeMeaning(preset, g) : undefined;
    return label ? (lang === 'ja' ? label.meaning : label.meaningEn) : undefined;
  };

  return (
    <section className={styles.card} aria-label={t('resultsTitle')}>
      <div className={styles.title}>
        <Text size={400} weight="semibold">
          {t('resultsTitle')}
        </Text>
        <Text size={200} className={styles.caption}>
          {t('resultsScope', { kpis: n(kpis), tables: n(evaluation.tables.length) })}
        </Text>
      </div>
      {counts.length > 0 && (
        <div className={styles.badges} role="list" aria-label={t('gradeCounts')}>
          {counts.map(({ grade, count }) => {
            const text = grade === null ? t('ungraded') : toGradeText(grade, 'full');
            const m = grade === null ? undefined : meaning(grade);
            const label = t('countBadge', { grade: m ? `${text}（${m}）` : text, count: n(count) });
            return (
              <span role="listitem" key={grade ?? 'null'} title={m}>
                <GradeBadge grade={grade} meaning={m} size="large" suffix={`  ${n(count)}`} label={label} />
              </span>
            );
          })}
        </div>
      )}
      <div className={styles.stats}>
        <Stat label={t('changes')} value={changes === undefined ? '…' : t('countValue', { count: n(changes) })} />
        <Stat label={t('differences')} value={t('countValue', { count: n(differs) })} warn={differs > 0} />
        <Stat
          label={t('problems')}
          value={t('countValue', { count: n(problems) })}
          warn={problems > 0}
          onClick={onShowProblems}
          linkLabel={`${t('problems')} ${t('countValue', { count: n(problems) })}: ${t('problemsLink')}`}
        />
      </div>
    </section>
  );
}

function Stat(props: { label: string; value: string; warn?: boolean; onClick?: () => void; linkLabel?: string }) {
  const { label, value, warn, onClick, linkLabel } = props;
  const styles = useStyles();
  return (
    <div className={styles.stat}>
      <Text size={200} className={styles.caption}>
        {label}
      </Text>
      <Text size={400} weight="semibold" className={mergeClasses(styles.statValue, warn && styles.warn)}>
        {onClick ? (
          // The visible count starts the accessible name (WCAG 2.5.3), the rest says where it leads.
          <Link as="button" className={styles.statLink} aria-label={linkLabel} onClick={onClick}>
            {value}
          </Link>
        ) : (
          value
        )}
      </Text>
    </div>
  );
}

/**
 * The consistency review (src/core/consistency.ts) in the pane, after files were imported:
 * the same KPI reported differently across files (each place a link to its cell), mixed
 * grade styles, and per file and per 担当課 the share of typed grades that differ from the
 * rule, kinder or harsher, worst first. Words as the command line's review says them.
 */
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ConsistencyReview, HandGradeShare, ReportedField } from '../../../core/consistency';
import type { Lang } from '../../../core/i18n';
import { eraLabel } from '../../../core/years';
import { importT } from './importWords';

const useStyles = makeStyles({
  review: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface ConsistencyReviewViewProps {
  readonly review: ConsistencyReview;
  readonly lang: Lang;
  readonly onSelect: (sheet: string, cell: string) => void;
}

export function ConsistencyReviewView({ review, lang, onSelect }: ConsistencyReviewViewProps) {
  const styles = useStyles();
  const w = (key: Parameters<typeof importT>[1], params?: Record<string, string | number>) => importT(lang, key, params);
  const fields = (fs: readonly ReportedField[]) => fs.map((f) => w(f)).join(w('join'));
  const text = (s: string | undefined) => (s === undefined || s.trim() === '' ? w('none') : s.replace(/\s*\n\s*/g, ' '));
  const share = (s: HandGradeShare) => {
    const label = s.label ?? w('noDept');
    if (s.share === null) return w('noTyped', { label });
    return w('share', { label, typed: s.typed, differ: s.differ, pct: `${Math.round(s.share * 100)}%`, kinder: s.kinder, harsher: s.harsher });
  };
  return (
    <section className={styles.review} aria-label={w('reviewTitle')}>
      <Text weight="semibold">{w('reviewTitle')}</Text>
      <Text>{review.sameKpi.length > 0 ? w('sameKpi', { fields: fields([...new Set(review.sameKpi.flatMap((d) => d.differsIn))]), count: review.sameKpi.length }) : w('sameKpiNone')}</Text>
      {review.sameKpi.length > 0 && (
        <ul className={styles.list}>
          {review.sameKpi.map((d) => (
            <li key={d.name}>
              <Text>{w('sameKpiName', { name: d.name, fields: fields(d.differsIn) })}</Text>
              <ul className={styles.list}>
                {d.occurrences.map((o) => {
                  const years = [o.years.baseline, o.years.current, o.years.target].map((y) => (y === undefined ? w('none') : eraLabel(y))).join('/');
                  return (
                    <li key={`${o.file}|${o.sheet}|${o.cell}`}>
                      <Link as="button" onClick={() => onSelect(o.sheet, o.cell)}>
                        {w('occurrence', {
                          file: o.file,
                          sheet: o.sheet,
                          cell: o.cell,
                          dept: o.department ? `（${o.department}）` : '',
                          baseline: text(o.baseline),
                          current: text(o.current),
                          target: text(o.target),
                          years: d.differsIn.includes('years') ? ` (${years})` : '',
                        })}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <Text>
        {review.gradeStyles.mixed
          ? w('stylesMixed', { full: review.gradeStyles.full.join(w('join')), half: review.gradeStyles.half.join(w('join')) })
          : w('stylesSame')}
      </Text>
      <Text>{w('byFile')}</Text>
      <ul className={styles.list}>
        {review.byFile.map((s) => (
          <li key={`f|${s.label ?? ''}`}>
            <Text>{share(s)}</Text>
          </li>
        ))}
      </ul>
      <Text>{w('byDept')}</Text>
      <ul className={styles.list}>
        {review.byDepartment.map((s) => (
          <li key={`d|${s.label ?? ''}`}>
            <Text>{share(s)}</Text>
          </li>
        ))}
      </ul>
    </section>
  );
}

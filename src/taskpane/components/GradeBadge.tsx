/**
 * A grade as a coloured badge: the §7 palette (the same fills as the sheet's
 * conditional formats), with the palette's own text colour so it reads on the
 * fill in light and dark themes alike. 実施時期未到来 (－) has no colour on purpose.
 */
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { createContext, useContext } from 'react';
import { GRADE_COLOURS, type GradeColour } from '../../core/colours';
import { toGradeText } from '../../core/gradeText';
import type { GradeKey } from '../../core/types';
import { useT } from '../i18n';

const useStyles = makeStyles({
  badge: {
    minWidth: '28px',
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** The colours of the rule the results were graded by (Evaluation.gradeColours): a city's own codes get theirs. */
export const GradeColoursContext = createContext<Readonly<Partial<Record<GradeKey, GradeColour>>>>(GRADE_COLOURS);

export interface GradeBadgeProps {
  readonly grade: GradeKey | null;
  /** As written in the column ("Ａ" or "A"); full-width when not given. */
  readonly text?: string;
  readonly meaning?: string;
  readonly size?: 'small' | 'medium' | 'large';
  /** Shown after the letter, e.g. a count in the summary. */
  readonly suffix?: string;
  /** Override for the accessible name (the summary badges say "Ａ 3件"). */
  readonly label?: string;
}

export function GradeBadge({ grade, text, meaning, size = 'large', suffix, label }: GradeBadgeProps) {
  const { t } = useT();
  const styles = useStyles();
  const colours = useContext(GradeColoursContext);
  if (grade === null) {
    return (
      <Badge className={styles.badge} size={size} appearance="tint" color="warning" shape="rounded" aria-label={label}>
        {t('notGraded')}
        {suffix}
      </Badge>
    );
  }
  const shown = text ?? toGradeText(grade, 'full');
  const colour = colours[grade];
  const aria = label ?? (meaning ? t('gradeAriaMeaning', { grade: shown, meaning }) : t('gradeAria', { grade: shown }));
  if (!colour) {
    return (
      <Badge className={styles.badge} size={size} appearance="outline" color="informative" shape="rounded" aria-label={aria} title={meaning}>
        {shown}
        {suffix}
      </Badge>
    );
  }
  return (
    <Badge
      className={styles.badge}
      size={size}
      appearance="filled"
      shape="rounded"
      aria-label={aria}
      title={meaning}
      style={{ backgroundColor: colour.fill, color: colour.fontColor }}
    >
      {shown}
      {suffix}
    </Badge>
  );
}

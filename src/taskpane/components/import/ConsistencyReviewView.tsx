/**
 * The consistency review (src/core/consistency.ts) in the pane, after files were imported:
 * the same KPI reported differently across files (each place a link to its cell), mixed
 * grade styles, and per file and per 担当課 the share of typed grades that differ from the
 * rule, kinder or harsher, worst first. The points and their words are core's
 * (src/core/consistencyText.ts), the command line's review word for word; here they are lists.
 */
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Fragment } from 'react';
import type { ConsistencyReview } from '../../../core/consistency';
import { reviewPoints } from '../../../core/consistencyText';
import type { Lang } from '../../../core/i18n';
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
  const title = importT(lang, 'reviewTitle');
  return (
    <section className={styles.review} aria-label={title}>
      <Text weight="semibold">{title}</Text>
      {reviewPoints(review, lang).map((point) => (
        <Fragment key={point.text}>
          <Text>{point.text}</Text>
          {point.items.length > 0 && (
            <ul className={styles.list}>
              {point.items.map((item) => (
                <li key={item.text}>
                  <Text>{item.text}</Text>
                  {item.places.length > 0 && (
                    <ul className={styles.list}>
                      {item.places.map((place) => (
                        <li key={`${place.sheet}|${place.cell}|${place.text}`}>
                          <Link as="button" onClick={() => onSelect(place.sheet, place.cell)}>
                            {place.text}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Fragment>
      ))}
    </section>
  );
}

/**
 * Points the engine could not settle (unreadable cells, no target, formulas,
 * protected sheets …): one warning per problem with its sheet and cell, in the
 * pane's language, and a link to the cell. What the write will leave alone (the
 * plan's protected sheets, formula cells, blocked grade columns) comes first, marked
 * 「書き込みません」, so the officer knows before writing. Long lists come a page at a time.
 */
import {
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Problem } from '../../core/types';
import { useT } from '../i18n';

export const PROBLEM_PAGE = 10;

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { paddingTop: tokens.spacingVerticalS },
  message: { overflowWrap: 'anywhere' },
  badge: { marginLeft: tokens.spacingHorizontalS, verticalAlign: 'text-bottom' },
  more: { display: 'flex', justifyContent: 'center' },
});

/** The first cell of an address or range ("A3:G9" → "A3"): what selectCell is given. */
export function firstCell(address: string): string {
  return address.split(':')[0] ?? address;
}

export interface ProblemListProps {
  readonly problems: readonly Problem[];
  readonly title: string;
  /** Problems the write will skip (from the write plan): marked 「書き込みません」. */
  readonly notWritten?: ReadonlySet<Problem>;
  readonly onSelect?: (sheet: string, address: string) => void;
}

export function ProblemList({ problems, title, notWritten, onSelect }: ProblemListProps) {
  const { t, lang } = useT();
  const styles = useStyles();
  const [limit, setLimit] = useState(PROBLEM_PAGE);
  if (problems.length === 0) return null;
  return (
    <section className={styles.list} aria-label={title}>
      <Text weight="semibold" size={300} className={styles.heading}>
        {title}
      </Text>
      {problems.slice(0, limit).map((p, i) => (
        <MessageBar key={`${p.sheet}!${p.cell}:${p.code}:${i}`} intent={p.severity === 'info' ? 'info' : 'warning'} layout="multiline">
          <MessageBarBody className={styles.message}>
            <MessageBarTitle>
              {`${p.sheet}!${p.cell}`}
              {notWritten?.has(p) && (
                <Badge className={styles.badge} appearance="tint" color="severe" size="small">
                  {t('notWrittenBadge')}
                </Badge>
              )}
            </MessageBarTitle>
            {lang === 'ja' ? p.message : p.messageEn}
          </MessageBarBody>
          {onSelect && (
            <MessageBarActions>
              <Button
                size="small"
                aria-label={t('showCellAria', { sheet: p.sheet, cell: p.cell })}
                onClick={() => onSelect(p.sheet, firstCell(p.cell))}
              >
                {t('showCell')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
      {problems.length > limit && (
        <div className={styles.more}>
          <Button size="small" onClick={() => setLimit((n) => n + PROBLEM_PAGE)}>
            {t('showMore', { count: problems.length - limit })}
          </Button>
        </div>
      )}
    </section>
  );
}

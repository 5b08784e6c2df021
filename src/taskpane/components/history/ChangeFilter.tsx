/**
 * 「すべて」「前回より悪化」「前回より改善」: which KPIs the list shows, by their change since the
 * previous evaluation. The counts come with the words so the officer sees them before choosing.
 */
import { makeStyles, ToggleButton, tokens } from '@fluentui/react-components';
import type { Comparison } from '../../../core/history/compare';
import { createTranslator } from '../../../core/i18n';
import { useT } from '../../i18n';
import type { ChangeFilter as Filter } from './historyView';

const t = createTranslator('paneChangeFilter', {
  ja: { all: 'すべて', worse: '前回より悪化（{{n}}）', better: '前回より改善（{{n}}）', label: '前回の評価との比較' },
  en: { all: 'All', worse: 'Worse than last time ({{n}})', better: 'Better than last time ({{n}})', label: 'Compared with the last evaluation' },
});

const useStyles = makeStyles({ root: { display: 'flex', columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' } });

export interface ChangeFilterProps {
  readonly counts: Comparison['counts'];
  readonly value: Filter;
  readonly onChange: (filter: Filter) => void;
}

export function ChangeFilter({ counts, value, onChange }: ChangeFilterProps) {
  const { lang } = useT();
  const styles = useStyles();
  const button = (filter: Filter, text: string) => (
    <ToggleButton size="small" checked={value === filter} onClick={() => onChange(filter)}>
      {text}
    </ToggleButton>
  );
  return (
    <div className={styles.root} role="group" aria-label={t(lang, 'label')}>
      {button('all', t(lang, 'all'))}
      {button('worse', t(lang, 'worse', { n: counts.worse }))}
      {button('better', t(lang, 'better', { n: counts.better }))}
    </div>
  );
}

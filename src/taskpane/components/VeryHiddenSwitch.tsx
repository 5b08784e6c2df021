/** The ask before writing on very hidden sheets, beside the other write options (WritePanel.tsx). */
import { makeStyles, Switch, Text, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';
import type { VeryHiddenAsk } from '../state/veryHidden';

const useStyles = makeStyles({
  hint: {
    color: tokens.colorNeutralForeground3,
    paddingLeft: '52px',
    marginTop: `calc(-1 * ${tokens.spacingVerticalXS})`,
  },
});

export function VeryHiddenSwitch({ ask, disabled }: { readonly ask: VeryHiddenAsk; readonly disabled: boolean }) {
  const { t } = useT();
  const styles = useStyles();
  if (ask.sheets.length === 0) return null;
  return (
    <>
      <Switch
        checked={ask.agreed}
        disabled={disabled}
        label={t('optVeryHidden', { sheets: ask.sheets.map((s) => `「${s}」`).join('') })}
        onChange={(_, data) => ask.setAgreed(data.checked)}
      />
      <Text size={200} className={styles.hint}>
        {t('optVeryHiddenHint')}
      </Text>
    </>
  );
}

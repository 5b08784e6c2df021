/**
 * The grading rule: pick a preset (five builtins with their published source, or
 * the workbook's own), adjust its thresholds with validated inputs, save it with
 * the workbook so that every door grades the same way.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  OptionGroup,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowReset20Regular, Save20Regular } from '@fluentui/react-icons';
import type { Preset } from '../../core/types';
import { useT, type T } from '../i18n';
import { fieldsOf, isNumberField, NAN, readThreshold, type ThresholdField } from '../state/presetDraft';
import { presetSourceText, workbookPresetLabel } from '../state/presetWords';
import { thresholdMessage } from '../state/thresholdMessages';
import type { PresetChoice } from '../state/usePresets';

const useStyles = makeStyles({
  header: { minWidth: 0 },
  headerText: { display: 'flex', flexDirection: 'column', minWidth: 0, textAlign: 'start' },
  headerName: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  headerInvalid: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalM,
  },
  dropdown: { minWidth: 0, width: '100%' },
  caption: { color: tokens.colorNeutralForeground3 },
  fields: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  input: { width: '120px', minWidth: 0 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface RulePanelProps {
  readonly choice: PresetChoice;
  readonly disabled: boolean;
}

function presetName(p: Preset, lang: 'ja' | 'en'): string {
  return lang === 'ja' ? p.name : p.nameEn;
}

function hintFor(field: ThresholdField, text: string, t: T): string | undefined {
  if (!isNumberField(field)) return undefined;
  if (field.kind === 'paceShare' && text.trim() === '') return t('paceLineHint');
  const n = readThreshold(text);
  if (n === undefined) return undefined;
  if (field.kind === 'points') return t('pointsHint', { points: n });
  // A fixed share per year: what the second year expects (多摩市 20 % → 40 %).
  if (field.kind === 'paceShare') return t('paceShareHint', { years: 2, pct: Math.round(Math.min(1, n * 2) * 1000) / 10 });
  const pct = Math.round(n * 1000) / 10;
  if (field.kind === 'ratio') return t('percentHint', { pct });
  return t('factorHint', { pct: Math.round(n * 60 * 10) / 10 });
}

export function RulePanel({ choice, disabled }: RulePanelProps) {
  const { t, lang } = useT();
  const styles = useStyles();
  const { options, selected, base, draft, result, active } = choice;
  const label = (value: string, p: Preset) =>
    value === 'workbook' ? workbookPresetLabel(presetName(p, lang), lang) : presetName(p, lang);
  const selectedOption = options.find((o) => o.value === selected);
  const fields = fieldsOf(base);
  const hasErrors = Object.keys(result.fieldErrors).length > 0 || result.generalErrors.length > 0;
  const fieldError = (path: string): string | undefined => {
    const e = result.fieldErrors[path];
    return e === undefined ? undefined : e === NAN ? t('thresholdNaN') : thresholdMessage(e, fields, t);
  };
  const workbookOptions = options.filter((o) => o.group === 'workbook');

  return (
    <Accordion collapsible defaultOpenItems={[]}>
      <AccordionItem value="rule">
        <AccordionHeader expandIconPosition="end" className={styles.header}>
          <span className={styles.headerText}>
            <Text weight="semibold">{t('ruleSection')}</Text>
            <Text size={200} className={active ? styles.headerName : styles.headerInvalid}>
              {active ? presetName(active, lang) : t('ruleInvalid', { name: presetName(base, lang) })}
            </Text>
          </span>
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <Field label={t('presetLabel')} hint={t('source', { source: presetSourceText(base.source, lang) })}>
            <Dropdown
              className={styles.dropdown}
              value={selectedOption ? label(selectedOption.value, selectedOption.preset) : ''}
              selectedOptions={[selected]}
              disabled={disabled}
              onOptionSelect={(_, data) => data.optionValue && choice.select(data.optionValue)}
            >
              <OptionGroup label={t('builtinGroup')}>
                {options
                  .filter((o) => o.group === 'builtin')
                  .map((o) => (
                    <Option key={o.value} value={o.value} text={label(o.value, o.preset)}>
                      {label(o.value, o.preset)}
                    </Option>
                  ))}
              </OptionGroup>
              {workbookOptions.length > 0 && (
                <OptionGroup label={t('workbookGroup')}>
                  {workbookOptions.map((o) => (
                    <Option key={o.value} value={o.value} text={label(o.value, o.preset)}>
                      {label(o.value, o.preset)}
                    </Option>
                  ))}
                </OptionGroup>
              )}
            </Dropdown>
          </Field>
          <Text size={200} className={styles.caption}>
            {t(`method.${base.method}`)}
          </Text>
          <div className={styles.fields} role="group" aria-label={t('thresholds')}>
            <Text size={200} weight="semibold">
              {t('thresholds')}
            </Text>
            {fields.map((f) => {
              const error = fieldError(f.path);
              const text = draft[f.path] ?? '';
              return (
                <Field
                  key={`${base.id}:${f.path}`}
                  label={t(f.label, f.labelParams)}
                  validationState={error ? 'error' : 'none'}
                  validationMessage={error}
                  hint={error ? undefined : hintFor(f, text, t)}
                  size="small"
                >
                  <Input
                    className={styles.input}
                    size="small"
                    inputMode={isNumberField(f) ? 'decimal' : 'text'}
                    value={text}
                    disabled={disabled}
                    onChange={(_, data) => choice.setField(f.path, data.value)}
                  />
                </Field>
              );
            })}
            {result.generalErrors.length > 0 && (
              // Errors about the rule as a whole (e.g. the order of the thresholds).
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{result.generalErrors.map((e) => thresholdMessage(e, fields, t)).join(' ')}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={choice.saving ? <Spinner size="tiny" /> : <Save20Regular />}
              disabled={disabled || hasErrors || !active || choice.saving}
              onClick={() => void choice.save()}
            >
              {choice.saving ? t('saving') : t('savePreset')}
            </Button>
            {result.edited && (
              <Button appearance="subtle" icon={<ArrowReset20Regular />} disabled={disabled} onClick={choice.reset}>
                {t('resetThresholds')}
              </Button>
            )}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

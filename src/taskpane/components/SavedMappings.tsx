/**
 * The table readings saved in the workbook: where each one is, which roles it gives, and a way
 * to remove it (the range is then found from its header again).
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import type { TableMapping } from '../../core/mapping';
import { useT, type TaskpaneKey } from '../i18n';

const useStyles = makeStyles({
  headerText: { display: 'flex', flexDirection: 'column', minWidth: 0, textAlign: 'start' },
  count: { color: tokens.colorNeutralForeground3 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalM },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  itemText: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  roles: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  none: { color: tokens.colorNeutralForeground3 },
});

export interface SavedMappingsProps {
  readonly mappings: readonly TableMapping[];
  readonly disabled: boolean;
  onRemove(mapping: TableMapping): void;
}

export function SavedMappings({ mappings, disabled, onRemove }: SavedMappingsProps) {
  const { t, n } = useT();
  const styles = useStyles();
  const rolesOf = (m: TableMapping) =>
    m.columns
      .filter((c) => c.role !== 'ignore')
      .map((c) => `${c.column} ${t(`role.${c.role}` as TaskpaneKey)}`)
      .join('・');
  return (
    <Accordion collapsible defaultOpenItems={[]}>
      <AccordionItem value="mappings">
        <AccordionHeader expandIconPosition="end">
          <span className={styles.headerText}>
            <Text weight="semibold">{t('savedMappings')}</Text>
            <Text size={200} className={styles.count}>
              {t('savedMappingsCount', { count: n(mappings.length) })}
            </Text>
          </span>
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          {mappings.length === 0 ? (
            <Text size={200} className={styles.none}>
              {t('savedMappingsNone')}
            </Text>
          ) : (
            <ul className={styles.list}>
              {mappings.map((m) => (
                <li key={`${m.sheet}!${m.range}`} className={styles.item}>
                  <span className={styles.itemText}>
                    <Text size={200}>{t('savedMappingItem', { sheet: m.sheet, range: m.range })}</Text>
                    <Caption1 className={styles.roles}>{rolesOf(m)}</Caption1>
                  </span>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<Delete20Regular />}
                    disabled={disabled}
                    aria-label={t('removeMappingAria', { sheet: m.sheet, range: m.range })}
                    onClick={() => onRemove(m)}
                  >
                    {t('removeMapping')}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

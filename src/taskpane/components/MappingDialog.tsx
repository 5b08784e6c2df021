/**
 * 「この範囲をKPIの表として読む」: the officer says what each column of the selected range holds
 * (a role from a dropdown, prefilled with the engine's best guess; a year for value columns) and
 * how many rows are the header, sees the first rows graded as evaluation will grade them, and
 * saves the reading in the workbook. Nothing here decides anything: src/core/mapping.ts checks
 * the mapping, src/core/detect/mapping.ts reads and guesses, src/core/evaluate.ts grades.
 */
import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { headerFingerprints } from '../../core/detect/mapping';
import { columnLetters } from '../../core/grid';
import { MAPPING_ROLES, type MappingRole, type TableMapping } from '../../core/mapping';
import type { Preset } from '../../core/types';
import { useT, type TaskpaneKey } from '../i18n';
import {
  draftResult,
  headerRowChoices,
  isValueRole,
  previewMapping,
  readYearInput,
  withHeaderRows,
  withRole,
  withYear,
  type MappingDraft,
} from '../state/mappingDraft';
import { GradeBadge } from './GradeBadge';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, calc(100vw - 24px))', padding: tokens.spacingHorizontalL },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  where: { color: tokens.colorNeutralForeground3 },
  columns: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  column: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 88px',
    gridTemplateRows: 'auto auto',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  columnHead: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline', minWidth: 0 },
  headerText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  // At the top of its cell: the year field beside it grows by its hint line.
  role: { minWidth: 0, width: '100%', alignSelf: 'start' },
  year: { minWidth: 0, width: '100%' },
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  previewRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start', minWidth: 0 },
  previewText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  previewName: { overflowWrap: 'anywhere' },
  reason: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export interface MappingDialogProps {
  readonly draft: MappingDraft;
  /** The rule to preview with; undefined while the rule's thresholds are invalid. */
  readonly preset: Preset | undefined;
  readonly saving: boolean;
  onChange(draft: MappingDraft): void;
  onSave(mapping: TableMapping): void;
  onCancel(): void;
}

const PREVIEW_ROWS = 5;

export function MappingDialog({ draft, preset, saving, onChange, onSave, onCancel }: MappingDialogProps) {
  const { t, n, lang } = useT();
  const styles = useStyles();
  const { selection } = draft;
  const result = useMemo(() => draftResult(draft), [draft]);
  const preview = useMemo(
    () => (result.mapping && preset ? previewMapping(selection, result.mapping, preset, PREVIEW_ROWS) : undefined),
    [result.mapping, preset, selection],
  );
  // The header text of each column, as the mapping saves it (its fingerprint).
  const headers = useMemo(
    () => headerFingerprints(selection.grid, selection.range, draft.headerRows),
    [selection, draft.headerRows],
  );
  const roleLabel = (role: MappingRole) => t(`role.${role}` as TaskpaneKey);
  const rowLabel = (count: number) => {
    const first = selection.range.top + 1;
    return count === 1 ? t('mapHeaderRowsOne', { first }) : t('mapHeaderRowsValue', { count, first, last: first + count - 1 });
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && onCancel()}>
      <DialogSurface className={styles.surface} aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>{t('mapTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text size={200} className={styles.where}>
              {t('mapWhere', { sheet: selection.sheet, range: selection.address })}
            </Text>
            <Text size={200}>{t('mapIntro')}</Text>
            {draft.replaces && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{t('mapSavedBefore')}</MessageBarBody>
              </MessageBar>
            )}
            <Field label={t('mapHeaderRows')} size="small">
              <Dropdown
                size="small"
                value={rowLabel(draft.headerRows)}
                selectedOptions={[String(draft.headerRows)]}
                onOptionSelect={(_, data) => data.optionValue && onChange(withHeaderRows(draft, Number(data.optionValue)))}
              >
                {headerRowChoices(draft).map((count) => (
                  <Option key={count} value={String(count)} text={rowLabel(count)}>
                    {rowLabel(count)}
                  </Option>
                ))}
              </Dropdown>
            </Field>

            <div className={styles.columns} role="group" aria-label={t('mapColumns')}>
              <Text size={200} weight="semibold">
                {t('mapColumns')}
              </Text>
              {draft.roles.map((role, i) => {
                const column = columnLetters(selection.range.left + i);
                const yearText = draft.years[i] ?? '';
                const read = readYearInput(yearText);
                const valued = isValueRole(role);
                return (
                  <div key={column} className={styles.column} data-column={column}>
                    <div className={styles.columnHead}>
                      <Badge appearance="tint" color="informative" shape="rounded" size="small">
                        {column}
                      </Badge>
                      <Caption1 className={styles.headerText} title={headers[i]}>
                        {headers[i] || t('mapColumnEmpty')}
                      </Caption1>
                    </div>
                    <Dropdown
                      className={styles.role}
                      size="small"
                      aria-label={t('mapRole', { column })}
                      value={roleLabel(role)}
                      selectedOptions={[role]}
                      onOptionSelect={(_, data) => data.optionValue && onChange(withRole(draft, i, data.optionValue as MappingRole))}
                    >
                      {MAPPING_ROLES.map((r) => (
                        <Option key={r} value={r} text={roleLabel(r)}>
                          {roleLabel(r)}
                        </Option>
                      ))}
                    </Dropdown>
                    {valued ? (
                      <Field
                        size="small"
                        validationState={read.ok ? 'none' : 'error'}
                        validationMessage={read.ok ? undefined : t('mapYearInvalid')}
                        hint={read.ok && read.year !== undefined ? t('mapYearHint', { year: read.year }) : undefined}
                      >
                        <Input
                          className={styles.year}
                          size="small"
                          aria-label={t('mapYear', { column })}
                          placeholder={t('mapYearPlaceholder')}
                          value={yearText}
                          onChange={(_, data) => onChange(withYear(draft, i, data.value))}
                        />
                      </Field>
                    ) : (
                      <span />
                    )}
                  </div>
                );
              })}
            </div>

            {result.errors.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <ul className={styles.errors}>
                    {result.errors.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}

            <section className={styles.preview} aria-label={t('mapPreview', { count: PREVIEW_ROWS })}>
              <Text size={200} weight="semibold">
                {t('mapPreview', { count: PREVIEW_ROWS })}
              </Text>
              {!preset && <Text size={200}>{t('mapPreviewNoRule')}</Text>}
              {preset && !preview && <Text size={200}>{t('mapPreviewNone')}</Text>}
              {preview?.problem && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{lang === 'ja' ? preview.problem.message : preview.problem.messageEn}</MessageBarBody>
                </MessageBar>
              )}
              {preview?.kpis.map((k) => (
                <div key={k.kpi.row} className={styles.previewRow} data-preview-row={k.kpi.row + 1}>
                  <GradeBadge grade={k.outcome.grade} text={k.gradeText} meaning={k.outcome.meaning} size="medium" />
                  <div className={styles.previewText}>
                    <Text size={200} className={styles.previewName}>
                      {k.kpi.name}
                    </Text>
                    <Caption1 className={styles.reason}>{lang === 'ja' ? k.outcome.reason : k.outcome.reasonEn}</Caption1>
                  </div>
                </div>
              ))}
              {preview && preview.total > preview.kpis.length && (
                <Caption1 className={styles.reason}>{t('mapPreviewMore', { count: n(preview.total - preview.kpis.length) })}</Caption1>
              )}
            </section>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} disabled={saving}>
              {t('mapCancel')}
            </Button>
            <Button
              appearance="primary"
              icon={saving ? <Spinner size="tiny" /> : <Save20Regular />}
              disabled={!result.mapping || saving || preview?.problem !== undefined}
              onClick={() => result.mapping && onSave(result.mapping)}
            >
              {saving ? t('mapSaving') : t('mapSave')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}


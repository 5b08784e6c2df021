/**
 * One KPI's 要因分析 / 課題 / 今後の方向性 … in its row of the results (issue 13), as the sheet
 * holds them, each editable there: 編集 opens a field (方向性: a choice of 拡大・継続・改善・縮小・
 * 廃止), ブックに保存 writes that one cell, and the message that follows offers its own undo.
 * Nothing is written without the officer pressing 保存. A row whose table has no such columns
 * shows nothing; one whose cells are all empty shows one small button, so the list stays short.
 */
import { Button, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { Edit16Regular } from '@fluentui/react-icons';
import { useId, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { DIRECTION_CHOICES, type OfficerCell } from '../../core/officerWords';
import type { KpiRow } from '../../core/types';
import { useT } from '../i18n';
import { officerRowKey, useOfficerWordsContext } from '../state/useOfficerWords';
import { officerText } from './officerWordsText';
import { OfficerWriteOutcome } from './OfficerWriteOutcome';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    cursor: 'default',
    paddingTop: tokens.spacingVerticalXXS,
  },
  item: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', columnGap: tokens.spacingHorizontalS },
  header: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
  text: { whiteSpace: 'pre-line', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground1 },
  empty: { color: tokens.colorNeutralForeground3 },
  buttons: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground3 },
  radios: { flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, '& > span > label': { paddingLeft: tokens.spacingHorizontalXXS } },
  textarea: {
    boxSizing: 'border-box',
    width: '100%',
    resize: 'vertical',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '0' },
  },
});

// Using these controls is not a click on the row (which selects the KPI's cell in the sheet).
const stop = (e: MouseEvent | KeyboardEvent) => e.stopPropagation();

export function OfficerWords({ kpi, sheet }: { readonly kpi: KpiRow; readonly sheet: string }) {
  const words = useOfficerWordsContext();
  const { lang } = useT();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<string | undefined>();
  const [draft, setDraft] = useState('');
  const fieldId = useId();
  if (!words) return null;
  const cells = words.cellsOf(kpi);
  if (cells.length === 0) return null;
  const outcome = words.outcomeAt === officerRowKey(sheet, kpi.row) ? words.outcome : undefined;
  const anyText = cells.some((c) => c.text.trim() !== '');
  if (!anyText && !open && !editing && !outcome) {
    if (!words.editable) return null;
    return (
      <div className={styles.root} onClick={stop} onKeyDown={stop}>
        <div>
          <Button size="small" appearance="subtle" icon={<Edit16Regular />} onClick={() => setOpen(true)}>
            {officerText(lang, 'open', { count: cells.length })}
          </Button>
        </div>
      </div>
    );
  }

  const start = (cell: OfficerCell) => {
    setEditing(cell.address);
    setDraft(cell.text);
  };
  const save = async (cell: OfficerCell) => {
    if (await words.save(kpi, cell, draft)) setEditing(undefined);
  };

  return (
    <div className={styles.root} role="group" aria-label={officerText(lang, 'group')} onClick={stop} onKeyDown={stop}>
      {cells.map((cell) => {
        const id = `${fieldId}-${cell.address}`;
        const isEditing = editing === cell.address;
        return (
          <div key={cell.address} className={styles.item}>
            <div className={styles.head}>
              <Text size={200} className={styles.header} id={`${id}-label`}>
                {cell.header}
              </Text>
              {words.editable && !isEditing && (
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<Edit16Regular />}
                  disabled={words.busy}
                  aria-label={officerText(lang, 'editLabel', { header: cell.header })}
                  onClick={() => start(cell)}
                >
                  {officerText(lang, 'edit')}
                </Button>
              )}
            </div>
            {isEditing ? (
              <>
                {cell.kind === 'direction' ? (
                  <RadioGroup className={styles.radios} layout="horizontal" aria-labelledby={`${id}-label`} value={draft} onChange={(_, d) => setDraft(d.value)}>
                    <Radio value="" label={officerText(lang, 'none')} />
                    {/* What the officer wrote that is not one of the five stays a choice: never lost. */}
                    {[...(cell.text !== '' && !(DIRECTION_CHOICES as readonly string[]).includes(cell.text) ? [cell.text] : []), ...DIRECTION_CHOICES].map((c) => (
                      <Radio key={c} value={c} label={c} />
                    ))}
                  </RadioGroup>
                ) : (
                  // A plain textarea (Fluent's Textarea would add to the pane's script budget, tests/build).
                  <textarea id={id} className={styles.textarea} aria-labelledby={`${id}-label`} rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
                )}
                <Text size={100} className={styles.hint}>
                  {cell.kind === 'direction' ? officerText(lang, 'directionHint') : officerText(lang, 'textHint', { cell: cell.address })}
                </Text>
                <div className={styles.buttons}>
                  <Button size="small" appearance="primary" disabled={words.busy || draft === cell.text} onClick={() => void save(cell)}>
                    {officerText(lang, 'save')}
                  </Button>
                  <Button size="small" disabled={words.busy} onClick={() => setEditing(undefined)}>
                    {officerText(lang, 'cancel')}
                  </Button>
                </div>
              </>
            ) : (
              <Text size={200} className={cell.text.trim() !== '' ? styles.text : styles.empty}>
                {cell.text.trim() !== '' ? cell.text : officerText(lang, 'empty')}
              </Text>
            )}
          </div>
        );
      })}
      {outcome && <OfficerWriteOutcome outcome={outcome} words={words} lang={lang} />}
    </div>
  );
}

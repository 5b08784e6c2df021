/**
 * Which grading rule the pane uses: one of the five builtins or the rule saved with
 * the workbook (loaded at start and used when present), possibly with thresholds
 * the officer is editing. The rule in effect is `active`; it is undefined while the
 * typed thresholds are not valid, and then nothing is graded with it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { BUILTIN_PRESETS, type BuiltinPresetId } from '../../core/presets';
import type { Preset } from '../../core/types';
import type { LedgerHost } from '../../core/host';
import { errorInfo, type ErrorInfo, type FailedOperation } from './machine';
import { applyDraft, draftOf, type Draft, type DraftResult } from './presetDraft';

export const BUILTIN_ORDER: readonly BuiltinPresetId[] = Object.keys(BUILTIN_PRESETS) as BuiltinPresetId[];
export const WORKBOOK_OPTION = 'workbook';

export interface PresetOption {
  /** A builtin's id, or WORKBOOK_OPTION. */
  readonly value: string;
  readonly preset: Preset;
  readonly group: 'builtin' | 'workbook';
}

export interface PresetChoice {
  readonly options: readonly PresetOption[];
  readonly selected: string;
  readonly base: Preset;
  readonly draft: Draft;
  readonly result: DraftResult;
  /** The rule in effect, or undefined while the thresholds are invalid. */
  readonly active: Preset | undefined;
  readonly saving: boolean;
  select(value: string): void;
  setField(path: string, text: string): void;
  reset(): void;
  save(): Promise<void>;
}

export function usePresets(
  host: LedgerHost,
  onError: (op: FailedOperation, error: ErrorInfo) => void,
  onSaved: () => void,
): PresetChoice {
  const [workbookPreset, setWorkbookPreset] = useState<Preset | undefined>();
  const [selected, setSelected] = useState<string>('standard');
  const [draft, setDraft] = useState<Draft>(() => draftOf(BUILTIN_PRESETS.standard));
  const [saving, setSaving] = useState(false);
  // Once the officer picks a rule, a late answer from loadPreset must not switch it under them.
  const touched = useRef(false);

  useEffect(() => {
    let live = true;
    host.loadPreset().then(
      (preset) => {
        if (!live || !preset) return;
        setWorkbookPreset(preset);
        if (!touched.current) {
          setSelected(WORKBOOK_OPTION);
          setDraft(draftOf(preset));
        }
      },
      (e: unknown) => {
        if (live) onError('loadPreset', errorInfo(e));
      },
    );
    return () => {
      live = false;
    };
    // Load once per host; onError is stable enough for a one-off report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const options = useMemo<PresetOption[]>(() => {
    const list: PresetOption[] = BUILTIN_ORDER.map((m) => ({ value: m, preset: BUILTIN_PRESETS[m], group: 'builtin' }));
    if (workbookPreset) list.push({ value: WORKBOOK_OPTION, preset: workbookPreset, group: 'workbook' });
    return list;
  }, [workbookPreset]);

  const base = options.find((o) => o.value === selected)?.preset ?? BUILTIN_PRESETS.standard;

  const result = useMemo(() => {
    const isWorkbook = selected === WORKBOOK_OPTION;
    const names = isWorkbook
      ? { ja: base.name, en: base.nameEn }
      : { ja: `${base.name}（調整）`, en: `${base.nameEn} (adjusted)` };
    return applyDraft(base, draft, names);
  }, [base, draft, selected]);

  const select = useCallback(
    (value: string) => {
      const option = options.find((o) => o.value === value);
      if (!option) return;
      touched.current = true;
      setSelected(value);
      setDraft(draftOf(option.preset));
    },
    [options],
  );

  const setField = useCallback((path: string, text: string) => {
    touched.current = true;
    setDraft((d) => ({ ...d, [path]: text }));
  }, []);

  const reset = useCallback(() => setDraft(draftOf(base)), [base]);

  const save = useCallback(async () => {
    const preset = result.preset;
    if (!preset || saving) return;
    setSaving(true);
    try {
      await host.savePreset(preset);
      touched.current = true;
      setWorkbookPreset(preset);
      setSelected(WORKBOOK_OPTION);
      setDraft(draftOf(preset));
      onSaved();
    } catch (e) {
      onError('savePreset', errorInfo(e));
    } finally {
      setSaving(false);
    }
  }, [host, result.preset, saving, onError, onSaved]);

  return { options, selected, base, draft, result, active: result.preset, saving, select, setField, reset, save };
}

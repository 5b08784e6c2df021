/**
 * The preset argument of =KPI.GRADE: which grading rule a formula asks for. Clerks may write
 * a built-in rule by its id (standard, kijun, tassei, pace, points — any case) or by the name
 * the task pane shows (按分進捗 7段階, 基準値比較, 達成率, 目安値, 点数), or name the rule saved in
 * the workbook by its id or name. An explicit built-in id always means the published rule, even
 * when the workbook saved an adjusted copy of it: the copy has its own id and name.
 */
import { BUILTIN_PRESETS, getBuiltinPreset } from '../core/presets';
import type { Preset } from '../core/types';

function fold(text: string): string {
  return text.normalize('NFKC').trim();
}

export function findPreset(text: string, saved: Preset | undefined): Preset | undefined {
  const key = fold(text);
  const id = key.toLowerCase();
  const builtin = getBuiltinPreset(id) ?? Object.values(BUILTIN_PRESETS).find((p) => fold(p.name) === key);
  if (builtin) return builtin;
  if (saved && (saved.id.toLowerCase() === id || fold(saved.name) === key)) return saved;
  return undefined;
}

/** "standard・kijun・tassei・pace・points" and the saved rule's name, for the message. */
export function knownPresetNames(saved: Preset | undefined): string {
  const names: string[] = Object.keys(BUILTIN_PRESETS);
  if (saved && !getBuiltinPreset(saved.id)) names.push(saved.name);
  return names.join('・');
}

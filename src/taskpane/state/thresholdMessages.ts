/**
 * The engine's threshold errors in the officer's words. parsePreset speaks of the
 * rule's fields by their internal names (「しきい値 roughly（Ｂ おおむね順調）は onPace
 * （Ａ 順調）以下に…」) because it also serves the JSON and the command line; beside an
 * input the pane names the grades as its labels do (「Ａ（順調）」) and speaks the pane's
 * language. Messages it does not recognise keep their text with every internal name
 * replaced by its grade, so no field name ever reaches the officer.
 */
import type { T } from '../i18n';
import type { ThresholdField } from './presetDraft';

/** 「Ａ（順調）: 進捗率 ≥ 経過率 ×」 → 「Ａ（順調）」: the grade part of a field's label. */
export function gradeOfField(field: ThresholdField, t: T): string {
  const label = t(field.label, field.labelParams);
  return label.split(/\s*[:：]\s*/)[0] ?? label;
}

function fieldNamed(name: string, fields: readonly ThresholdField[]): ThresholdField | undefined {
  return fields.find((f) => f.path === name);
}

export function thresholdMessage(error: string, fields: readonly ThresholdField[], t: T): string {
  if (/数値（有限の値）/.test(error)) return t('thresholdNaN');
  if (/は 0 以上に/.test(error)) return t('thr.min0');
  if (/は 0 より大きく/.test(error)) return t('thr.positive');
  const order = /しきい値 (\w+)（[^）]*）は (\w+)（[^）]*）以下/.exec(error);
  const other = order ? fieldNamed(order[2]!, fields) : undefined;
  if (other) return t('thr.notAbove', { other: gradeOfField(other, t) });
  const steps = /(\d)点の [^ ]+ が (\d)点の/.exec(error);
  if (steps) return t('thr.stepsOrder', { above: steps[2]! });
  // Unrecognised: the engine's sentence, every internal name replaced by its grade.
  let out = error.replace(/しきい値 (\w+)（([^）]*)）/g, (_, _name: string, grade: string) => `「${grade}」のしきい値`);
  out = out.replace(/（[a-z]\s*≥[^）]*）/g, '');
  for (const f of fields) {
    if (f.path.includes('.')) continue;
    out = out.replace(new RegExp(`(?<![A-Za-z.])(?:thresholds\\.)?${f.path}(?![A-Za-z])`, 'g'), gradeOfField(f, t));
  }
  return out;
}

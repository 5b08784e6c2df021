/**
 * The grading rule in words, for the report's 「評価の考え方」: what each grade means and when the
 * rule gives it, from the preset's own thresholds (so a copied rule with other thresholds is
 * described as it is, not as the built-in one).
 */
import { toGradeText } from '../core/gradeText';
import { gradeKeysOf, gradeMeaning } from '../core/presets';
import type { GradeKey, Preset } from '../core/types';

const pct = (x: number): string => `${Math.round(x * 1000) / 10}%`;
const times = (x: number): string => (x === 1 ? '経過率' : `経過率の${Math.round(x * 100) / 100}倍`);

function condition(preset: Preset, key: GradeKey): string {
  if (key === '-') return '現状値がない（実施時期未到来）';
  switch (preset.method) {
    case 'standard': {
      const t = preset.thresholds;
      switch (key) {
        case 'E':
          return '現状が「未着手」';
        case 'S':
          return t.met === 1 ? '目標を達成（進捗率 100% 以上）' : `進捗率 ${pct(t.met)} 以上`;
        case 'A':
          return `進捗率が${times(t.onPace)}以上`;
        case 'B':
          return `進捗率が${times(t.roughly)}以上`;
        case 'D':
          return `基準値より ${pct(t.worse)} を超えて悪化`;
        case 'C':
          return 'いずれにも当たらない';
      }
      break;
    }
    case 'kijun':
      switch (key) {
        case 'S':
          return '目標を達成';
        case 'A':
          return '基準値より改善';
        case 'B':
          return `基準値からの悪化が ${pct(preset.thresholds.sameLevel)} 以内（同水準）`;
        case 'C':
          return `基準値より ${pct(preset.thresholds.sameLevel)} を超えて悪化`;
      }
      break;
    case 'tassei': {
      const { a, b, c } = preset.thresholds;
      switch (key) {
        case 'A':
          return `達成率 ${pct(a)} 以上`;
        case 'B':
          return `達成率 ${pct(b)} 以上`;
        case 'C':
          return `達成率 ${pct(c)} 以上`;
        case 'D':
          return `達成率 ${pct(c)} 未満`;
      }
      break;
    }
    case 'pace':
      switch (key) {
        case 'A':
          return `進捗率が${times(preset.thresholds.onPace)}以上（目安値に到達）`;
        case 'B':
          return '目安値に届かないが基準値より悪化していない';
        case 'C':
          return '基準値より悪化';
      }
      break;
    case 'points': {
      const steps = preset.thresholds.steps;
      const n = Number(key);
      if (n === 1) return `達成率 ${pct(steps[5])} 未満`;
      if (n >= 2 && n <= 7) return `達成率 ${pct(steps[7 - n]!)} 以上`;
      break;
    }
  }
  return '';
}

/** One line per grade the rule gives, best first: 「Ｓ 早い — 目標を達成（進捗率 100% 以上）」. */
export function ruleLines(preset: Preset): { key: GradeKey; text: string; meaning: string; condition: string }[] {
  // A city scale (method 'scale') has no condition words here yet: its grades are listed with
  // their meanings, which the city's own rule text states.
  return gradeKeysOf(preset).map((key) => ({
    key,
    text: toGradeText(key, 'full'),
    meaning: gradeMeaning(preset, key)?.meaning ?? '',
    condition: condition(preset, key),
  }));
}

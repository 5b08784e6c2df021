/**
 * Survey items (市民意識調査, アンケートの割合): several cities' rules count a move of less than
 * ±N points as 現状維持, because survey noise is larger than the change (福岡市: ±3 ポイント未満).
 * A KPI is a survey item when the officer marked it (ScaleRule.survey.items names it), or — when
 * the rule asks for recognition — when its unit is a share (％ or ポイント) and its name says it is
 * measured by asking people. The reason says which of the two it was.
 */
import type { ScaleRule } from './types';

/** Why a KPI counts as a survey item: marked by the officer, or recognised by this word in its name. */
export type SurveyBasis = { readonly kind: 'marked' } | { readonly kind: 'recognised'; readonly word: string };

/**
 * Words in an indicator's name that say its figure comes from asking residents. 割合 alone
 * ("share") is on the list because municipal surveys report shares of respondents
 * (「住みやすいと感じる市民の割合」); together with the unit test it rarely catches a count.
 */
const SURVEY_WORDS = ['満足度', '意識調査', 'アンケート', '世論調査', '市民意識', '実感', '感じる', 'と思う', '割合'] as const;

/** Units of a share: ％ (NFKC "%") and ポイント / pt. */
const SHARE_UNITS: ReadonlySet<string> = new Set(['%', 'ポイント', 'pt', 'point', 'points']);

/** Names are compared as the officer would read them: NFKC, spaces ignored. */
function fold(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

export function surveyBasis(survey: NonNullable<ScaleRule['survey']>, name: string, unit: string): SurveyBasis | undefined {
  if (name !== '' && survey.items.length > 0) {
    const folded = fold(name);
    if (survey.items.some((item) => fold(item) === folded)) return { kind: 'marked' };
  }
  if (!survey.recognise || name === '' || !SHARE_UNITS.has(unit.normalize('NFKC').trim().toLowerCase())) return undefined;
  const folded = fold(name);
  const word = SURVEY_WORDS.find((w) => folded.includes(w));
  return word === undefined ? undefined : { kind: 'recognised', word };
}

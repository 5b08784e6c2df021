/**
 * How the rule editor names a rule, in the pane's language:
 *  - a rule saved in the workbook whose name already ends in a parenthesis
 *    (「按分進捗 7段階（調整）」) gets 「ブックに保存済み」 inside it —
 *    「按分進捗 7段階（調整・ブックに保存済み）」, not 「…（調整）（ブックに保存済み）」;
 *  - the source of a user-made rule, which the engine writes in Japanese
 *    (「利用者作成（もと: 按分進捗 7段階／柏崎市 …）」, src/core/presets.ts copyPreset), in English.
 */
import type { Lang } from '../i18n';

export function workbookPresetLabel(name: string, lang: Lang): string {
  if (lang === 'ja') {
    const m = /^(.*)（([^（）]+)）$/.exec(name);
    return m ? `${m[1]}（${m[2]}・ブックに保存済み）` : `${name}（ブックに保存済み）`;
  }
  const m = /^(.*) \(([^()]+)\)$/.exec(name);
  return m ? `${m[1]} (${m[2]}, saved in workbook)` : `${name} (saved in workbook)`;
}

export function presetSourceText(source: string, lang: Lang): string {
  if (lang === 'ja') return source;
  const m = /^利用者作成（もと: (.*)）$/.exec(source);
  return m ? `Made by the user (based on: ${m[1]!.replace(/／/g, ' / ')})` : source;
}

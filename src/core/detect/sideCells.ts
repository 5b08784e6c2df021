/**
 * Reading the cells of the columns beside the values (issue 8): a row's unit (単位), the year
 * a year column gives (基準年度 / 目標年度 / 年度 / 時点), and the direction a direction column
 * says (方向 / 目指す方向: ↑ ↓ ↗ ↘ 増加 減少 上昇 低下 維持). Each is a small reading of one cell;
 * what it changes (the unit of bare numbers, a value's year, the direction) is decided in
 * kpiRow.ts, and grading never writes any of these columns.
 */
import { compactText, DASHES } from '../text';
import type { CellReading, Direction } from '../types';
import { findYear } from '../years';

/** A unit longer than this is a note, not a unit ("人（延べ、年間）" is cut to its brackets' outside). */
const MAX_UNIT = 8;
const BRACKETS = /[(（[【〔]([^()（）[\]【】〔〕]*)[)）\]】〕]/gu;

/**
 * The unit written in a unit column: "人", "％" → "%", "（件）" → "件". '' when the cell is
 * empty, a dash, or too long to be a unit.
 */
export function readUnitText(text: string): string {
  if (text === '') return '';
  let unit = compactText(text);
  // "（件）": a unit written in brackets is the unit; "人（延べ）": the bracket is a note.
  const outside = unit.replace(BRACKETS, '');
  unit = outside !== '' ? outside : unit.replace(BRACKETS, '$1');
  if (unit === '' || DASHES.test(unit) || [...unit].length > MAX_UNIT) return '';
  return unit;
}

/** A bare number (unit '') takes the row's unit from its unit column; anything else stays as read. */
export function withRowUnit(reading: CellReading, unit: string): CellReading {
  if (unit === '' || reading.kind !== 'number' || reading.unit !== '') return reading;
  return { ...reading, unit };
}

/** The fiscal year written in a year column's cell ("H26", "平成26年度", "2014", "R5.3時点"). */
export function readYearText(text: string): number | undefined {
  if (text === '' || !/[0-9０-９元]/u.test(text)) return undefined;
  return findYear(text)?.year;
}

const UP = /^(?:[↑↗⇧⬆⤴]|(?:増加|増|上昇|向上|増やす|上げる|高める|UP|アップ)$)/iu;
const DOWN = /^(?:[↓↘⇩⬇⤵]|(?:減少|減|低下|減らす|下げる|削減|抑制|DOWN|ダウン)$)/iu;
const KEEP = /^(?:[→⇒➡]|(?:維持|現状維持|横ばい|保持)$)/u;

/**
 * The direction a direction column's cell says: ↑ ↗ 増加 上昇 → up (higher is better), ↓ ↘ 減少
 * 低下 → down, 維持 → keep the level. undefined for anything else (an empty cell, or 拡大・継続・
 * 縮小, which a 方向性 column says of the measure, not of the figure): the inferred direction stands.
 */
export function readDirectionWord(text: string): Direction | undefined {
  if (text === '') return undefined;
  const word = compactText(text).replace(BRACKETS, '');
  if (word === '') return undefined;
  if (UP.test(word)) return 'up';
  if (DOWN.test(word)) return 'down';
  if (KEEP.test(word)) return 'keep';
  return undefined;
}

/**
 * Reading one value cell of a KPI ledger (spec §2): "63.0％", "65.0%以上\n(H32 国調)",
 * "２，９２０件", "300位以内", "未実施", "策定完了", "－" … into a CellReading.
 *
 * The displayed text is what counts: Excel may hold 63.0％ as 0.63 with a % format, and the
 * officer reads "63.0%". The raw value is only used when the display hides the number
 * (empty text, "####" in a narrow column, scientific or accounting display).
 *
 * Reading order for text:
 *   1. normalise (NFKC: full-width digits, ％, brackets fold to half-width; lines trimmed);
 *   2. dash or blank → missing; Excel error text or TRUE/FALSE → unreadable 'notAValue';
 *   3. set notes aside: bracketed notes "(H22 国調)", ※ notes (kome-jirushi, "note") and a
 *      year written on a later line. A year in them is the value's own year (findYear); other
 *      figures in notes are never the value;
 *   4. what remains is a state word (完了, 未着手 …), a relation to the baseline (基準値を上回る,
 *      現状維持, 増加, 減少 — a qualitative target), 未実施, or
 *      `[tolerated word] [sign] number [unit] [bound] [tolerated word]`.
 *
 * Decisions where the spec is silent:
 *   - a cell holding only notes ("※来年度以降調査予定" survey from next year, "(H28)") is
 *     missing, like "－"; but a bracket holding a figure ("(50件)") is 'noNumber', not hidden;
 *   - the first year wins when a cell has several ("50件\n(H24)\n(H26)" → 2012);
 *   - a year may also stand unbracketed on a later line ("720億円\nH24") or after a space at
 *     the end of the value's line ("65.0% H32国調"); "2020件" is a count, never a year;
 *   - unknown short words are units (see MAX_UNIT below);
 *   - a figure too large for a double (hundreds of digits) is 'notAValue'.
 *
 * Performance (this runs for every value cell of a workbook; `npm run bench` measures it):
 * plain numbers ("16.0", "63.0%") are read without a regex; texts are remembered (the
 * bounded memo, memo.ts: ledgers repeat their value texts); a figure with a unit ("63.0％",
 * "２，９２０件", "20か所\n以上") is read by hand in one pass; only the rest goes through NFKC and
 * the grammar's regexes, and notes are only looked for when the text has a bracket, ※ or a
 * line break. Property tests check the hand-read paths against the grammar.
 */
import { DASHES, nfkc } from './text';
import type { Bound, CellReading, CellState, NumberReading, UnreadableReason } from './types';
import { digitValue, foldFullWidth, isPlainUnitChar } from './chars';
import { remembered } from './memo';
import { findYear, type YearMatch } from './years';

/** What the grid knows besides the displayed text (see GridCell). */
export interface RawCellValue {
  readonly value?: string | number | boolean | null;
  /** Excel number format, e.g. "0.0%" or `#,##0"件"`. */
  readonly numberFormat?: string;
}

// ───────────────────────────── vocabulary ─────────────────────────────

const BOUNDS: Readonly<Record<string, Bound>> = {
  以上: 'ge', // "or more"
  超: 'gt', // "over"
  超え: 'gt',
  を超える: 'gt',
  以下: 'le', // "or less"
  以内: 'le', // "within" — used for ranks: 300位以内 = rank 300 or better
  未満: 'lt', // "under"
};

/** The bound written after a value: 以上 → 'ge', 超 → 'gt', 以下/以内 → 'le', 未満 → 'lt'. */
export function parseBound(word: string): Bound | undefined {
  return Object.prototype.hasOwnProperty.call(BOUNDS, word) ? BOUNDS[word] : undefined;
}

// Verb stems of qualitative targets: 策定 (formulate a plan), 整備 (build/equip), 設置 (set up),
// 実施 (carry out), 導入 (introduce), 開設 (open), 制定 (enact), 作成 (draw up).
const STEMS = '策定|整備|設置|実施|導入|開設|制定|作成';

/**
 * State words, matched against the whole cell (spaces removed). Exact patterns rather than
 * "contains": 達成 (achieved) is done but 未達成 (not achieved) is not, and 調査中 (survey under
 * way) means "no figure yet", not a state, so it stays 'noNumber'.
 * 策定 / 実施 alone are how a qualitative target is written ("to be formulated"); reached, they
 * read the same, so they count as done. 策定中 etc. (in progress) are not done yet.
 */
const STATE_PATTERNS: ReadonlyArray<readonly [RegExp, CellState]> = [
  [/^(?:未着手|着手前)$/u, 'notStarted'], // not started
  [new RegExp(`^(?:未(?:${STEMS}|達成|達|完成|完了)|(?:策定|整備|作成|準備)中)$`, 'u'), 'notDone'],
  [new RegExp(`^(?:(?:${STEMS}|事業)?完了|(?:${STEMS}|達成)?済み?|達成|完成|策定|実施)$`, 'u'), 'done'],
  [/^(?:事業)?(?:中止|廃止)$/u, 'cancelled'], // stopped, abolished
  [/^(?:評価|把握|測定|算出|集計|判定)(?:困難|不能|不可)$/u, 'hardToEvaluate'], // cannot be measured
];

/**
 * Qualitative targets written as a relation to the baseline (spec §6, issue 16), matched against
 * the whole cell (spaces removed): an optional 「基準値を」「現状より」… then the relation word.
 * 「基準値を上回る」「増加」 → up, 「下回る」「減少」 → down, 「現状維持」「維持」「基準値以上」 → keep.
 * A bare 「現状」 or 「基準値」 is no relation (it is a heading word), so the word is required.
 */
const RELATION_PREFIX = '(?:(?:基準値|基準|現状値|現状|策定時|計画策定時|当初値|当初)(?:を|より|から)?)';
const RELATION_PATTERNS: ReadonlyArray<readonly [RegExp, 'up' | 'down' | 'keep']> = [
  [new RegExp(`^${RELATION_PREFIX}?(?:上回る|超える|増加|増やす|向上|上昇)$`, 'u'), 'up'],
  [new RegExp(`^${RELATION_PREFIX}?(?:下回る|減少|減らす|削減|低下)$`, 'u'), 'down'],
  [new RegExp(`^(?:${RELATION_PREFIX}?(?:維持|横ばい)|${RELATION_PREFIX}以上)$`, 'u'), 'keep'],
];

/** 未実施 ("not implemented"): the baseline of a measure that did not exist yet, read as 0. */
const NOT_IMPLEMENTED = '未実施';

/** Words that may precede a figure without changing it: 約/およそ/概ね/ほぼ (about), 延べ (in total, counting repeats), 累計 (cumulative), 年間 (per year), (合)計 (total). */
const TOLERATED_PREFIX = /^(?:約|およそ|概ね|おおむね|ほぼ|延べ|延|累計|年間|計|合計)?$/u;

/**
 * After the figure: unit, bound, then a tolerated word — 程度/前後 (about), 見込(み)
 * (forecast), (を)維持 (keep the level; the direction rule handles 維持 via T = B).
 * The unit is lazy so that a trailing bound word is taken as the bound, not as unit text.
 */
const TAIL = /^(.*?) ?(以上|以下|以内|未満|超え|を超える|超)? ?(?:程度|前後|見込み?|を?維持)? ?$/su;

// ───────────────────────────── units ─────────────────────────────

/**
 * Unit decision (the spec leaves the unknown-word case open): the unit is the non-digit text
 * after the figure on the same line, minus a bound and tolerated words. Municipal ledgers use
 * counters of every kind (件 人 社 組 か所 ヶ所 団体 事業所 世帯 人泊 百万円 ha kWh …), so there is
 * no closed list: any run of up to MAX_UNIT characters is accepted as written, and whether the
 * units of a row agree is the row's business (problem 'unitMismatch'). So `50ほげ件` reads as
 * 50 with unit "ほげ件". A tail is 'unknownWord' only when it clearly is not a unit:
 *   - longer than MAX_UNIT characters (a phrase or sentence, "50件を目指して取り組む");
 *   - Latin letters run together with Japanese ("50hoge件"), except a scale word before a
 *     Latin unit (万kWh) and per-units split by "/" (円/kWh);
 *   - sentence punctuation or a range mark with no second figure ("10〜").
 */
const MAX_UNIT = 6;
/** Longest tail worth matching: unit + bound + tolerated word + spaces. Longer is a sentence. */
const MAX_TAIL = 24;
/** Longest text after the figure worth looking into: a tail plus a year note ("% 以上 H32 国調"). */
const MAX_REST = 40;
/** Units whose NFKC form holds a digit: ㎡ → m2, ㎥ → m3, t-CO₂ → t-CO2. */
const DIGIT_UNITS = /(?:[kcm]?m[23]|CO2)(?![\d.])/gu;
const SCALE_PREFIX = /^(?:百万|千万|十万|千|万|億|兆|百)/u;
const LATIN = /[A-Za-z]/u;
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
/** Sentence punctuation, range marks, and brackets left unpaired. */
const NOT_IN_UNIT = /[~〜、。,;:!?()[\]【】〔〕]/u;

/** Why `unit` cannot be a unit, or undefined when it can. */
function unitProblem(unit: string): UnreadableReason | undefined {
  // UTF-16 length ≥ characters, so only a long string needs counting by code point.
  if ((unit.length > MAX_UNIT && [...unit].length > MAX_UNIT) || NOT_IN_UNIT.test(unit)) return 'unknownWord';
  if (!LATIN.test(unit)) return undefined;
  const parts = unit.replace(SCALE_PREFIX, '').split('/');
  for (const part of parts) {
    if (LATIN.test(part) && JAPANESE.test(part)) return 'unknownWord';
  }
  return undefined;
}

// ───────────────────────────── text shapes ─────────────────────────────

const NON_ASCII = /[^\x00-\x7f]/;
/** Anything normalizeCell would change after NFKC: edge spaces, runs (" \n" too), tabs, \r. */
const UNTIDY_SPACE = /^\s|\s$|\s\s|[^\S \n]/;
const CARRIAGE_RETURN = /\r\n?/g;
const SPACE_RUN = /[^\S\n]+/g;
const LINE_END_SPACE = / ?\n[\s]*/g;
const ANY_SPACE = /\s+/g;
/** A year needs a digit, or 元 (the first year of an era: 令和元年). */
const MAY_HOLD_YEAR = /[\d元]/;
const HAS_DIGIT = /\d/;
/** Where notes may hide: brackets (half-width after NFKC, plus 【】〔〕[]), ※ notes, footnote stars, later lines. */
const NOTE_MARK = /[()[\]【】〔〕※*\n]/;
const HAS_BRACKET = /[(【〔[]/;
/** ※ (kome-jirushi) starts a note that runs to the end of the line; "*1" is a footnote mark. */
const REMARK = /※[^\n]*|\*+\d*/g;
const REMARK_MARK = /[※*]/;
/**
 * [prefix] [sign] figure rest. Signs: "-", "+", "−" and △ ▲, which Japanese accounts use for
 * negative figures. The first digit starts the figure; earlier text is the prefix.
 */
const FIGURE = /^(.*?)([-+−△▲]?) ?(\d+(?:,\d{3})*(?:\.\d*)?|\.\d+)(.*)$/su;
const COMMAS = /,/g;
/** Excel error values: #DIV/0!, #REF!, #N/A, #VALUE!, #NAME?, #GETTING_DATA … */
const ERROR_VALUE = /^#[A-Z][A-Z0-9_/]*[!?]?$/i;
const BOOLEAN_TEXT = /^(?:TRUE|FALSE)$/i;

// Displays that hide the number the cell holds: "#####" (column too narrow),
// "6.30E+01" (scientific), "(1,234)" (accounting negative).
const HASHES = /^#+$/;
const SCIENTIFIC = /^[-+]?\d+(?:\.\d+)?E[-+]?\d+$/i;
const ACCOUNTING_NEGATIVE = /^\(\s*[\d,.]+\s*\)$/;
/** Quoted literals and escaped characters in a number format: `0.0"%"` does not scale. */
const FORMAT_LITERAL = /"([^"]*)"|\\(.)/gu;

const MISSING: CellReading = Object.freeze({ kind: 'missing' });

// ───────────────────────────── reading ─────────────────────────────

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface OwnYear {
  readonly year: number;
  readonly note: string;
}

/**
 * Reads one value cell. `text` is the text Excel displays; `raw` is the value behind it and its
 * number format, used only when the display hides the number.
 */
export function parseCellValue(text: string, raw?: RawCellValue): CellReading {
  const value = raw?.value;
  const first = text.charCodeAt(0);
  // A plain number ("16.0", "63.0%", "-5") starts with a digit or "-": other texts skip it.
  if (((first >= 0x30 && first <= 0x39) || first === 0x2d) && typeof value !== 'boolean') {
    const plain = plainNumberReading(text);
    if (plain !== undefined) return plain;
  }

  if (typeof value === 'boolean') return unreadable(text, 'notAValue');
  // An error value starts with "#" (checked before trimming and the regex: most texts have none).
  if (typeof value === 'string' && value.indexOf('#') >= 0 && ERROR_VALUE.test(value.trim())) return unreadable(text, 'notAValue');
  if (typeof value === 'number' && displayHidesNumber(text)) return readRawNumber(value, raw?.numberFormat, text);
  // Some doors know only the value of a text cell; the value then is the text.
  const shown = typeof value === 'string' && isBlank(text) ? value : text;
  return readText(shown);
}

/**
 * A plain number ("16.0", "63.0%", "-5": most cells of a clean ledger), or undefined when the text is
 * no such number. Up to 15 digits the digits are an exact integer and dividing by a power of ten
 * gives the correctly rounded double, as Number() does; longer figures go to Number() itself.
 */
function plainNumberReading(text: string): CellReading | undefined {
  const n = text.length;
  let i = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const negative = i === 1;
  let mantissa = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) break;
    mantissa = mantissa * 10 + (c - 0x30);
    digits++;
  }
  if (digits === 0) return undefined;
  let scale = 0;
  if (i < n && text.charCodeAt(i) === 0x2e) {
    for (i++; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) break;
      mantissa = mantissa * 10 + (c - 0x30);
      scale++;
    }
    if (scale === 0) return undefined; // "1." is no plain number
  }
  const percent = i < n && text.charCodeAt(i) === 0x25;
  if (i + (percent ? 1 : 0) !== n) return undefined;
  if (digits + scale > 15) {
    const long = Number(text.slice(0, i));
    // 400 nines overflow to Infinity: no ledger figure, and nothing the grader could compute with.
    return Number.isFinite(long) ? numberReading(long, percent ? '%' : '') : unreadable(text, 'notAValue');
  }
  const magnitude = scale === 0 ? mantissa : mantissa / POWERS_OF_TEN[scale]!;
  return numberReading(negative ? -magnitude : magnitude, percent ? '%' : '');
}

/** text.trim() === '', without trimming a text that starts with something visible. */
function isBlank(text: string): boolean {
  if (text === '') return true;
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return text.trim() === '';
}

function displayHidesNumber(text: string): boolean {
  const t = text.trim();
  if (t === '') return true;
  // "####", "(1,234)" and "6.30E+01" start with # or ( or hold an E: anything else shows its number.
  const first = t.charCodeAt(0);
  if (first !== 0x23 && first !== 0x28 && t.indexOf('E') < 0 && t.indexOf('e') < 0) return false;
  return HASHES.test(t) || SCIENTIFIC.test(t) || ACCOUNTING_NEGATIVE.test(t);
}

/** A number the display does not show: a % format shows value × 100; a quoted suffix (`0"件"`) is its unit. */
function readRawNumber(value: number, numberFormat: string | undefined, text: string): CellReading {
  if (!Number.isFinite(value)) return unreadable(text, 'notAValue');
  const format = (numberFormat ?? '').split(';')[0]!;
  let literal = '';
  const code = format.replace(FORMAT_LITERAL, (_m, quoted: string | undefined, escaped: string | undefined) => {
    literal += quoted ?? escaped ?? '';
    return '';
  });
  if (code.includes('%')) {
    // 0.63 * 100 is 63.00000000000001; 12 significant digits is more than any ledger shows.
    const percent = Number((value * 100).toPrecision(12));
    return Number.isFinite(percent) ? numberReading(percent, '%') : unreadable(text, 'notAValue');
  }
  const tail = readTail(normalizeCell(literal));
  if (typeof tail === 'string') return numberReading(value, ''); // a literal that is no unit: keep the bare number
  return numberReading(value, tail.unit, tail.bound);
}

/**
 * readText, remembered. Ledgers repeat their value texts ("－", "策定完了", "20か所\n以上",
 * "63.0％\n(H22 国調)" on every census row …), and a reading depends on the text alone, so a
 * text is read once and cells with the same text share its reading (readings are immutable).
 * Longer texts are sentences, read once: not worth keeping.
 */
function readText(text: string): CellReading {
  return text.length > MEMO_TEXT_LENGTH ? readTextUncached(text) : readTextRemembered(text);
}

const MEMO_TEXT_LENGTH = 64;
const readTextRemembered = remembered((text) => readPlainFigure(text) ?? readTextUncached(text), 1 << 14);

// ───────────────────────────── the common shapes, by hand ─────────────────────────────

/**
 * Most value cells are a figure and a unit: "63.0％", "２，９２０件", "300位以内", "65.0%以上",
 * "20か所\n以上" (a bound or a word on a second line). These are read here with one pass over
 * the characters, giving exactly what the grammar below gives them; anything else — a note in
 * brackets, a year, a sign, a prefix word, spaces, Latin letters, characters NFKC would fold
 * other than full-width figures and ％ — is left to it (undefined).
 */
function readPlainFigure(text: string): NumberReading | undefined {
  const n = text.length;
  if (n === 0 || n > MAX_PLAIN) return undefined;
  // The figure: \d+(?:,\d{3})*(?:\.\d*)? as FIGURE reads it, in half- or full-width digits.
  let i = 0;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  for (let d = digitAt(text, i); d >= 0; d = digitAt(text, i)) {
    mantissa = mantissa * 10 + d;
    digits++;
    i++;
  }
  if (digits === 0) return undefined;
  while (i + 3 < n + 1 && isComma(text.charCodeAt(i)) && digitAt(text, i + 1) >= 0 && digitAt(text, i + 2) >= 0 && digitAt(text, i + 3) >= 0) {
    mantissa = ((mantissa * 10 + digitAt(text, i + 1)) * 10 + digitAt(text, i + 2)) * 10 + digitAt(text, i + 3);
    digits += 3;
    i += 4;
  }
  if (i < n && isPeriod(text.charCodeAt(i))) {
    i++;
    for (let d = digitAt(text, i); d >= 0; d = digitAt(text, i)) {
      mantissa = mantissa * 10 + d;
      scale++;
      i++;
    }
  }
  // Up to 15 digits the mantissa is exact and mantissa / 10^scale is the correctly rounded
  // double, as Number("…") gives it.
  if (digits + scale > 15) return undefined;

  // The rest: unit characters, then at most one more line of them ("以上").
  let rest = '';
  const from = i;
  let lineBreak = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (lineBreak >= 0 || i === from || i === n - 1) return undefined;
      lineBreak = i;
    } else if (c === 0x25 || c === 0xff05) {
      if (lineBreak >= 0) return undefined; // % on the second line
    } else if (!isPlainUnitChar(c) || (lineBreak >= 0 && c === 0x5143)) {
      // 元 on a second line could start a year ("元年度").
      return undefined;
    }
  }
  if (lineBreak >= 0) {
    // setNotesAside joins the lines with a space.
    rest = `${text.slice(from, lineBreak)} ${text.slice(lineBreak + 1)}`;
  } else {
    rest = text.slice(from);
  }
  if (rest.indexOf('％') >= 0) rest = rest.replace(FULL_WIDTH_PERCENT, '%');
  if (rest.length > MAX_TAIL) return undefined;

  // TAIL: the shortest unit after which the rest is [ ][bound][ ][tolerated word][ ].
  for (let k = 0; k <= rest.length; k++) {
    const bound = tailAfterUnit(rest, k);
    if (bound === null) continue;
    const unitText = rest.slice(0, k);
    const unit = unitText.includes(' ') ? unitText.replace(ANY_SPACE, '') : unitText;
    // Kana, kanji and % only: unitProblem can object to the length alone.
    if (unit.length > MAX_UNIT) return undefined;
    const value = scale === 0 ? mantissa : mantissa / POWERS_OF_TEN[scale]!;
    return numberReading(value, unit, bound === '' ? undefined : BOUNDS[bound]);
  }
  return undefined;
}

const MAX_PLAIN = 32;
const FULL_WIDTH_PERCENT = /％/g;
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/** TAIL's alternatives, in the order it tries them. */
const TAIL_BOUNDS = ['以上', '以下', '以内', '未満', '超え', 'を超える', '超'] as const;
const TAIL_TOLERATED = ['程度', '前後', '見込み', '見込', 'を維持', '維持'] as const;
/** What the rest after a unit can start with: a space, or the first character of one of those words. */
const TAIL_START: ReadonlySet<number> = new Set([0x20, ...[...TAIL_BOUNDS, ...TAIL_TOLERATED].map((w) => w.charCodeAt(0))]);

/** The digit at i (0–9, half- or full-width), or -1. */
function digitAt(text: string, i: number): number {
  return digitValue(text.charCodeAt(i));
}

function isComma(c: number): boolean {
  return foldFullWidth(c) === 0x2c;
}

function isPeriod(c: number): boolean {
  return foldFullWidth(c) === 0x2e;
}

/**
 * Matches TAIL's `␣?(bound)?␣?(tolerated)?␣?$` against rest from k on, trying the alternatives
 * in the regex's order: the bound word of the first match ('' for none), or null for no match.
 */
function tailAfterUnit(rest: string, k: number): string | null {
  // Quick answers: nothing left, or a character no space, bound or tolerated word starts with.
  if (k === rest.length) return '';
  if (!TAIL_START.has(rest.charCodeAt(k))) return null;
  for (let s1 = rest.charCodeAt(k) === 0x20 ? 1 : 0; s1 >= 0; s1--) {
    const p1 = k + s1;
    for (let b = 0; b <= TAIL_BOUNDS.length; b++) {
      const bound = b < TAIL_BOUNDS.length ? TAIL_BOUNDS[b]! : '';
      if (bound !== '' && !rest.startsWith(bound, p1)) continue;
      const p2 = p1 + bound.length;
      for (let s2 = rest.charCodeAt(p2) === 0x20 ? 1 : 0; s2 >= 0; s2--) {
        const p3 = p2 + s2;
        for (let t = 0; t <= TAIL_TOLERATED.length; t++) {
          const word = t < TAIL_TOLERATED.length ? TAIL_TOLERATED[t]! : '';
          if (word !== '' && !rest.startsWith(word, p3)) continue;
          const p4 = p3 + word.length;
          if (p4 === rest.length || (p4 + 1 === rest.length && rest.charCodeAt(p4) === 0x20)) return bound;
        }
      }
    }
  }
  return null;
}

function readTextUncached(text: string): CellReading {
  const s = normalizeCell(text);
  if (s === '' || DASHES.test(s)) return MISSING;
  if (ERROR_VALUE.test(s) || BOOLEAN_TEXT.test(s)) return unreadable(text, 'notAValue');

  let core = s;
  let ownYear: OwnYear | undefined;
  let figureInNotes = false;
  if (NOTE_MARK.test(s)) ({ core, ownYear, figureInNotes } = setNotesAside(s));
  // Only notes ("※調査予定" survey planned, "(H28)"): no figure for that year. But a figure
  // inside brackets ("(50件)") is not nothing: say so rather than hide it as missing.
  if (core === '') return figureInNotes ? unreadable(text, 'noNumber') : MISSING;
  const compact = core.includes(' ') ? core.replace(ANY_SPACE, '') : core;
  if (DASHES.test(compact)) return MISSING;

  if (!HAS_DIGIT.test(compact)) {
    const word = compact.endsWith('。') ? compact.slice(0, -1) : compact;
    if (word === NOT_IMPLEMENTED) return numberReading(0, '', undefined, ownYear, true);
    const state = stateOf(word);
    if (state) return { kind: 'state', state, text: text.trim() };
    const relation = relationOf(word);
    if (relation) return { kind: 'relation', relation, text: text.trim() };
    return unreadable(text, 'noNumber');
  }
  return readFigure(core, ownYear, text);
}

/**
 * The same text as normalizeText (NFKC, lines trimmed, blank lines dropped, any run of spaces
 * one space), done with a few whole-string replaces instead of splitting into lines: this runs
 * for every cell, and the split/map/join costs more than the rest of the reading.
 */
function normalizeCell(text: string): string {
  let s = NON_ASCII.test(text) ? nfkc(text) : text;
  if (!UNTIDY_SPACE.test(s)) return s;
  if (s.includes('\r')) s = s.replace(CARRIAGE_RETURN, '\n');
  return s.replace(SPACE_RUN, ' ').replace(LINE_END_SPACE, '\n').trim();
}

/** What is left of a cell once its notes are set aside. */
interface ValueText {
  /** The value text: lines joined by a space, so a bound or unit on its own line still follows the figure. */
  readonly core: string;
  readonly ownYear: OwnYear | undefined;
  /** A bracket held a figure other than its year ("(50件)"): such a cell is not simply empty. */
  readonly figureInNotes: boolean;
}

/**
 * Sets the notes of a cell aside: bracketed notes, ※ notes, and a year written on a line below
 * the value ("720億円\nH24"). The first year found wins, brackets before lines.
 */
function setNotesAside(s: string): ValueText {
  const brackets = HAS_BRACKET.test(s) ? splitBrackets(s) : undefined;
  let rest = brackets ? brackets.outside : s;
  if (REMARK_MARK.test(rest)) rest = rest.replace(REMARK, ' ');

  let ownYear = brackets?.ownYear;
  let core = '';
  for (let start = 0; start <= rest.length; ) {
    const br = rest.indexOf('\n', start);
    const end = br < 0 ? rest.length : br;
    const line = rest.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    const y = core === '' ? undefined : yearAnnotation(line);
    if (y) ownYear ??= y;
    else core = core === '' ? line : `${core} ${line}`;
  }
  // A note taken out of the middle of a line leaves two spaces behind.
  core = core.includes('  ') ? core.replace(ANY_SPACE, ' ') : core;
  return { core, ownYear, figureInNotes: brackets?.figureInNotes ?? false };
}

/**
 * Takes bracketed notes out of the text in one pass, tracking depth, so "(H27 (国調))" is one
 * note. A bracket left open runs to the end of its line; a stray closing bracket is dropped.
 * (A regex for innermost pairs would need one pass per level: quadratic on "((((…".)
 */
function splitBrackets(s: string): BracketNotes {
  const notes: BracketNotes = { outside: '', ownYear: undefined, figureInNotes: false };
  let from = 0; // start of the outside text not yet copied
  let depth = 0;
  let noteStart = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x28 || c === 0x5b || c === 0x3010 || c === 0x3014) {
      // ( [ 【 〔
      if (depth === 0) {
        notes.outside += `${s.slice(from, i)} `;
        noteStart = i + 1;
      }
      depth++;
    } else if (c === 0x29 || c === 0x5d || c === 0x3011 || c === 0x3015) {
      // ) ] 】 〕
      if (depth === 0) {
        notes.outside += s.slice(from, i);
      } else if (--depth === 0) {
        takeNote(notes, s.slice(noteStart, i));
        notes.outside += ' ';
      }
      if (depth === 0) from = i + 1;
    } else if (c === 0x0a && depth > 0) {
      takeNote(notes, s.slice(noteStart, i));
      depth = 0;
      from = i;
    }
  }
  if (depth > 0) takeNote(notes, s.slice(noteStart));
  else notes.outside += s.slice(from);
  return notes;
}

interface BracketNotes {
  outside: string;
  ownYear: OwnYear | undefined;
  figureInNotes: boolean;
}

/** A bracketed note: its year, if any, is the value's own; any other figure in it is noted. */
function takeNote(notes: BracketNotes, note: string): void {
  const y = MAY_HOLD_YEAR.test(note) ? yearIn(note) : undefined;
  if (y && !notes.ownYear) notes.ownYear = { year: y.year, note: note.trim() };
  if (!notes.figureInNotes && HAS_DIGIT.test(y ? note.replace(y.text, '') : note)) notes.figureInNotes = true;
}

/**
 * A year written as an annotation, without brackets: "H24", "H27 国調", "2020年". The text must
 * start with the year, and what follows must be a short word with no figure in it (国調 = the
 * national census), so that "2,920件" or "2020件" is never taken for a year.
 */
function yearAnnotation(text: string): OwnYear | undefined {
  if (!MAY_HOLD_YEAR.test(text)) return undefined;
  const y = yearIn(text);
  if (!y || y.index !== 0) return undefined;
  const after = text.slice(y.text.length).trim();
  if (HAS_DIGIT.test(after) || after.length > MAX_UNIT) return undefined;
  return { year: y.year, note: text };
}

/**
 * findYear, remembered. A ledger repeats a handful of year notes ("H22 国調", "H27 国調", "H24")
 * on every census row, and findYear normalises its input again, which costs more than the rest
 * of a cell.
 */
const yearIn: (text: string) => YearMatch | undefined = remembered(findYear);

function relationOf(word: string): 'up' | 'down' | 'keep' | undefined {
  for (const [pattern, relation] of RELATION_PATTERNS) {
    if (pattern.test(word)) return relation;
  }
  return undefined;
}

function stateOf(word: string): CellState | undefined {
  for (const [pattern, state] of STATE_PATTERNS) {
    if (pattern.test(word)) return state;
  }
  return undefined;
}

/** `[tolerated word] [sign] figure [unit] [bound] [tolerated word] [year]` on one line. */
function readFigure(core: string, bracketYear: OwnYear | undefined, text: string): CellReading {
  const m = FIGURE.exec(core);
  if (!m) return unreadable(text, 'noNumber');
  const prefix = m[1]!;
  const sign = m[2]!;
  const digits = m[3]!;
  if (!TOLERATED_PREFIX.test(prefix.trim())) return unreadable(text, 'unknownWord');

  let rest = m[4]!;
  const restHasDigit = HAS_DIGIT.test(rest);
  // A long text after the figure is a sentence, not a unit; it also bounds the work below.
  if (rest.length > MAX_REST) return unreadable(text, restHasDigit ? 'severalNumbers' : 'unknownWord');
  let ownYear = bracketYear;
  if (restHasDigit) {
    const cut = cutYearTail(rest);
    if (cut) {
      rest = cut.head;
      ownYear ??= cut.year;
    }
    if (HAS_DIGIT.test(rest.replace(DIGIT_UNITS, ''))) return unreadable(text, 'severalNumbers');
  }
  const tail = readTail(rest);
  if (typeof tail === 'string') return unreadable(text, tail);

  const magnitude = Number(digits.includes(',') ? digits.replace(COMMAS, '') : digits);
  if (!Number.isFinite(magnitude)) return unreadable(text, 'notAValue'); // hundreds of digits overflow
  const negative = sign === '-' || sign === '−' || sign === '△' || sign === '▲';
  return numberReading(negative ? -magnitude : magnitude, tail.unit, tail.bound, ownYear);
}

/** "%以上 H32国調" → head "%以上", year 2020: a year after a space that ends the line. */
function cutYearTail(rest: string): { head: string; year: OwnYear } | undefined {
  for (let i = rest.indexOf(' '); i >= 0; i = rest.indexOf(' ', i + 1)) {
    const year = yearAnnotation(rest.slice(i + 1));
    if (year) return { head: rest.slice(0, i), year };
  }
  return undefined;
}

/** Unit and bound from the text after the figure, or why it is no unit. */
function readTail(rest: string): { unit: string; bound: Bound | undefined } | UnreadableReason {
  if (rest === '') return { unit: '', bound: undefined };
  if (rest.length > MAX_TAIL) return 'unknownWord';
  const m = TAIL.exec(rest)!; // the lazy unit can take everything, so TAIL always matches
  const unitText = m[1]!;
  const unit = unitText.includes(' ') ? unitText.replace(ANY_SPACE, '') : unitText;
  const problem = unitProblem(unit);
  if (problem) return problem;
  return { unit, bound: m[2] === undefined ? undefined : BOUNDS[m[2]] };
}

function numberReading(
  value: number,
  unit: string,
  bound?: Bound,
  ownYear?: OwnYear,
  notImplemented?: boolean,
): NumberReading {
  // "-0" and "△0.0" are zero; -0 would print as "-0" and compare oddly.
  const v = value === 0 ? 0 : value;
  const reading: Mutable<NumberReading> = { kind: 'number', value: v, unit };
  if (bound) reading.bound = bound;
  if (ownYear) {
    reading.year = ownYear.year;
    reading.yearNote = ownYear.note;
  }
  if (notImplemented) reading.notImplemented = true;
  return reading;
}

function unreadable(text: string, reason: UnreadableReason): CellReading {
  return { kind: 'unreadable', text: text.trim(), reason };
}

// ───────────────────────────── values inside a line of text ─────────────────────────────

/** What may stand between a leading year and its figure: "H26年1.54", "R1: 1.68", "平成26年度 132人". */
const AFTER_LEADING_YEAR = /^[\s:：=＝]*/u;

/**
 * Reads a value written inside a line of text rather than in a cell of its own: one part of an
 * arrow line (「H26年1.54→H31年1.68」, 「132人（H26）→200人（H31）」). The same grammar as a cell
 * (parseCellValue), and one more place for the value's own year: before the figure
 * ("H26年1.54" reads as 1.54 of 2014). A year after the figure ("132人（H26）") is read as in a cell.
 */
export function parseValuePart(part: string): CellReading {
  const s = normalizeCell(part);
  if (s === '') return MISSING;
  const lead = MAY_HOLD_YEAR.test(s) ? yearIn(s) : undefined;
  if (!lead || lead.index !== 0) return parseCellValue(s);
  const rest = s.slice(lead.text.length).replace(AFTER_LEADING_YEAR, '');
  if (rest === '' || !HAS_DIGIT.test(rest)) return parseCellValue(s);
  const reading = parseCellValue(rest);
  if (reading.kind !== 'number' || reading.year !== undefined) return reading;
  return numberReading(reading.value, reading.unit, reading.bound, { year: lead.year, note: lead.text }, reading.notImplemented);
}

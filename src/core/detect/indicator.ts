/**
 * Reading an indicator cell: "女性の生産年齢人口（15歳から 64歳まで）における就業率\n（企画政策課）"
 * → name "女性の生産年齢人口(15歳から64歳まで)における就業率", department "企画政策課".
 *
 * Japanese is wrapped anywhere, also in the middle of a word, so line breaks and the spaces
 * a PDF conversion leaves behind are dropped; only a space between two Latin letters or
 * digits ("Kashiwazaki LIfE") is a real word gap and stays.
 */
import { remembered } from '../memo';
import { digitValue, foldFullWidth, IDEOGRAPHIC_SPACE, nfkcStable } from '../chars';
import { nfkc, normalizeText } from '../text';

export interface IndicatorText {
  readonly name: string;
  /** 担当課 (section in charge) written in a trailing bracket: "（企画政策課）". */
  readonly department?: string;
  /** ※ (kome-jirushi) notes: "※来年度以降調査予定" (survey from next year on). */
  readonly note?: string;
  /** A number written before the name, "１ 若者の定住率", when the table has no No column. */
  readonly number?: string;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u;
const SPACES = /\s+/gu;

/**
 * Drops each run of spaces (\s, line breaks included) unless it stands between two Latin
 * letters or digits, where it becomes one space. A loop over the text rather than a replace
 * with a callback: every indicator name passes here.
 */
function squeeze(s: string): string {
  let out = '';
  let from = 0; // start of the text not yet copied
  for (let i = 0; i < s.length; i++) {
    if (!isSpace(s.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < s.length && isSpace(s.charCodeAt(end))) end++;
    const keep = i > 0 && end < s.length && isLatinOrDigit(s.charCodeAt(i - 1)) && isLatinOrDigit(s.charCodeAt(end));
    out += keep ? `${s.slice(from, i)} ` : s.slice(from, i);
    from = end;
    i = end - 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** JavaScript's \s: what /\s+/ in a regex treats as a space. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === IDEOGRAPHIC_SPACE ||
    c === 0xfeff
  );
}

/** [A-Za-z0-9]. */
function isLatinOrDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Header texts repeat in every table of a ledger: joined once, remembered (bounded). */
/** Joins header lines: "当初\n(H26)" → "当初 (H26)", "達成\n状況" → "達成状況". */
export const joinHeaderText: (text: string) => string = remembered(joinHeaderUncached);

function joinHeaderUncached(text: string): string {
  const s = normalizeText(text);
  return s.replace(SPACES, (gap, at: number) => {
    const before = s[at - 1] ?? '';
    const after = s[at + gap.length] ?? '';
    return CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
}

// A No cell: "1", "１", "①" (NFKC makes it "1"), "(2)", "3.", "1-2", "No.4".
const NUMBER_CELL = /^(?:NO\.?)?\(?\d{1,3}(?:[-.]\d{1,3}){0,3}[).]?$/iu;
const PLAIN_NUMBER = /^\d{1,3}$/;

/** True when the text is what a No column holds. */
export function isNumberLike(text: string): boolean {
  if (PLAIN_NUMBER.test(text)) return true;
  if (text.length <= 3 && allDigits(text)) return true; // "１", "１２": full-width digits fold to digits
  if (cannotStartNumber(text)) return false;
  const t = nfkc(text).replace(SPACES, '');
  return t !== '' && NUMBER_CELL.test(t);
}

/** Non-empty, every character a digit, half- or full-width (０–９). */
function allDigits(text: string): boolean {
  if (text === '') return false;
  for (let i = 0; i < text.length; i++) {
    if (digitValue(text.charCodeAt(i)) < 0) return false;
  }
  return true;
}

/**
 * The first character that is not a space is one NFKC keeps as it is (ASCII, kanji, kana) and
 * is none of the characters a No cell starts with (N n ( and digits): NUMBER_CELL cannot match,
 * whatever follows. Indicator names ("女性の…") are turned away here without NFKC.
 */
function cannotStartNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c >= 0x80) return nfkcStable(c);
    return !(c === 0x4e || c === 0x6e || c === 0x28 || (c >= 0x30 && c <= 0x39));
  }
  return false;
}

// "1 女性の…", "2. 観光入込客数", "(3)若者の定住率": a number then a gap or a stop, then a word.
// "15歳以上の…" has no gap after its digits and is left whole.
const NUMBER_PREFIX = /^(\(\d{1,3}\)|\d{1,3}(?:-\d{1,3}){0,2})(?:[.)]\s*|\s+|(?<=\))\s*)(?=[^\d\s.,)])/u;
/** What a numbered name can start with, before NFKC: digits, circled digits, a bracket. */
const MAY_START_NUMBER = /^\s*[\d０-９(（\u2460-\u2473]/u;

/** The number written before an indicator name ("１ 若者の定住率" → "1"), if any. */
export function numberPrefix(raw: string): string | undefined {
  if (!MAY_START_NUMBER.test(raw)) return undefined;
  const first = nfkc(raw).trim();
  const m = NUMBER_PREFIX.exec(first);
  return m && m[0].length < first.length ? m[1] : undefined;
}

// A trailing bracket is the department when its content ends like a section name:
// 課 (section), 室 (office), 局 (bureau), 部 (department), センター (centre), 係 (unit),
// 館 (museum, library), 班 (team), 署 (station), 庁 (agency), 委員会 (board) … Brackets such as
// (15歳から64歳まで) or (若者住みたい度調査) end otherwise and stay in the name.
// The words, as a regex: /(?:課|室|局|部|センター|係|館|班|署|庁|委員会|グループ|事務所|研究所|保健所|支所|出張所)$/u;
// endsLikeDepartment below tests them.
const MAX_DEPARTMENT = 40;
const REMARK = /※.*$/u;

export function readIndicatorText(raw: string, options: { splitNumber?: boolean } = {}): IndicatorText {
  const plain = readPlainIndicator(raw, options.splitNumber === true);
  if (plain !== undefined) return plain;
  let text = nfkc(raw);
  const notes: string[] = [];
  if (text.includes('※')) {
    // A ※ note runs to the end of its line; the name may go on in the lines after it.
    const kept: string[] = [];
    for (const line of text.split(/\r\n?|\n/u)) {
      const m = REMARK.exec(line);
      if (!m) {
        kept.push(line);
        continue;
      }
      notes.push(squeeze(m[0]));
      kept.push(line.slice(0, m.index));
    }
    text = kept.join('\n');
  }

  let number: string | undefined;
  if (options.splitNumber && MAY_START_NUMBER.test(text)) {
    const first = text.trimStart();
    const m = NUMBER_PREFIX.exec(first);
    if (m && m[0].length < first.length) {
      number = m[1];
      text = first.slice(m[0].length);
    }
  }

  let name = squeeze(text);
  let department: string | undefined;
  const trailing = trailingBracket(name);
  if (
    trailing &&
    trailing.start > 0 &&
    trailing.inner.length <= MAX_DEPARTMENT &&
    endsLikeDepartment(trailing.inner)
  ) {
    department = trailing.inner;
    name = name.slice(0, trailing.start);
  }

  const result: { -readonly [K in keyof IndicatorText]: IndicatorText[K] } = { name };
  if (department) result.department = department;
  if (notes.length > 0) result.note = notes.join(' ');
  if (number !== undefined) result.number = number;
  return result;
}

/**
 * readIndicatorText for the usual name: kanji, kana, ASCII and full-width ASCII, broken over
 * lines or spaced, no ※ note, no number to split off. NFKC of such text is each character
 * folded on its own (see text.nfkc), and squeeze drops the spaces around a bracket, so the
 * name and the department are folded and squeezed apart, each straight from its slice of the
 * cell text when nothing in it changes ("企画政策課" is a slice of "…就業率（企画政策課）").
 * Gives what the general path gives; undefined for anything else.
 */
function readPlainIndicator(raw: string, splitNumber: boolean): IndicatorText | undefined {
  const n = raw.length;
  if (n > PLAIN_NAME_LENGTH) return undefined;
  let first = -1; // first character that is not a space, folded
  let lastAt = -1; // index of the last character that is not a space
  for (let i = 0; i < n; i++) {
    let c = raw.charCodeAt(i);
    if (isPlainSpace(c)) continue;
    if (foldFullWidth(c) !== c) c = foldFullWidth(c);
    else if (c >= 0x80 && !nfkcStable(c)) return undefined;
    if (first < 0) first = c;
    lastAt = i;
  }
  // A number before the name ("１ 若者の定住率", "(3)…") is the general path's to split off.
  if (splitNumber && ((first >= 0x30 && first <= 0x39) || first === 0x28)) return undefined;

  // The bracket that ends the name, balanced, both widths: "名称（仮称(A)）" → "仮称(A)".
  if (lastAt > 0 && foldedAt(raw, lastAt) === 0x29) {
    let depth = 0;
    let open = -1;
    for (let i = lastAt; i >= 0; i--) {
      const c = foldedAt(raw, i);
      if (c === 0x29) depth++;
      else if (c === 0x28 && --depth === 0) {
        open = i;
        break;
      }
    }
    // trailingBracket's start > 0: something is written before the bracket.
    if (open > 0 && hasNonSpace(raw, 0, open)) {
      const inner = foldSqueeze(raw, open + 1, lastAt);
      if (inner.length <= MAX_DEPARTMENT && endsLikeDepartment(inner)) {
        return { name: foldSqueeze(raw, 0, open), department: inner };
      }
    }
  }
  return { name: foldSqueeze(raw, 0, n) };
}

/** A space squeeze drops or keeps: the ASCII spaces and the ideographic space (the only ones let in). */
function isPlainSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === IDEOGRAPHIC_SPACE;
}

/** The character at i as NFKC folds it (full-width ASCII to ASCII). */
function foldedAt(raw: string, i: number): number {
  return foldFullWidth(raw.charCodeAt(i));
}

function hasNonSpace(raw: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isPlainSpace(raw.charCodeAt(i))) return true;
  return false;
}

/**
 * squeeze(nfkc(raw.slice(from, to))) for the characters readPlainIndicator lets in: the slice
 * itself when nothing in it changes, else built from the pieces between the changes.
 */
function foldSqueeze(raw: string, from: number, to: number): string {
  let out = '';
  let copied = from; // raw text not yet copied
  let last = -1; // the last character written, folded (-1: none yet)
  let gap = false; // a run of spaces waits to be dropped, or kept as one between Latin letters or digits
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i);
    if (isPlainSpace(c)) {
      if (!gap) {
        gap = true;
        out += raw.slice(copied, i);
      }
      copied = i + 1;
      continue;
    }
    const folded = foldFullWidth(c);
    if (gap) {
      if (last >= 0 && isLatinOrDigit(last) && isLatinOrDigit(folded)) out += ' ';
      gap = false;
    }
    if (folded !== c) {
      out += raw.slice(copied, i) + String.fromCharCode(folded);
      copied = i + 1;
    }
    last = folded;
  }
  if (copied === from) return from === 0 && to === raw.length ? raw : raw.slice(from, to);
  return gap ? out : out + raw.slice(copied, to);
}

const PLAIN_NAME_LENGTH = 256;

/** The bracket group that ends the text, balanced: "名称(仮称(A))" → inner "仮称(A)". */
function trailingBracket(text: string): { start: number; inner: string } | undefined {
  const n = text.length;
  if (n === 0 || text.charCodeAt(n - 1) !== 0x29) return undefined; // ")"
  let depth = 0;
  for (let i = n - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x29) depth++;
    else if (c === 0x28) {
      depth--;
      if (depth === 0) return { start: i, inner: text.slice(i + 1, n - 1).trim() };
    }
  }
  return undefined;
}

/** Does the bracket's content end like a section name (the words above)? By its last character first. */
function endsLikeDepartment(inner: string): boolean {
  switch (inner.charCodeAt(inner.length - 1)) {
    case 0x8ab2: // 課
    case 0x5ba4: // 室
    case 0x5c40: // 局
    case 0x90e8: // 部
    case 0x4fc2: // 係
    case 0x9928: // 館
    case 0x73ed: // 班
    case 0x7f72: // 署
    case 0x5e81: // 庁
      return true;
    case 0x30fc: // ー
      return inner.endsWith('センター');
    case 0x4f1a: // 会
      return inner.endsWith('委員会');
    case 0x30d7: // プ
      return inner.endsWith('グループ');
    case 0x6240: // 所
      return ['事務所', '研究所', '保健所', '支所', '出張所'].some((w) => inner.endsWith(w));
    default:
      return false;
  }
}

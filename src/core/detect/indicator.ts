/**
 * Reading an indicator cell: "女性の生産年齢人口（15歳から 64歳まで）における就業率\n（企画政策課）"
 * → name "女性の生産年齢人口(15歳から64歳まで)における就業率", department "企画政策課".
 *
 * Japanese is wrapped anywhere, also in the middle of a word, so line breaks and the spaces
 * a PDF conversion leaves behind are dropped; only a space between two Latin letters or
 * digits ("Kashiwazaki LIfE") is a real word gap and stays.
 */
import { normalizeText } from '../text';

export interface IndicatorText {
  readonly name: string;
  /** 担当課 (section in charge) written in a trailing bracket: "（企画政策課）". */
  readonly department?: string;
  /** ※ (kome-jirushi) notes: "※来年度以降調査予定" (survey from next year on). */
  readonly note?: string;
  /** A number written before the name, "１ 若者の定住率", when the table has no No column. */
  readonly number?: string;
}

const LATIN_OR_DIGIT = /[A-Za-z0-9]/;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u;
const SPACES = /\s+/gu;
const HAS_SPACE = /\s/u;
/**
 * Any character outside the ones NFKC leaves alone: ASCII, kanji (CJK unified and extension A),
 * hiragana and katakana (without the voiced-sound marks, which compose), and most CJK
 * punctuation (、。「」〜). Checked exhaustively over the BMP in tests. Full-width Latin and
 * brackets (ＫＰＩ, （）), half-width kana, ①, №, ㈱ and the ideographic space all match.
 */
export const MAY_FOLD =
  /[^\x00-\x7f\u3001-\u3035\u3037\u303b-\u303f\u3041-\u3096\u309d\u309e\u30a0-\u30fe\u3400-\u4dbf\u4e00-\u9fff]/u;

/**
 * NFKC only when there is something to fold. Detection reads one indicator cell per KPI,
 * and the engine's budget is a few microseconds per KPI, so the common clean cell must
 * not pay for normalisation (or for text.normalizeText's splitting and re-joining).
 */
function nfkc(text: string): string {
  return MAY_FOLD.test(text) ? text.normalize('NFKC') : text;
}

/** Joins wrapped lines and drops spaces, except between two Latin letters or digits. */
export function joinWrapped(text: string): string {
  return squeeze(nfkc(text));
}

function squeeze(s: string): string {
  if (!HAS_SPACE.test(s)) return s;
  return s.replace(SPACES, (gap, at: number) => {
    const before = s[at - 1] ?? '';
    const after = s[at + gap.length] ?? '';
    return LATIN_OR_DIGIT.test(before) && LATIN_OR_DIGIT.test(after) ? ' ' : '';
  });
}

/** Header texts repeat in every table of a ledger: joined once, remembered (bounded). */
const headerMemo = new Map<string, string>();
const HEADER_MEMO_LIMIT = 1024;

/** Joins header lines: "当初\n(H26)" → "当初 (H26)", "達成\n状況" → "達成状況". */
export function joinHeaderText(text: string): string {
  let joined = headerMemo.get(text);
  if (joined === undefined) {
    joined = joinHeaderUncached(text);
    if (headerMemo.size >= HEADER_MEMO_LIMIT) headerMemo.clear();
    headerMemo.set(text, joined);
  }
  return joined;
}

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
  const t = nfkc(text).replace(SPACES, '');
  return t !== '' && NUMBER_CELL.test(t);
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
const DEPARTMENT_END = /(?:課|室|局|部|センター|係|館|班|署|庁|委員会|グループ|事務所|研究所|保健所|支所|出張所)$/u;
const MAX_DEPARTMENT = 40;
const REMARK = /※.*$/u;

export function readIndicatorText(raw: string, options: { splitNumber?: boolean } = {}): IndicatorText {
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
    DEPARTMENT_END.test(trailing.inner)
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

/** The bracket group that ends the text, balanced: "名称(仮称(A))" → inner "仮称(A)". */
function trailingBracket(text: string): { start: number; inner: string } | undefined {
  if (!text.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === ')') depth++;
    else if (ch === '(') {
      depth--;
      if (depth === 0) return { start: i, inner: text.slice(i + 1, text.length - 1).trim() };
    }
  }
  return undefined;
}

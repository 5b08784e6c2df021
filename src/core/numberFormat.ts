/**
 * Figures in reasons ("69.8% ≥ 65.0%", "4,542件", "進捗率 75%") are written as
 * `x.toLocaleString('en-US', { minimumFractionDigits, maximumFractionDigits })` writes them:
 * thousands grouped with commas, rounded half away from zero on the number's shortest decimal
 * form (1.005 → "1.01", where toFixed gives "1.00"), a minus kept on a negative that rounds to
 * zero ("-0.0"). toLocaleString builds a formatter on every call (about 100 µs), and the engine
 * writes several figures for every KPI, so the common case is done here by hand on
 * String(x) — which is that shortest form — and only what String(x) writes with an exponent
 * (≥ 1e21, < 1e-6), NaN and ±∞ go to a cached Intl.NumberFormat.
 */

const formatters = new Map<number, Intl.NumberFormat>();

function intlFormat(x: number, min: number, max: number): string {
  const key = min * 64 + max;
  let f = formatters.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max });
    formatters.set(key, f);
  }
  return f.format(x);
}

/** `x.toLocaleString('en-US', { minimumFractionDigits: min, maximumFractionDigits: max })`, min ≤ max ≤ 20. */
export function formatNumberEn(x: number, min: number, max: number): string {
  return formatShortestEn(x, String(x), min, max);
}

/** formatNumberEn for a number whose String(x) the caller already has (`shortest`). */
export function formatShortestEn(x: number, shortest: string, min: number, max: number): string {
  const negative = x < 0 || Object.is(x, -0);
  if (!Number.isFinite(x) || shortest.includes('e')) return intlFormat(x, min, max);
  // String(x) is "-" + String(-x) for a negative x, and "0" for -0.
  const s = x < 0 ? shortest.slice(1) : shortest;
  const dot = s.indexOf('.');
  let int = dot < 0 ? s : s.slice(0, dot);
  let frac = dot < 0 ? '' : s.slice(dot + 1);

  if (frac.length > max) {
    const up = frac.charCodeAt(max) >= 53; // the first dropped digit is 5 or more
    frac = frac.slice(0, max);
    if (up) {
      const digits = roundUp(int + frac);
      int = digits.slice(0, digits.length - max);
      frac = digits.slice(digits.length - max);
    }
  }
  if (frac.length > min) {
    let end = frac.length;
    while (end > min && frac.charCodeAt(end - 1) === 48) end--;
    frac = frac.slice(0, end);
  } else if (frac.length < min) {
    frac += '0'.repeat(min - frac.length);
  }
  const grouped = int.length > 3 ? group(int) : int;
  const body = frac === '' ? grouped : `${grouped}.${frac}`;
  return negative ? `-${body}` : body;
}

/** "1299" → "1300", "999" → "1000": one added in the last place of a digit string. */
function roundUp(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--; // trailing 9s become 0s
  const zeros = '0'.repeat(digits.length - 1 - i);
  if (i < 0) return `1${zeros}`;
  return `${digits.slice(0, i)}${String.fromCharCode(digits.charCodeAt(i) + 1)}${zeros}`;
}

/** "1234567" → "1,234,567". */
function group(int: string): string {
  const head = int.length % 3 || 3;
  let out = int.slice(0, head);
  for (let i = head; i < int.length; i += 3) out += `,${int.slice(i, i + 3)}`;
  return out;
}

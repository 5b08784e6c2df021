/**
 * The text Excel displays for a number in a format: numfmt renders the format
 * (0.63 with "0.0%" is "63.0%"), the way Excel would show it, so the engine reads
 * what the officer sees.
 */
import { format as formatNumber, isDateFormat, isValidFormat } from 'numfmt';

/** The 1904 date system counts from 1904-01-01, 1,462 days after the 1900 system's day 0. */
const DATE_1904_OFFSET = 1_462;
const GENERAL = 'General';
/**
 * Built-in format 14 is the system's short date: on a Japanese system yyyy/m/d,
 * not the literal mm-dd-yy the standard lists for it.
 */
const BUILTIN_SHORT_DATE = 'mm-dd-yy';
const JAPANESE_SHORT_DATE = 'yyyy/m/d';

interface Formatter {
  readonly isDate: boolean;
  format(value: number): string;
}

/**
 * One formatter per format string. A ledger uses a handful of formats over
 * thousands of cells; validating a pattern once keeps the per-cell cost to a map
 * lookup plus the formatting itself.
 */
const formatters = new Map<string, Formatter>();

function formatterFor(numberFormat: string): Formatter {
  let formatter = formatters.get(numberFormat);
  if (!formatter) {
    const shown = numberFormat === BUILTIN_SHORT_DATE ? JAPANESE_SHORT_DATE : numberFormat;
    // A pattern numfmt cannot parse (rare, e.g. some locale-specific codes) is
    // shown as General: the officer still sees the figure, and numfmt is never
    // asked to throw in the middle of a sheet.
    const pattern = isValidFormat(shown) ? shown : GENERAL;
    formatter = { isDate: isDateFormat(pattern), format: (value: number) => formatNumber(pattern, value) };
    formatters.set(numberFormat, formatter);
  }
  return formatter;
}

/**
 * The displayed text of a number. Dates are rendered in the 1900 system, so a
 * serial of a 1904 workbook is moved first. numfmt renders era codes (ggge) as
 * Western years ("平成30年3月31日" shows as "2018年3月31日"); the year is the
 * same, and ledgers keep their years as text anyway.
 */
export function numberText(value: number, numberFormat: string | undefined, date1904: boolean): string {
  const formatter = formatterFor(numberFormat || GENERAL);
  return formatter.format(date1904 && formatter.isDate ? value + DATE_1904_OFFSET : value);
}

/** An ISO 8601 date-time (a cell of type "d") as a serial day number in the workbook's system. */
export function isoDateToSerial(iso: string, date1904: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(iso);
  if (!m) return undefined;
  const days = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25_569;
  const time = (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) / 86_400;
  return days + time - (date1904 ? DATE_1904_OFFSET : 0);
}

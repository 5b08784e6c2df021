/**
 * Number formats by cell style: styles.xml's <numFmts> (custom codes) and
 * <cellXfs> (the index a cell's `s` attribute points at). Built-in ids have no
 * code in the file; their codes are the ones ECMA-376 lists (§18.8.30), with the
 * Japanese-locale codes for the ids that differ by locale (27–36, 50–58), since
 * these ledgers come from Japanese Excel.
 */
import { walkXml } from './xml';

const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: '[$-411]ge.m.d',
  28: '[$-411]ggge"年"m"月"d"日"',
  29: '[$-411]ggge"年"m"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"時"mm"分"',
  33: 'h"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: '[$-411]ge.m.d',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: '[$-411]ge.m.d',
  51: '[$-411]ggge"年"m"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: '[$-411]ggge"年"m"月"d"日"',
  55: 'yyyy"年"m"月"',
  56: 'm"月"d"日"',
  57: '[$-411]ge.m.d',
  58: '[$-411]ggge"年"m"月"d"日"',
};

function builtinFormat(id: number): string | undefined {
  return BUILTIN_FORMATS[id];
}

/** For each cell style index, its number format code; undefined for General. */
export function readCellFormats(xml: string, part: string): Array<string | undefined> {
  const custom = new Map<number, string>();
  const formats: Array<string | undefined> = [];
  let inCellXfs = false;
  let inDxfs = false;
  walkXml(xml, part, {
    open(name, a) {
      if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'dxfs') inDxfs = true;
      else if (name === 'numFmt' && !inDxfs && a.numFmtId !== undefined && a.formatCode !== undefined) {
        custom.set(Number(a.numFmtId), a.formatCode);
      } else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id) ?? builtinFormat(id);
        formats.push(code === undefined || code === 'General' ? undefined : code);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'dxfs') inDxfs = false;
    },
  });
  return formats;
}

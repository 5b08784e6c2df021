/**
 * The reader on markup that Excel, LibreOffice and other generators write but
 * exceljs does not produce on demand. Expected texts are what Excel displays.
 */
import { describe, expect, it } from 'vitest';
import { cellAt, parseCellAddress, type SheetGrid } from '../../src/core/grid';
import { XlsxReadError } from '../../src/xlsx/errors';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { shiftFormula } from '../../src/xlsx/sharedFormula';
import { buildXlsx } from './packageBuilder';

function at(grid: SheetGrid, address: string) {
  const p = parseCellAddress(address)!;
  return cellAt(grid, p.row, p.col);
}

describe('strings', () => {
  it('joins rich-text runs, leaves phonetic guides out, and decodes _xHHHH_ escapes', () => {
    const { grids } = readWorkbook(
      buildXlsx({
        sharedStrings: [
          '<si><t>柏崎市</t><rPh sb="0" eb="3"><t>カシワザキシ</t></rPh><phoneticPr fontId="1"/></si>',
          '<si><r><t>65.0</t></r><r><rPr><b/></rPr><t xml:space="preserve">% </t></r><r><t>(H32)</t></r></si>',
          '<si><t>63.0％_x000D_\n(H22 国調)</t></si>',
          '<si><t>_x005F_x0041_</t></si>',
        ],
        sheets: [
          {
            name: '台帳',
            xml:
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>' +
              '<row r="2"><c r="A2" t="inlineStr"><is><r><t>Ｓ</t></r><rPh sb="0" eb="1"><t>エス</t></rPh></is></c></row>',
          },
        ],
      }),
    );
    const grid = grids[0]!;
    expect(at(grid, 'A1')).toEqual({ text: '柏崎市', value: '柏崎市' });
    expect(at(grid, 'B1').text).toBe('65.0% (H32)');
    expect(at(grid, 'C1').text).toBe('63.0％\r\n(H22 国調)');
    expect(at(grid, 'D1').text).toBe('_x0041_');
    expect(at(grid, 'A2')).toEqual({ text: 'Ｓ', value: 'Ｓ' });
  });
});

describe('value types and number formats', () => {
  const styles =
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>' +
    '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="3"/></cellXfs>' +
    '<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="0.000"/></dxf></dxfs>';

  it('reads booleans, errors, formula strings, ISO dates, custom and built-in formats (Japanese ids)', () => {
    const { grids } = readWorkbook(
      buildXlsx({
        styles,
        sheets: [
          {
            name: '台帳',
            xml:
              '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#DIV/0!</v></c><c r="C1" t="str"><f>"Ｓ"</f><v>Ｓ</v></c>' +
              '<c r="D1" s="1"><v>0.698</v></c><c r="E1" s="2"><v>43190</v></c><c r="F1" s="3"><v>43190</v></c><c r="G1" s="4"><v>4542</v></c>' +
              '<c r="H1" t="d" s="3"><v>2018-03-31T00:00:00</v></c><c r="I1" s="1"/></row>',
          },
        ],
      }),
    );
    const grid = grids[0]!;
    expect(at(grid, 'A1')).toEqual({ text: 'TRUE', value: true });
    expect(at(grid, 'B1')).toEqual({ text: '#DIV/0!', value: '#DIV/0!' });
    expect(at(grid, 'C1')).toEqual({ text: 'Ｓ', value: 'Ｓ', formula: '="Ｓ"' });
    expect(at(grid, 'D1')).toEqual({ text: '69.8%', value: 0.698, numberFormat: '0.0%' });
    // Built-in 14 is the Japanese system's short date; 31 is 2018年3月31日 in Japanese Excel.
    expect(at(grid, 'E1')).toMatchObject({ text: '2018/3/31', value: 43190 });
    expect(at(grid, 'F1')).toMatchObject({ text: '2018年3月31日', value: 43190 });
    expect(at(grid, 'G1')).toMatchObject({ text: '4,542', numberFormat: '#,##0' });
    expect(at(grid, 'H1')).toMatchObject({ text: '2018年3月31日', value: 43190 });
    // A styled cell with no value is empty.
    expect(at(grid, 'I1')).toEqual({ text: '', value: null });
  });

  it('renders dates of a 1904 workbook on the right day and keeps the file’s serial', () => {
    // 2018-03-31 is serial 43190 in the 1900 system and 41728 in the 1904 system.
    const { grids } = readWorkbook(buildXlsx({ styles, date1904: true, sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" s="3"><v>41728</v></c></row>' }] }));
    expect(at(grids[0]!, 'A1')).toMatchObject({ text: '2018年3月31日', value: 41728 });
  });
});

describe('formulas', () => {
  it('gives each follower of a shared formula the master’s formula moved, absolute parts kept', () => {
    const { grids } = readWorkbook(
      buildXlsx({
        sheets: [
          {
            name: 'S',
            xml:
              '<row r="1"><c r="C1"><f t="shared" ref="C1:C3" si="0">A1*$B$1+SUM($A1:A$1)&amp;"A1"</f><v>1</v></c></row>' +
              '<row r="2"><c r="C2"><f t="shared" si="0"/><v>2</v></c></row><row r="3"><c r="C3"><f t="shared" si="0"/></c></row>',
          },
        ],
      }),
    );
    expect(at(grids[0]!, 'C1').formula).toBe('=A1*$B$1+SUM($A1:A$1)&"A1"');
    expect(at(grids[0]!, 'C2')).toEqual({ text: '2', value: 2, formula: '=A2*$B$1+SUM($A2:A$1)&"A1"' });
    // A formula without a cached result shows nothing, but is a formula.
    expect(at(grids[0]!, 'C3')).toEqual({ text: '', value: null, formula: '=A3*$B$1+SUM($A3:A$1)&"A1"' });
  });

  it('moves references but not function names, quoted sheet names or whole-column references’ absolute parts', () => {
    expect(shiftFormula("LOG10(A1)+'AB1 x'!B2+Sheet1!C3", 1, 1)).toBe("LOG10(B2)+'AB1 x'!C3+Sheet1!D4");
    expect(shiftFormula('SUM(A:A)+SUM($B:$B)+SUM(3:3)', 2, 1)).toBe('SUM(B:B)+SUM($B:$B)+SUM(5:5)');
  });
});

describe('workbook structure', () => {
  it('skips chart sheets, reads hidden sheets, prefixed markup and cells without an r', () => {
    const prefixed =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>No</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>' +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A3:B3"/></x:mergeCells><x:sheetProtection sheet="1"/></x:worksheet>';
    const { grids } = readWorkbook(
      buildXlsx({
        sheets: [
          { name: 'グラフ', xml: '', chart: true },
          { name: '台帳', xml: prefixed, raw: true, state: 'hidden' },
        ],
      }),
    );
    expect(grids.map((g) => g.name)).toEqual(['台帳']);
    expect(at(grids[0]!, 'A1').text).toBe('No');
    expect(at(grids[0]!, 'B1').value).toBe(7);
    expect(grids[0]!.protected).toBe(true);
    expect(grids[0]!.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 1 }]);
  });

  it('says what kind of file it is when it is not a workbook', () => {
    const kind = (bytes: Uint8Array) => {
      try {
        readWorkbook(bytes);
        return 'read';
      } catch (error) {
        return error instanceof XlsxReadError ? error.problem : String(error);
      }
    };
    expect(kind(new TextEncoder().encode('KPI,目標\n1,2\n'))).toBe('notZip');
    const cfb = (names: string[]) => {
      const bytes = new Uint8Array(2048);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      let at = 1024;
      for (const name of names) {
        bytes.set(Buffer.from(name, 'utf16le'), at);
        at += 128;
      }
      return bytes;
    };
    // MS-OFFCRYPTO §2.3.4: an encrypted package is a compound file with these two streams.
    expect(kind(cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted');
    expect(kind(cfb(['Root Entry', 'Workbook', '\u0005SummaryInformation']))).toBe('legacyXls');
    const docx = buildXlsx({ sheets: [{ name: 'S', xml: '' }] });
    expect(kind(docx)).toBe('read');
    expect(kind(docx.slice(0, docx.length - 30))).toBe('damaged');
    expect(kind(buildXlsx({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1"><v>1</c></row>' }] }))).toBe('damaged');
  });
});

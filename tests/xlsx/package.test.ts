/**
 * The zip container and the patches, on hand-made inputs: raw copies of
 * untouched entries (stored, deflated, with data descriptors, with a comment),
 * and the sheet patch where rows and cells do not exist yet, rows are
 * self-closed, markup is prefixed, and elements must go in schema order.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { XlsxReadError } from '../../src/xlsx/errors';
import { relativeTarget, resolveTarget, XlsxPackage } from '../../src/xlsx/package';
import { readSheetGrid } from '../../src/xlsx/sheetReader';
import { patchSheet } from '../../src/xlsx/sheetPatch';
import { addDxfs, gradeDxf } from '../../src/xlsx/stylesPatch';
import { entryContent, readZip, writeZip } from '../../src/xlsx/zip';

const PYTHON = '/usr/bin/python3';
const enc = (s: string) => new TextEncoder().encode(s);

describe('the zip container', () => {
  it('copies untouched entries byte for byte (stored, deflated, data descriptor) and keeps the comment', () => {
    // Python's zipfile writes data descriptors when writing to a stream it cannot seek back in.
    const dir = mkdtempSync(join(tmpdir(), 'kpi-zip-'));
    const path = join(dir, 'a.zip');
    const script = [
      'import sys, zipfile',
      'class W:',
      '  def __init__(s, f): s.f = f',
      '  def write(s, b): return s.f.write(b)',
      '  def flush(s): s.f.flush()',
      "with open(sys.argv[1], 'wb') as raw:",
      "  with zipfile.ZipFile(W(raw), 'w') as z:",
      "    z.writestr(zipfile.ZipInfo('stored.txt'), 'as is ' * 50)",
      "    z.writestr('deflated.xml', '<a>' + 'x' * 5000 + '</a>', compress_type=zipfile.ZIP_DEFLATED)",
      "    z.writestr('日本語.txt', '台帳', compress_type=zipfile.ZIP_DEFLATED)",
      "    z.comment = b'kept'",
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', script, path], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const bytes = new Uint8Array(readFileSync(path));
    const zip = readZip(bytes);
    expect(zip.entries.map((e) => [e.name, e.method])).toEqual([
      ['stored.txt', 0],
      ['deflated.xml', 8],
      ['日本語.txt', 8],
    ]);
    expect(new TextDecoder().decode(entryContent(zip.entries[2]!))).toBe('台帳');
    // Untouched: the very same bytes.
    expect(Buffer.from(writeZip(zip.entries, zip.comment)).equals(Buffer.from(bytes))).toBe(true);

    const replaced = writeZip([zip.entries[0]!, { kind: 'new', name: 'deflated.xml', content: enc('<b/>') }, zip.entries[2]!], zip.comment);
    writeFileSync(join(dir, 'b.zip'), replaced);
    const check = spawnSync(PYTHON, ['-c', "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), z.read('deflated.xml').decode(), z.comment.decode())", join(dir, 'b.zip')], {
      encoding: 'utf8',
    });
    expect(check.stdout.trim()).toBe('None <b/> kept');
    const again = readZip(replaced);
    expect(Buffer.from(again.entries[0]!.localRecord).equals(Buffer.from(zip.entries[0]!.localRecord))).toBe(true);
    expect(Buffer.from(again.entries[2]!.localRecord).equals(Buffer.from(zip.entries[2]!.localRecord))).toBe(true);
  });

  it('never writes into the bytes it read (a Buffer, as readFileSync gives)', () => {
    const bytes = Buffer.from(writeZip([{ kind: 'new', name: 'a.xml', content: enc('<a/>') }, { kind: 'new', name: 'b.xml', content: enc('<b/>') }]));
    const copy = Buffer.from(bytes);
    const pkg = XlsxPackage.read(bytes);
    pkg.replace('a.xml', '<a>longer than before</a>');
    pkg.toBytes();
    pkg.toBytes();
    expect(bytes.equals(copy)).toBe(true);
    expect(XlsxPackage.read(bytes).text('b.xml')).toBe('<b/>');
  });

  it('finds a damaged entry by its checksum', () => {
    const bytes = writeZip([{ kind: 'new', name: 'a.xml', content: enc('<a>hello</a>') }]);
    const zip = readZip(bytes);
    const broken = { ...zip.entries[0]!, crc32: zip.entries[0]!.crc32 ^ 1 };
    expect(() => entryContent(broken)).toThrow(XlsxReadError);
  });

  it('resolves and writes relationship targets as Excel does', () => {
    expect(resolveTarget('xl/worksheets/sheet1.xml', '../comments1.xml')).toBe('xl/comments1.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(relativeTarget('xl/worksheets/sheet1.xml', 'xl/drawings/vmlDrawing1.vml')).toBe('../drawings/vmlDrawing1.vml');
    expect(relativeTarget('xl/workbook.xml', 'xl/worksheets/sheet2.xml')).toBe('worksheets/sheet2.xml');
  });

  it('adds a part with its content type and a relationship, and leaves the rest as it was', () => {
    const base = writeZip([
      { kind: 'new', name: '[Content_Types].xml', content: enc('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>') },
      { kind: 'new', name: 'xl/workbook.xml', content: enc('<workbook/>') },
    ]);
    const pkg = XlsxPackage.read(base);
    pkg.add('customXml/item1.xml', '<history/>', 'application/xml');
    pkg.add('xl/summary.xml', '<s/>', 'application/x-summary+xml');
    const id = pkg.addRelationship('xl/workbook.xml', 'urn:summary', 'xl/summary.xml');
    const out = XlsxPackage.read(pkg.toBytes());
    expect(out.partNames()).toEqual(['[Content_Types].xml', 'xl/workbook.xml', 'customXml/item1.xml', 'xl/summary.xml', 'xl/_rels/workbook.xml.rels']);
    // A Default already covers the first part: no Override for it.
    expect(out.text('[Content_Types].xml')).not.toContain('customXml/item1.xml');
    expect(out.contentType('xl/summary.xml')).toBe('application/x-summary+xml');
    expect(out.relationships('xl/workbook.xml')).toEqual([{ id, type: 'urn:summary', target: 'summary.xml', external: false, part: 'xl/summary.xml' }]);
    expect(readZip(pkg.toBytes()).entries[1]!.localRecord).toEqual(readZip(base).entries[1]!.localRecord);
  });
});

const context = { sharedStrings: [], cellFormats: [], date1904: false };
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const noRules = { clearRulesWithin: [], formats: [] };

describe('patchSheet', () => {
  it('writes into an existing cell keeping its style, inserts cells and rows in order, opens self-closed rows', () => {
    const xml =
      `<worksheet ${MAIN}><cols><col min="7" max="7" width="8" style="9"/></cols><sheetData>` +
      '<row r="2"><c r="A2"><v>1</v></c><c r="H2" s="4" t="s" cm="1"><v>0</v></c></row>' +
      '<row r="4" ht="20" customHeight="1"/>' +
      '<row r="6" s="3" customFormat="1"><c r="A6"><v>2</v></c></row>' +
      '</sheetData><pageMargins left="0.7"/></worksheet>';
    const { xml: out } = patchSheet(xml, 's.xml', {
      ...noRules,
      cells: [
        { row: 1, col: 7, text: 'Ａ' }, // H2: existing cell
        { row: 1, col: 6, text: 'Ｂ' }, // G2: new, between A2 and H2; column G's style
        { row: 3, col: 6, text: 'Ｃ' }, // G4: in a self-closed row
        { row: 2, col: 6, text: 'Ｄ' }, // G3: a new row between 2 and 4
        { row: 5, col: 6, text: 'Ｅ' }, // G6: the row's style
        { row: 9, col: 6, text: ' S ' }, // G10: a new last row; spaces kept
      ],
    });
    expect(out).toBe(
      `<worksheet ${MAIN}><cols><col min="7" max="7" width="8" style="9"/></cols><sheetData>` +
        '<row r="2"><c r="A2"><v>1</v></c><c r="G2" s="9" t="inlineStr"><is><t>Ｂ</t></is></c><c r="H2" s="4" t="inlineStr"><is><t>Ａ</t></is></c></row>' +
        '<row r="3"><c r="G3" s="9" t="inlineStr"><is><t>Ｄ</t></is></c></row>' +
        '<row r="4" ht="20" customHeight="1"><c r="G4" s="9" t="inlineStr"><is><t>Ｃ</t></is></c></row>' +
        '<row r="6" s="3" customFormat="1"><c r="A6"><v>2</v></c><c r="G6" s="3" t="inlineStr"><is><t>Ｅ</t></is></c></row>' +
        '<row r="10"><c r="G10" s="9" t="inlineStr"><is><t xml:space="preserve"> S </t></is></c></row>' +
        '</sheetData><pageMargins left="0.7"/></worksheet>',
    );
    const grid = readSheetGrid(out, 's.xml', 'S', context);
    expect([grid.rows[1]?.[6]?.text, grid.rows[1]?.[7]?.text, grid.rows[2]?.[6]?.text, grid.rows[9]?.[6]?.text]).toEqual(['Ｂ', 'Ａ', 'Ｄ', ' S ']);
  });

  it('fills an empty sheet and keeps a prefix', () => {
    const xml = '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/></x:worksheet>';
    const { xml: out } = patchSheet(xml, 's.xml', { ...noRules, cells: [{ row: 0, col: 0, text: 'Ａ&<' }] });
    expect(out).toBe(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Ａ&amp;&lt;</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
    );
  });

  it('puts the colour rules after the officer’s, numbered after every priority, and a legacyDrawing in schema order', () => {
    const xml =
      `<worksheet ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData/>` +
      '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><hyperlinks><hyperlink ref="A1" r:id="rId1"/></hyperlinks>' +
      '<pageMargins left="0.7"/><drawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts>' +
      '<extLst><ext><x14:conditionalFormattings xmlns:x14="urn:x14"><x14:conditionalFormatting><x14:cfRule type="dataBar" priority="7"/></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst></worksheet>';
    const { xml: out, rulesAdded } = patchSheet(xml, 's.xml', {
      cells: [],
      clearRulesWithin: [{ top: 0, left: 6, bottom: 3, right: 6 }],
      formats: [{ sqref: 'G1:G4', rules: [{ formula: 'N("KPI評価")+(G1="Ｓ")', dxfId: 3 }] }],
      legacyDrawingRelId: 'rId9',
    });
    expect(rulesAdded).toBe(1);
    expect(out).toContain(
      '</mergeCells><conditionalFormatting sqref="G1:G4"><cfRule type="expression" dxfId="3" priority="8"><formula>N("KPI評価")+(G1="Ｓ")</formula></cfRule></conditionalFormatting><hyperlinks>',
    );
    expect(out).toContain('<drawing r:id="rId2"/><legacyDrawing r:id="rId9"/><tableParts');
  });

  it('removes the add-in’s rules in scope, whole blocks when nothing else is left in them', () => {
    const ours = (cell: string) => `<cfRule type="expression" dxfId="1" priority="2"><formula>N("KPI評価")+(${cell}="Ｓ")</formula></cfRule>`;
    const officers = '<cfRule type="expression" dxfId="0" priority="1" stopIfTrue="1"><formula>G1="Ｄ"</formula></cfRule>';
    const xml =
      `<worksheet ${MAIN}><sheetData/>` +
      `<conditionalFormatting sqref="G1:G4">${officers}${ours('G1')}</conditionalFormatting>` +
      `<conditionalFormatting sqref="G10:G12">${ours('G10')}</conditionalFormatting>` +
      `<conditionalFormatting sqref="H1:H4">${ours('H1')}</conditionalFormatting></worksheet>`;
    const { xml: out, rulesRemoved } = patchSheet(xml, 's.xml', { cells: [], formats: [], clearRulesWithin: [{ top: 0, left: 6, bottom: 11, right: 6 }] });
    expect(rulesRemoved).toBe(2);
    expect(out).toBe(`<worksheet ${MAIN}><sheetData/><conditionalFormatting sqref="G1:G4">${officers}</conditionalFormatting><conditionalFormatting sqref="H1:H4">${ours('H1')}</conditionalFormatting></worksheet>`);
  });
});

describe('addDxfs', () => {
  it('appends new dxfs, reuses identical ones, updates the count, or adds <dxfs> before <tableStyles>', () => {
    const red = gradeDxf('FFFFFFFF', 'FFC0392B');
    const grey = gradeDxf('FF1A1A1A', undefined);
    const xml = `<styleSheet ${MAIN}><cellXfs count="1"><xf/></cellXfs><dxfs count="2"><dxf><font><b/></font></dxf>${red}</dxfs><tableStyles count="0"/></styleSheet>`;
    const { xml: out, ids } = addDxfs(xml, 'styles.xml', [red, grey, grey]);
    expect(ids).toEqual([1, 2, 2]);
    expect(out).toBe(`<styleSheet ${MAIN}><cellXfs count="1"><xf/></cellXfs><dxfs count="3"><dxf><font><b/></font></dxf>${red}${grey}</dxfs><tableStyles count="0"/></styleSheet>`);
    const none = `<styleSheet ${MAIN}><cellXfs count="1"><xf/></cellXfs><tableStyles count="0"/></styleSheet>`;
    expect(addDxfs(none, 'styles.xml', [grey]).xml).toBe(`<styleSheet ${MAIN}><cellXfs count="1"><xf/></cellXfs><dxfs count="1">${grey}</dxfs><tableStyles count="0"/></styleSheet>`);
  });
});

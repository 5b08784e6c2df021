/**
 * Cell formats appended to styles.xml: existing entries never change place or content (every
 * cell's `s` keeps meaning the same), an identical entry is reused, a missing collection is
 * created where the schema puts it.
 */
import { describe, expect, it } from 'vitest';
import { addCellFormats } from '../../src/xlsx/cellStylesPatch';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const STYLES =
  `<styleSheet ${NS}><fonts count="1"><font><sz val="10"/><name val="ＭＳ Ｐゴシック"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<dxfs count="0"/></styleSheet>';

describe('addCellFormats', () => {
  it('appends a percent format, a coloured font and fill, and their cell formats after the existing ones', () => {
    const { xml, ids } = addCellFormats(STYLES, 'styles.xml', [{ numberFormat: '0.0%' }, { fillColour: 'FF1F3A93', fontColour: 'FFFFFFFF', bold: true, horizontal: 'center' }]);
    // Two cell formats existed (0, 1): the new ones are 2 and 3.
    expect(ids).toEqual([2, 3]);
    // <numFmts> did not exist: it comes first, as the schema orders it; custom ids start at 164.
    expect(xml).toContain(`<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2">`);
    // The new font takes the workbook's default size and face.
    expect(xml).toContain('<font><b/><sz val="10"/><color rgb="FFFFFFFF"/><name val="ＭＳ Ｐゴシック"/></font></fonts>');
    expect(xml).toContain('<fills count="3">');
    expect(xml).toContain('<fgColor rgb="FF1F3A93"/>');
    expect(xml).toContain(
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
        '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment horizontal="center"/></xf></cellXfs>',
    );
    expect(xml.endsWith('</cellXfs><dxfs count="0"/></styleSheet>')).toBe(true);
  });

  it('adds nothing the second time: the same entries are found and reused', () => {
    const requests = [{ numberFormat: '0.0%' }, { fillColour: 'FFFFE699', fontColour: 'FF1A1A1A' }];
    const once = addCellFormats(STYLES, 'styles.xml', requests);
    const twice = addCellFormats(once.xml, 'styles.xml', requests);
    expect(twice.xml).toBe(once.xml);
    expect(twice.ids).toEqual(once.ids);
  });

  it('numbers a new format after the custom ones already there, and reuses one with the same code', () => {
    const withFormats = STYLES.replace('<fonts', '<numFmts count="2"><numFmt numFmtId="170" formatCode="0.0%"/><numFmt numFmtId="180" formatCode="#,##0.0"/></numFmts><fonts');
    const { xml, ids } = addCellFormats(withFormats, 'styles.xml', [{ numberFormat: '0.0%' }, { numberFormat: '0.00%' }]);
    expect(xml).toContain('<numFmts count="3"><numFmt numFmtId="170" formatCode="0.0%"/><numFmt numFmtId="180" formatCode="#,##0.0"/><numFmt numFmtId="181" formatCode="0.00%"/></numFmts>');
    expect(xml).toContain('<xf numFmtId="170" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="181"');
    expect(ids).toEqual([2, 3]);
  });
});

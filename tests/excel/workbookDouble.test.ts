/**
 * The workbook double must fail where Excel fails, or the adapter tests prove
 * nothing: unloaded reads, writes before sync, oversized requests, protected
 * sheets, conditional formats of mixed types.
 */
import { describe, expect, it } from 'vitest';
import { createWorkbookDouble, installOfficeGlobals } from '../support/workbookDouble';

function ledger() {
  return createWorkbookDouble([
    {
      name: '基本目標1',
      cells: [
        ['No', '指標', '当初', '現状', '目標値', '達成状況'],
        [1, '女性の就業率', { value: 0.63, numberFormat: '0.0%' }, { value: 0.698, numberFormat: '0.0%' }, '65.0%', 'Ｓ'],
        [2, '率', 10, 20, { value: 0.5, formula: '=C3/D3', numberFormat: '0%' }, null],
      ],
      merges: ['A1:A1', 'B2:B3'],
    },
    { name: 'Locked', cells: [['x']], protected: true },
  ]);
}

describe('workbook double: reads', () => {
  it('throws PropertyNotLoaded before load + sync, and derives text from the number format', async () => {
    const wb = ledger();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('基本目標1').getRange('C2:E3');
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load('values, text, formulas, numberFormat');
      expect(() => range.text).toThrow(/not available/); // loaded but not synced yet
      await context.sync();
      expect(range.values).toEqual([
        [0.63, 0.698, '65.0%'],
        [10, 20, 0.5],
      ]);
      expect(range.text).toEqual([
        ['63.0%', '69.8%', '65.0%'],
        ['10', '20', '50%'],
      ]);
      expect(range.formulas[1]).toEqual([10, 20, '=C3/D3']);
      expect(range.numberFormat[0]).toEqual(['0.0%', '0.0%', 'General']);
    });
  });

  it('loads navigation paths on collection items and gives null objects', async () => {
    const wb = ledger();
    await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name, items/protection/protected');
      const missing = sheets.getItemOrNullObject('nope');
      missing.load('name');
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([
        ['基本目標1', false],
        ['Locked', true],
      ]);
      expect(missing.isNullObject).toBe(true);
    });
  });

  it('models used ranges and merged areas', async () => {
    const wb = createWorkbookDouble([{ name: 'S', cells: [[], [], [null, null, 'a', 'b'], [null, null, null, 'c']], merges: ['C3:D3'] }, { name: 'Empty' }]);
    await wb.run(async (context) => {
      const used = context.workbook.worksheets.getItem('S').getUsedRangeOrNullObject(true);
      used.load('address, rowIndex, columnIndex');
      const merges = context.workbook.worksheets.getItem('S').getRange().getMergedAreasOrNullObject();
      merges.load('areas/items/address');
      const blank = context.workbook.worksheets.getItem('Empty').getUsedRangeOrNullObject(true);
      blank.load('address');
      await context.sync();
      expect(used.address).toBe('S!C3:D4');
      expect([used.rowIndex, used.columnIndex]).toEqual([2, 2]);
      expect(merges.areas.items.map((a) => a.address)).toEqual(['S!C3:D3']);
      expect(blank.isNullObject).toBe(true);
    });
  });
});

describe('workbook double: writes', () => {
  it('applies writes only at sync, and coerces typed text as Excel does', async () => {
    const wb = ledger();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('基本目標1');
      sheet.getRange('F3:F4').values = [['Ａ'], ['7']];
      sheet.getRange('G3').values = [["'7"]];
      expect(wb.getCell('基本目標1', 'F3').value).toBeNull();
      await context.sync();
    });
    expect(wb.getCell('基本目標1', 'F3')).toMatchObject({ value: 'Ａ', text: 'Ａ' });
    expect(wb.getCell('基本目標1', 'F4').value).toBe(7);
    expect(wb.getCell('基本目標1', 'G3').value).toBe('7');
  });

  it('counts syncs, including the one Excel.run makes for leftover work', async () => {
    const wb = ledger();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('基本目標1').getRange('A10').values = [['x']];
      await context.sync();
      context.workbook.worksheets.getItem('基本目標1').getRange('A11').values = [['y']];
    });
    expect(wb.syncCount).toBe(2);
    expect(wb.getCell('基本目標1', 'A11').value).toBe('y');
    expect(wb.requestBytes).toHaveLength(2);
  });

  it('fails a request over 5 MB and changes nothing', async () => {
    const wb = ledger();
    const big = 'あ'.repeat(1_000_000); // 3 MB of UTF-8 per cell
    await expect(
      wb.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('基本目標1');
        sheet.getRange('H1').values = [[big]];
        sheet.getRange('H2').values = [[big]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(wb.getCell('基本目標1', 'H1').value).toBeNull();
    expect(wb.requestBytes[0]).toBeGreaterThan(5_000_000);
  });

  it('fails a response over 5 MB', async () => {
    const wb = createWorkbookDouble([{ name: 'S', cells: Array.from({ length: 400 }, () => ['あ'.repeat(5_000)]) }]);
    await expect(
      wb.run(async (context) => {
        const range = context.workbook.worksheets.getItem('S').getRange('A1:A400');
        range.load('values, text');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('refuses changes to a protected sheet at sync, keeping what ran before', async () => {
    const wb = ledger();
    await expect(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem('基本目標1').getRange('A20').values = [['before']];
        context.workbook.worksheets.getItem('Locked').getRange('A1').values = [['y']];
        context.workbook.worksheets.getItem('基本目標1').getRange('A21').values = [['after']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringContaining('protected') });
    expect(wb.getCell('Locked', 'A1').value).toBe('x');
    expect(wb.getCell('基本目標1', 'A20').value).toBe('before');
    expect(wb.getCell('基本目標1', 'A21').value).toBeNull();
  });

  it('fails on a missing sheet at sync, not when the proxy is made', async () => {
    const wb = ledger();
    await expect(
      wb.run(async (context) => {
        const range = context.workbook.worksheets.getItem('gone').getRange('A1');
        range.load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('workbook double: conditional formats, XML parts, notes', () => {
  it('adds custom rules at the top and fails loading custom/* over formats of other types', async () => {
    const wb = ledger();
    wb.addConditionalFormat('基本目標1', 'C2:C3', { type: 'CellValue' });
    await wb.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('基本目標1').getRange('F2:F3').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=F2="Ｓ"';
      cf.custom.format.fill.color = '#1f3a93';
      cf.custom.format.font.color = '#FFFFFF';
      await context.sync();
    });
    expect(wb.conditionalFormats('基本目標1')[0]).toMatchObject({ type: 'Custom', range: 'F2:F3', formula: '=F2="Ｓ"', fill: '#1F3A93', fontColor: '#FFFFFF' });

    await expect(
      wb.run(async (context) => {
        const all = context.workbook.worksheets.getItem('基本目標1').getRange().conditionalFormats;
        all.load('items/custom/rule/formula');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });

    await wb.run(async (context) => {
      const all = context.workbook.worksheets.getItem('基本目標1').getRange().conditionalFormats;
      all.load('items/type, items/customOrNullObject/rule/formula');
      await context.sync();
      const seen = all.items.map((i) => (i.customOrNullObject.isNullObject ? i.type : i.customOrNullObject.rule.formula));
      expect(seen).toEqual(['=F2="Ｓ"', 'CellValue']);
    });
  });

  it('stores custom XML parts by namespace', async () => {
    const wb = ledger();
    await wb.run(async (context) => {
      context.workbook.customXmlParts.add('<a xmlns="urn:x">1</a>');
      await context.sync();
      const parts = context.workbook.customXmlParts.getByNamespace('urn:x');
      parts.load('items/id');
      await context.sync();
      const xml = parts.items[0]!.getXml();
      await context.sync();
      expect(xml.value).toBe('<a xmlns="urn:x">1</a>');
    });
    await expect(wb.run(async (context) => {
      context.workbook.customXmlParts.add('not xml');
      await context.sync();
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('supports notes only where ExcelApi 1.18 is', async () => {
    const wb = ledger();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('基本目標1').notes.add('F2', '理由');
      await context.sync();
    });
    expect(wb.getCell('基本目標1', 'F2').note).toBe('理由');
    const old = createWorkbookDouble([{ name: 'S' }], { excelApi: '1.17' });
    expect(old.isSetSupported('ExcelApi', '1.18')).toBe(false);
    await expect(old.run(async (context) => {
      context.workbook.worksheets.getItem('S').notes.add('A1', 'x');
      await context.sync();
    })).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('installs Excel and Office globals for the browser page', async () => {
    const wb = ledger();
    const fakeWindow: Record<string, unknown> = {};
    installOfficeGlobals(wb, fakeWindow);
    const office = fakeWindow.Office as { onReady(): Promise<{ host: string }>; context: { requirements: { isSetSupported(n: string, v: string): boolean } } };
    await expect(office.onReady()).resolves.toMatchObject({ host: 'Excel' });
    expect(office.context.requirements.isSetSupported('ExcelApi', '1.13')).toBe(true);
    const excel = fakeWindow.Excel as { run: typeof wb.run; ConditionalFormatType: { custom: string } };
    expect(excel.ConditionalFormatType.custom).toBe('Custom');
    await excel.run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet();
      s.load('name');
      await context.sync();
      expect(s.name).toBe('基本目標1');
    });
  });
});

describe('workbook double: API edges', () => {
  it('refuses collection items before load, proxies from a finished run, and mis-shaped writes', async () => {
    const wb = ledger();
    let stale: Excel.Range | undefined;
    await wb.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/not available/);
      stale = sheets.getItem('基本目標1').getRange('A1');
      sheets.getItem('基本目標1').getRange('A1:B1').values = [['only one']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(() => stale!.load('values')).toThrow(/request context/);
  });

  it('keeps workbook settings as JSON', async () => {
    const wb = ledger();
    await wb.run(async (context) => {
      context.workbook.settings.add('kpi.rule', { id: 'standard', n: 1 });
      await context.sync();
      const setting = context.workbook.settings.getItemOrNullObject('kpi.rule');
      const missing = context.workbook.settings.getItemOrNullObject('nope');
      setting.load('value');
      missing.load('value');
      await context.sync();
      expect(setting.value).toEqual({ id: 'standard', n: 1 });
      expect(missing.isNullObject).toBe(true);
    });
    expect(wb.settings()).toEqual({ 'kpi.rule': { id: 'standard', n: 1 } });
  });
});

describe('workbook double: data validation', () => {
  const list = { list: { inCellDropDown: true, source: '拡大,継続' } };
  it('reads None, a type, Inconsistent; sets a rule; refuses to replace one; clear() removes it', async () => {
    const wb = createWorkbookDouble([{ name: 'S', cells: [['a']], validations: { B2: { wholeNumber: { formula1: 0, operator: 'GreaterThan' } } } }]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const none = sheet.getRange('A1').dataValidation.load('type,rule');
      const whole = sheet.getRange('B2').dataValidation.load('type');
      const mixed = sheet.getRange('A1:B2').dataValidation.load('type');
      await context.sync();
      expect([none.type, none.rule, whole.type, mixed.type]).toEqual(['None', {}, 'WholeNumber', 'Inconsistent']);
      sheet.getRange('A1:A2').dataValidation.rule = list;
      await context.sync();
      sheet.getRange('A2:B2').dataValidation.rule = list;
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect([wb.validation('S', 'A1'), wb.validation('S', 'A2'), wb.validation('S', 'B2')]).toEqual([list, list, { wholeNumber: { formula1: 0, operator: 'GreaterThan' } }]);
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:B2');
      range.dataValidation.clear();
      await context.sync();
      const after = range.dataValidation.load('type');
      await context.sync();
      expect(after.type).toBe('None');
    });
  });

  it('a protected sheet refuses a rule; before ExcelApi 1.8 there is no dataValidation', async () => {
    const wb = createWorkbookDouble([{ name: 'S', protected: true }]);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').dataValidation.rule = list;
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    });
    const old = createWorkbookDouble([{ name: 'S' }], { excelApi: '1.7' });
    await old.run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1').dataValidation.load('type');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
  });
});

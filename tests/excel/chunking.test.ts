/**
 * The byte estimates behind chunking must never fall below what a request really
 * carries (or a chunk could pass 5 MB), and should not be wildly above it (or big
 * plans take needless syncs). Measured here against the double, which serialises
 * requests the way Office.js does: marginal bytes per operation, N operations vs one.
 */
import { describe, expect, it } from 'vitest';
import { BudgetedBatch, estimateBytes, jsonBytes } from '../../src/excel/chunking';
import { queueGradeRule, queueSheetRules } from '../../src/excel/conditionalFormats';
import { createWorkbookDouble } from '../support/workbookDouble';
import { standardColours } from '../support/workbookDoubleLedger';

const SHEET = '第10章 施策の進捗状況と今後の方向性'; // long and Japanese: the expensive case
const N = 40;

/** Request bytes of one sync carrying `n` operations made by `queue(i)`. */
async function requestBytes(n: number, queue: (context: Excel.RequestContext, i: number) => void | Promise<void>): Promise<number> {
  const double = createWorkbookDouble([{ name: SHEET, cells: [['x']] }]);
  double.addConditionalFormat(SHEET, 'A1:A100', { formula: `=N("KPI評価")+(A1="Ｓ")` });
  for (let i = 0; i < n; i++) double.addConditionalFormat(SHEET, `B${i + 1}`, { formula: `=N("KPI評価")+(B${i + 1}="Ｓ")` });
  await double.run(async (context) => {
    for (let i = 0; i < n; i++) await queue(context, i);
    double.resetCounters();
    await context.sync();
  });
  return double.requestBytes[0]!;
}

async function marginal(queue: (context: Excel.RequestContext, i: number) => void | Promise<void>): Promise<number> {
  const one = await requestBytes(1, queue);
  const many = await requestBytes(N, queue);
  return (many - one) / (N - 1);
}

const address = (i: number) => `G${1000 + 2 * i}`;
const reason = '【KPI評価】進捗率 75%（経過 60%）→ Ａ 順調';

describe('request size estimates', () => {
  it('cover what each operation adds to a request, with a margin but not double', async () => {
    const sheet = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(SHEET);
    const rule = standardColours(SHEET, 'G2:G2000').rules[0]!;
    const formula = `=N("KPI評価")+(G2="Ｓ")`;
    const xml = `<kpiUndo xmlns="urn:kpi-ledger-addin:undo:v1">${'x'.repeat(1000)}</kpiUndo>`;
    const cases: [string, number, (context: Excel.RequestContext, i: number) => void | Promise<void>][] = [
      ['rangeCheck', estimateBytes.rangeCheck(SHEET, address(0)), (c, i) => {
        const r = sheet(c).getRange(`${address(i)}:G${1001 + 2 * i}`);
        r.load('values, formulas');
        r.getMergedAreasOrNullObject().load('areaCount');
      }],
      ['rangeWrite', estimateBytes.rangeWrite(SHEET, address(0), [['Ａ']]), (c, i) => {
        sheet(c).getRange(address(i)).values = [['Ａ']];
      }],
      ['rule', estimateBytes.rule(SHEET, 'G2:G2000', formula, rule.fill, rule.fontColor), (c) => queueGradeRule(sheet(c), 'G2:G2000', formula, rule)],
      ['rulesLoad', estimateBytes.rulesLoad(SHEET), (c) => {
        queueSheetRules(sheet(c));
      }],
      ['noteCheck', estimateBytes.noteCheck(SHEET, address(0)), (c, i) => {
        sheet(c).notes.getItemOrNullObject(address(i)).load('content');
      }],
      ['note', estimateBytes.note(SHEET, address(0), reason), (c, i) => {
        sheet(c).notes.add(address(i), reason);
      }],
      ['load', estimateBytes.load(SHEET), (c) => {
        sheet(c).protection.load('protected');
      }],
      ['xmlPart', estimateBytes.xmlPart(xml), (c) => {
        c.workbook.customXmlParts.add(xml);
      }],
    ];
    const measured: Record<string, [number, number]> = {};
    for (const [name, estimate, queue] of cases) measured[name] = [estimate, await marginal(queue)];

    // Deleting loaded conditional formats: the items must be loaded in an earlier sync.
    const deletions = async (n: number): Promise<number> => {
      const double = createWorkbookDouble([{ name: SHEET }]);
      for (let i = 0; i < n; i++) double.addConditionalFormat(SHEET, `B${i + 1}`, { formula: '=N("KPI評価")+(B1="Ｓ")' });
      await double.run(async (context) => {
        const rules = queueSheetRules(context.workbook.worksheets.getItem(SHEET));
        await context.sync();
        double.resetCounters();
        for (const r of rules.items) r.delete();
        await context.sync();
      });
      return double.requestBytes[0]!;
    };
    measured.deletion = [estimateBytes.deletion(), ((await deletions(N)) - (await deletions(1))) / (N - 1)];

    for (const [name, [estimate, actual]] of Object.entries(measured)) {
      expect.soft(estimate, `${name}: estimate ${estimate} vs measured ${actual}`).toBeGreaterThanOrEqual(1.05 * actual);
      expect.soft(estimate, `${name}: estimate ${estimate} vs measured ${actual}`).toBeLessThanOrEqual(2 * actual);
    }
  });

  it('counts UTF-8 bytes of JSON', () => {
    expect(jsonBytes('Ａ')).toBe(5); // two quotes and three bytes
    expect(jsonBytes([['a']])).toBe(7);
    expect(jsonBytes('😀')).toBe(6);
  });

  it('syncs before the budget would be passed, and not for nothing', async () => {
    const syncs: number[] = [];
    let queued = 0;
    const batch = new BudgetedBatch({ sync: async () => void syncs.push(queued) }, 100);
    for (let i = 0; i < 5; i++) await batch.add(40, () => void (queued += 1));
    await batch.flush();
    await batch.flush();
    expect(syncs).toEqual([2, 4, 5]);
    expect(batch.syncCount).toBe(3);
  });
});

/**
 * Excel on the web refuses a request (and a response) over 5 MB with a
 * RichApi.Error, and Office.js cannot tell us how big the queued batch is. So we
 * keep our own account: every queued operation comes with an estimate of its
 * bytes in the request JSON, and a BudgetedBatch syncs before the next operation
 * would take the batch past the budget. A normal plan fits one request; only
 * large ones (thousands of scattered cells, long notes) take more.
 */

/** Excel on the web's limit, read strictly ("5 MB" as 5,000,000 bytes). */
export const REQUEST_LIMIT_BYTES = 5_000_000;

/** What one sync may carry by our estimate: well under the limit, for what the estimates miss. */
export const REQUEST_BUDGET_BYTES = 3_500_000;

/**
 * Request bytes per operation besides its data: the object paths it needs (sheet,
 * range, format …), the Instantiate action Office.js sends for each, and the
 * action itself. Measured on the workbook double, which serialises requests the way
 * Office.js does, then rounded up generously; tests/excel/chunking.test.ts fails
 * if any estimate falls below what the double measures.
 */
const OVERHEAD = {
  /** load() of a few properties on an object two or three paths deep. */
  load: 520,
  /** getRange(address) + load(values, formulas) + getMergedAreasOrNullObject().load(). */
  rangeCheck: 900,
  /** getRange().conditionalFormats.load(items/type, items/customOrNullObject/rule/formula). */
  rulesLoad: 800,
  /** getRange(address) + values = … */
  rangeWrite: 600,
  /** conditionalFormats.add + rule.formula + fill.color + font.color: seven object paths. */
  rule: 2_200,
  /** notes.getItemOrNullObject(address).load(content). */
  noteCheck: 750,
  /** notes.add(address, content) or note.content = … */
  note: 600,
  /** delete() on an object the batch already knows. */
  deletion: 350,
  /** customXmlParts.add(xml). */
  xmlPart: 450,
} as const;

/** UTF-8 bytes of a value as JSON: what it adds to the request body. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export const estimateBytes = {
  load: (sheet = ''): number => OVERHEAD.load + jsonBytes(sheet),
  rangeCheck: (sheet: string, address: string): number => OVERHEAD.rangeCheck + jsonBytes(sheet) + jsonBytes(address),
  rulesLoad: (sheet: string): number => OVERHEAD.rulesLoad + jsonBytes(sheet),
  rangeWrite: (sheet: string, address: string, values: unknown): number =>
    OVERHEAD.rangeWrite + jsonBytes(sheet) + jsonBytes(address) + jsonBytes(values),
  rule: (sheet: string, range: string, formula: string, fill: string, fontColor: string): number =>
    OVERHEAD.rule + jsonBytes(sheet) + jsonBytes(range) + jsonBytes(formula) + jsonBytes(fill) + jsonBytes(fontColor),
  noteCheck: (sheet: string, address: string): number => OVERHEAD.noteCheck + jsonBytes(sheet) + jsonBytes(address),
  note: (sheet: string, address: string, content: string): number =>
    OVERHEAD.note + jsonBytes(sheet) + jsonBytes(address) + jsonBytes(content),
  deletion: (): number => OVERHEAD.deletion,
  xmlPart: (xml: string): number => OVERHEAD.xmlPart + jsonBytes(xml),
};

/**
 * Queues operations and syncs whenever the next one would take the request past
 * the budget. `flush()` sends what is left. Loads queued through it are readable
 * after the sync that carried them (at the latest after `flush()`).
 */
export class BudgetedBatch {
  private pendingBytes = 0;
  private pendingOps = 0;
  private syncs = 0;

  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly budgetBytes: number = REQUEST_BUDGET_BYTES,
  ) {}

  /** Syncs this batch has made so far. */
  get syncCount(): number {
    return this.syncs;
  }

  async add(bytes: number, queue: () => void): Promise<void> {
    if (this.pendingOps > 0 && this.pendingBytes + bytes > this.budgetBytes) await this.flush();
    queue();
    this.pendingBytes += bytes;
    this.pendingOps += 1;
  }

  async flush(): Promise<void> {
    if (this.pendingOps === 0) return;
    this.pendingBytes = 0;
    this.pendingOps = 0;
    this.syncs += 1;
    await this.context.sync();
  }
}

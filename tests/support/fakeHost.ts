/**
 * A LedgerHost over in-memory grids, for the task pane's tests and the browser
 * preview. It behaves like the Office host where the pane can tell: reads report
 * progress per sheet and honour an AbortSignal, writes are decided by core's
 * decideWrites on the book as it is then (as src/excel/applyPlan.ts does), a write
 * keeps an undo snapshot, and every call can be made to reject. It is not an
 * Office.js double (that one lives with the adapter's tests): no batching, no sync.
 * No test-runner imports, so the preview page can bundle it.
 */
import type { GridCell, SheetGrid } from '../../src/core/grid';
import { cellAt, parseCellAddress, parseRangeAddress, rangeAddress } from '../../src/core/grid';
import type { TableMapping } from '../../src/core/mapping';
import { decideWrites, nowFromGrids, type WriteConsent } from '../../src/core/decide';
import { noteContent } from '../../src/core/notes';
import { makeProblem } from '../../src/core/problems';
import type { Preset, WritePlan } from '../../src/core/types';
import type { SummarySheetContent } from '../../src/core/summarySheet';
import { planSheetNames } from '../../src/core/sheetNames';
import type {
  ApplyReport,
  BookToImport,
  EvaluationScope,
  ImportBatch,
  LedgerHost,
  ReadProgress,
  SelectedRange,
  SummaryWriteResult,
  UndoReport,
} from '../../src/core/host';

type Method =
  | 'readGrids'
  | 'applyPlan'
  | 'undoLastWrite'
  | 'hasUndo'
  | 'loadPreset'
  | 'savePreset'
  | 'selectCell'
  | 'loadMappings'
  | 'saveMappings'
  | 'readSelection'
  | 'writeSummarySheet'
  | 'removeSummarySheet'
  | 'importBook';

interface MutableGrid {
  name: string;
  rows: (GridCell | undefined)[][];
  merges: SheetGrid['merges'];
  protected?: boolean;
  visibility?: SheetGrid['visibility'];
  unreadable?: boolean;
}

interface UndoEntry {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly cell: GridCell | undefined;
}

export interface FakeHostOptions {
  /** The sheet "このシートを評価" reads; the first sheet by default. */
  readonly activeSheet?: string;
  /** Milliseconds spent reading each sheet (0: one macrotask per sheet). */
  readonly readDelayMs?: number;
  /** The rule saved with the workbook. */
  readonly savedPreset?: Preset;
  /** The workbook already holds an undo snapshot from an earlier session. */
  readonly undoAvailable?: boolean;
  /** Table readings saved with the workbook. */
  readonly savedMappings?: readonly TableMapping[];
  /** Notes the officer wrote ("台帳!G13" → text): kept by a write, which says so (noteKept). */
  readonly officerNotes?: Readonly<Record<string, string>>;
  /** The range the officer selected ("B2:G7" on `sheet`); A1 of the active sheet by default. */
  readonly selection?: { readonly sheet: string; readonly address: string };
  /** What 「他のブックから取り込む」 finds in a file (base64 → its sheets); without it an import rejects. */
  readonly readBook?: (base64: string) => readonly SheetGrid[];
  /** False: an Excel without ExcelApi 1.13 (no import). True by default. */
  readonly importSupported?: boolean;
}

export interface FakeHostCalls {
  readonly readGrids: EvaluationScope[];
  readonly applyPlan: WritePlan[];
  undoLastWrite: number;
  readonly selectCell: { sheet: string; address: string }[];
  readonly savePreset: Preset[];
  readonly saveMappings: (readonly TableMapping[])[];
  readonly writeSummarySheet: SummarySheetContent[];
  readonly removeSummarySheet: string[];
  readonly importBook: BookToImport[];
}

export interface FakeHost extends LedgerHost {
  readonly calls: FakeHostCalls;
  /** The signal given to the last readGrids call. */
  readonly lastSignal: AbortSignal | undefined;
  /** The next call of `method` rejects with `error`. */
  failNext(method: Method, error: unknown): void;
  /** Reads wait (after reporting 0 of n sheets) until the returned function is called. */
  holdReads(): () => void;
  /** The text of a cell in the workbook now. */
  textAt(sheet: string, address: string): string;
  /** The note on a cell, if any. */
  noteAt(sheet: string, address: string): string | undefined;
  /** Changes a cell behind the pane's back (to test "changed since preview"). */
  typeInto(sheet: string, address: string, text: string): void;
  /** Protects a sheet behind the pane's back (to test a write after the preview that can do nothing). */
  protectSheet(sheet: string): void;
  /** The officer selects a range (and its sheet becomes the active one). */
  selectRange(sheet: string, address: string): void;
  /** The table readings saved now. */
  readonly savedMappings: readonly TableMapping[];
  /** The sheets of the workbook now, in order. */
  sheetNames(): string[];
  /** The officer adds an (empty) sheet of their own. */
  addSheet(name: string): void;
}

function cloneGrid(grid: SheetGrid): MutableGrid {
  return {
    name: grid.name,
    rows: grid.rows.map((r) => (r ? r.map((c) => (c ? { ...c } : undefined)) : [])),
    merges: grid.merges.map((m) => ({ ...m })),
    ...(grid.protected ? { protected: true } : {}),
    ...(grid.visibility ? { visibility: grid.visibility } : {}),
    // A sheet the real adapter could not read arrives marked, with no cells (src/excel/readGrids.ts).
    ...(grid.unreadable ? { unreadable: true } : {}),
  };
}

function snapshotGrid(grid: MutableGrid): SheetGrid {
  return {
    name: grid.name,
    rows: grid.rows.map((r) => r.map((c) => (c ? { ...c } : undefined))),
    merges: grid.merges.map((m) => ({ ...m })),
    ...(grid.protected ? { protected: true } : {}),
    ...(grid.visibility ? { visibility: grid.visibility } : {}),
    ...(grid.unreadable ? { unreadable: true } : {}),
  };
}

const abortError = () => new DOMException('The read was cancelled.', 'AbortError');

export function createFakeHost(grids: readonly SheetGrid[], options: FakeHostOptions = {}): FakeHost {
  const book: MutableGrid[] = grids.map(cloneGrid);
  const notes = new Map<string, string>();
  let saved: Preset | undefined = options.savedPreset;
  let mappings: readonly TableMapping[] = options.savedMappings ?? [];
  let selection = options.selection ?? { sheet: options.activeSheet ?? grids[0]?.name ?? '', address: 'A1' };
  let undo: { cells: UndoEntry[]; notes: string[] } | undefined = options.undoAvailable
    ? { cells: [], notes: [] }
    : undefined;
  const failures = new Map<Method, unknown>();
  let gate: Promise<void> | undefined;
  let lastSignal: AbortSignal | undefined;
  const calls: FakeHostCalls = {
    readGrids: [],
    applyPlan: [],
    undoLastWrite: 0,
    selectCell: [],
    savePreset: [],
    saveMappings: [],
    writeSummarySheet: [],
    removeSummarySheet: [],
    importBook: [],
  };
  // Imported sheets as the Office host records them: by identity (its sheet id), with what they held.
  const imported: { batch: string; fileName: string; sheets: { grid: MutableGrid; id: string; source: string; held: string }[] }[] = [];
  let nextSheetId = 0;
  const held = (g: MutableGrid) => JSON.stringify(g.rows);
  // The summary sheet the add-in made (as the Office host records its id): a sheet of that name
  // that is not this one is the officer's.
  let ownSummary: MutableGrid | undefined;

  const sheet = (name: string): MutableGrid | undefined => book.find((g) => g.name === name);
  const failIfAsked = (method: Method) => {
    if (failures.has(method)) {
      const error = failures.get(method);
      failures.delete(method);
      throw error;
    }
  };
  const wait = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      const id = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(id);
          reject(abortError());
        },
        { once: true },
      );
    });
  const setCell = (g: MutableGrid, row: number, col: number, cell: GridCell | undefined) => {
    while (g.rows.length <= row) g.rows.push([]);
    g.rows[row]![col] = cell;
  };

  const host: FakeHost = {
    calls,
    get lastSignal() {
      return lastSignal;
    },

    async readGrids(scope, opts = {}) {
      calls.readGrids.push(scope);
      lastSignal = opts.signal;
      await Promise.resolve();
      failIfAsked('readGrids');
      const active = options.activeSheet ?? book[0]?.name;
      const targets = scope.kind === 'workbook' ? book : book.filter((g) => g.name === active);
      const progress = (sheetsRead: number): ReadProgress => ({ sheetsRead, sheetsTotal: targets.length });
      opts.onProgress?.(progress(0));
      if (gate) {
        const held = gate;
        await new Promise<void>((resolve, reject) => {
          held.then(resolve, reject);
          opts.signal?.addEventListener('abort', () => reject(abortError()), { once: true });
        });
      }
      const out: SheetGrid[] = [];
      for (const g of targets) {
        if (opts.signal?.aborted) throw abortError();
        await wait(options.readDelayMs ?? 0, opts.signal);
        out.push(snapshotGrid(g));
        opts.onProgress?.(progress(out.length));
      }
      return out;
    },

    async applyPlan(plan: WritePlan, consent?: WriteConsent): Promise<ApplyReport> {
      calls.applyPlan.push(plan);
      await Promise.resolve();
      failIfAsked('applyPlan');
      // The decision every door makes (src/core/decide.ts), on the book as it is now; then carried out.
      const notesOn = (name: string) => {
        const on = (entries: Iterable<[string, string]>, content: (text: string) => string) =>
          [...entries].filter(([key]) => key.startsWith(`${name}!`)).map(([key, text]): [string, string] => [key.slice(name.length + 1), content(text)]);
        return new Map([...on(Object.entries(options.officerNotes ?? {}), (text) => text), ...on(notes, noteContent)]);
      };
      const decision = decideWrites(plan, nowFromGrids(book.map(snapshotGrid), plan, notesOn), consent);
      const cells: UndoEntry[] = [];
      const addedNotes: string[] = [];
      for (const w of decision.writes) {
        const g = sheet(w.sheet)!;
        cells.push({ sheet: w.sheet, row: w.row, col: w.col, cell: g.rows[w.row]?.[w.col] });
        setCell(g, w.row, w.col, { text: w.after, value: w.after });
      }
      for (const { note } of decision.notes) {
        const key = `${note.sheet}!${note.address}`;
        if (!notes.has(key)) addedNotes.push(key);
        notes.set(key, note.text);
      }
      // As the Office host does: a write that changes nothing keeps the previous undo snapshot.
      if (cells.length > 0 || decision.notes.length > 0) undo = { cells, notes: addedNotes };
      const rules = decision.formats.reduce((sum, f) => sum + f.rules.length, 0);
      return { written: decision.writes.length, notes: decision.notes.length, rules, skipped: decision.skipped };
    },

    async undoLastWrite(): Promise<UndoReport> {
      calls.undoLastWrite++;
      await Promise.resolve();
      failIfAsked('undoLastWrite');
      if (!undo) return { restored: 0, problems: [] };
      for (const e of undo.cells) {
        const g = sheet(e.sheet);
        if (g) setCell(g, e.row, e.col, e.cell);
      }
      for (const key of undo.notes) notes.delete(key);
      const restored = undo.cells.length;
      undo = undefined;
      return { restored, problems: [] };
    },

    async hasUndo() {
      await Promise.resolve();
      failIfAsked('hasUndo');
      return undo !== undefined;
    },

    async loadPreset() {
      await Promise.resolve();
      failIfAsked('loadPreset');
      return saved;
    },

    async savePreset(preset) {
      calls.savePreset.push(preset);
      await Promise.resolve();
      failIfAsked('savePreset');
      saved = preset;
    },

    async selectCell(sheetName, address) {
      calls.selectCell.push({ sheet: sheetName, address });
      await Promise.resolve();
      failIfAsked('selectCell');
      if (!sheet(sheetName)) throw new Error(`Sheet "${sheetName}" does not exist.`);
    },

    async loadMappings() {
      await Promise.resolve();
      failIfAsked('loadMappings');
      return [...mappings];
    },

    async saveMappings(list) {
      calls.saveMappings.push(list);
      await Promise.resolve();
      failIfAsked('saveMappings');
      mappings = [...list];
    },

    async readSelection(): Promise<SelectedRange> {
      await Promise.resolve();
      failIfAsked('readSelection');
      const g = sheet(selection.sheet);
      const range = parseRangeAddress(selection.address);
      if (!g || !range) throw new Error(`No range "${selection.address}" on "${selection.sheet}".`);
      // Only the selected cells, at their sheet positions, as the Office host reads them.
      const rows: (GridCell | undefined)[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: (GridCell | undefined)[] = [];
        for (let c = range.left; c <= range.right; c++) {
          const cell = g.rows[r]?.[c];
          if (cell) row[c] = { ...cell };
        }
        rows[r] = row;
      }
      const merges = g.merges.filter((m) => m.left <= range.right && range.left <= m.right && m.top <= range.bottom && range.top <= m.bottom);
      return { sheet: g.name, range, address: rangeAddress(range), grid: { name: g.name, rows, merges: merges.map((m) => ({ ...m })) } };
    },

    async writeSummarySheet(content: SummarySheetContent): Promise<SummaryWriteResult> {
      calls.writeSummarySheet.push(content);
      await Promise.resolve();
      failIfAsked('writeSummarySheet');
      const existing = sheet(content.name);
      if (existing && existing !== ownSummary) {
        return { kind: 'nameTaken', sheet: content.name, problem: makeProblem('summarySheetTaken', content.name, 'A1') };
      }
      const replaced = existing !== undefined;
      if (existing) book.splice(book.indexOf(existing), 1);
      const rows = content.rows.map((r) =>
        r.map((v): GridCell | undefined => (v === null || v === '' ? undefined : { text: String(v), value: v })),
      );
      ownSummary = { name: content.name, rows, merges: [] };
      book.push(ownSummary);
      return { kind: 'written', sheet: content.name, replaced };
    },

    async removeSummarySheet(name) {
      calls.removeSummarySheet.push(name);
      await Promise.resolve();
      failIfAsked('removeSummarySheet');
      const existing = sheet(name);
      if (!existing || existing !== ownSummary) return false;
      book.splice(book.indexOf(existing), 1);
      ownSummary = undefined;
      return true;
    },

    imports: {
      supported: () => options.importSupported ?? true,
      async importBook(file, batch) {
        calls.importBook.push(file);
        await Promise.resolve();
        failIfAsked('importBook');
        if (!options.readBook) throw new Error('fake host: no readBook option');
        const grids = options.readBook(file.base64).filter((g) => file.worksheets.includes(g.name));
        const names = planSheetNames(
          book.map((g) => g.name),
          grids.map((g) => g.name),
        );
        const sheets = grids.map((g, i) => {
          const grid = { ...cloneGrid(g), name: names[i]! };
          book.push(grid);
          nextSheetId += 1;
          return { grid, id: `{imported-${nextSheetId}}`, source: g.name, held: held(grid) };
        });
        imported.push({ batch, fileName: file.fileName, sheets });
        return { fileName: file.fileName, sheets: sheets.map((x) => ({ id: x.id, name: x.grid.name, source: x.source })) };
      },
      async loadImports() {
        await Promise.resolve();
        const batches: ImportBatch[] = [];
        for (const r of imported) {
          const books = [{ fileName: r.fileName, sheets: r.sheets.filter((x) => book.includes(x.grid)).map((x) => ({ id: x.id, name: x.grid.name, source: x.source })) }];
          const last = batches[batches.length - 1];
          if (last?.batch === r.batch) batches[batches.length - 1] = { batch: r.batch, books: [...last.books, ...books] };
          else batches.push({ batch: r.batch, books });
        }
        return batches;
      },
      async removeLastImport({ evenIfEdited }) {
        await Promise.resolve();
        const last = imported[imported.length - 1]?.batch;
        if (last === undefined) return { kind: 'none' };
        const present = imported.filter((r) => r.batch === last).flatMap((r) => r.sheets).filter((x) => book.includes(x.grid));
        const edited = present.filter((x) => held(x.grid) !== x.held).map((x) => x.grid.name);
        if (edited.length > 0 && !evenIfEdited) return { kind: 'edited', sheets: edited };
        for (const x of present) book.splice(book.indexOf(x.grid), 1);
        while (imported[imported.length - 1]?.batch === last) imported.pop();
        return { kind: 'removed', sheets: present.map((x) => x.grid.name) };
      },
    },

    sheetNames() {
      return book.map((g) => g.name);
    },

    addSheet(name) {
      book.push({ name, rows: [], merges: [] });
    },

    selectRange(sheetName, address) {
      selection = { sheet: sheetName, address };
    },

    get savedMappings() {
      return mappings;
    },

    failNext(method, error) {
      failures.set(method, error);
    },

    holdReads() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = undefined;
          resolve();
        };
      });
      return release;
    },

    textAt(sheetName, address) {
      const g = sheet(sheetName);
      const p = parseCellAddress(address);
      return g && p ? cellAt(g, p.row, p.col).text : '';
    },

    noteAt(sheetName, address) {
      const key = `${sheetName}!${address}`;
      return notes.get(key) ?? options.officerNotes?.[key];
    },

    typeInto(sheetName, address, text) {
      const g = sheet(sheetName);
      const p = parseCellAddress(address);
      if (g && p) setCell(g, p.row, p.col, text === '' ? undefined : { text, value: text });
    },

    protectSheet(sheetName) {
      const g = sheet(sheetName);
      if (g) g.protected = true;
    },
  };
  return host;
}

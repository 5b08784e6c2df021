// @vitest-environment jsdom
/**
 * `--out` keeps everything it does not write (issue #9). Ledgers made by
 * openpyxl (scripts/feature-ledgers.py, one Excel feature each) and the same
 * ledgers re-saved by LibreOffice go through the command line; each copy is
 * compared with its input part by part:
 *   - every part but the patched ones is the same entry, byte for byte (same
 *     compressed bytes, same compression method), in the same order;
 *   - in the patched parts, removing the written cells, the added rules, notes,
 *     dxfs, relationships and content types gives back the input (canonical XML,
 *     through jsdom's parser and serializer, not the code under test);
 *   - every cell but the written ones reads the same, and the written ones hold
 *     the grades worked out by hand;
 * and LibreOffice opens every copy (converts it to PDF).
 *
 * Needs Debian's python3-openpyxl and libreoffice-calc-nogui (.ci/run installs
 * both); without them this suite fails rather than skips.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';
import { ADDIN_RULE_MARKER } from '../../src/core/colours';
import { cellAddress, type GridCell } from '../../src/core/grid';
import { readWorkbook } from '../../src/xlsx/readWorkbook';
import { readZip, type ZipEntry } from '../../src/xlsx/zip';

const PYTHON = '/usr/bin/python3'; // Debian's, with python3-openpyxl
const SHEET = '台帳';
/**
 * The ledger of scripts/feature-ledgers.py in the reiwa-kijun layout, t = (R5 − R1)/(R6 − R1) = 0.8:
 * F4 41,230→42,900 of 43,000: p = 0.94 ≥ 0.8 → A (typed A already: kept);
 * F5 24→60 of 100: p = 0.47 ≥ 0.4 → B;  F6 20 ≥ 20以上 → S;  F7 372→298万人: 20% worse → D.
 */
const WRITTEN: Readonly<Record<string, string>> = { F5: 'B', F6: 'S', F7: 'D' };

// jsdom's DOMParser and XMLSerializer (this file runs in vitest's jsdom environment).

function soffice(args: string[], outdir: string): void {
  mkdirSync(outdir, { recursive: true });
  const profile = `file://${mkdtempSync(join(tmpdir(), 'kpi-lo-profile-'))}`;
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args, '--outdir', outdir], { encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr || r.error?.message}`);
}

interface Case {
  readonly input: string;
  readonly output: string;
  readonly maker: 'openpyxl' | 'LibreOffice';
  report?: JsonReport;
  code?: number;
}

const root = mkdtempSync(join(tmpdir(), 'kpi-features-'));
const cases: Case[] = [];

beforeAll(async () => {
  const made = spawnSync(PYTHON, ['scripts/feature-ledgers.py', join(root, 'openpyxl')], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`feature-ledgers.py failed: ${made.stderr || made.error?.message} (needs python3-openpyxl)`);
  const openpyxl = made.stdout.trim().split('\n');
  // LibreOffice-written ledgers: some of the same files, opened and saved by LibreOffice Calc.
  const reSaved = ['chart', 'image', 'comments', 'table', 'chart-sheet', 'conditional-formats', 'hyperlinks'].map((n) => join(root, 'openpyxl', `${n}.xlsx`));
  soffice(['--convert-to', 'xlsx', ...reSaved], join(root, 'libreoffice'));
  const libre = reSaved.map((p) => join(root, 'libreoffice', basename(p)));
  mkdirSync(join(root, 'out'));
  for (const [maker, inputs] of [['openpyxl', openpyxl], ['LibreOffice', libre]] as const) {
    for (const input of inputs) {
      const output = join(root, 'out', `${maker}-${basename(input)}`);
      const c: Case = { input, output, maker };
      let stdout = '';
      c.code = await runCli([input, '--out', output, '--notes', '--json'], { stdout: (s) => (stdout += s), stderr: () => undefined });
      c.report = JSON.parse(stdout) as JsonReport;
      cases.push(c);
    }
  }
}, 300_000);

// ─────────────────────────── canonical XML comparisons ───────────────────────────

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'application/xml');
const serialize = (doc: Document) => new XMLSerializer().serializeToString(doc);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const elements = (doc: Document, local: string) => [...doc.getElementsByTagNameNS('*', local)];

function entries(path: string): Map<string, ZipEntry> {
  return new Map(readZip(new Uint8Array(readFileSync(path))).entries.map((e) => [e.name, e]));
}

/** An entry's content through node:zlib directly, not the package under test. */
function inflate(entry: ZipEntry): Uint8Array {
  return entry.method === 0 ? entry.data : inflateRawSync(entry.data);
}

const content = (entry: ZipEntry) => text(inflate(entry));

/** The sheet without the written cells, the add-in's rules and an added <legacyDrawing>. */
function sheetWithoutWrites(xml: string, keepLegacyDrawing: boolean, rowsToKeep?: Set<string>): string {
  const doc = parse(xml);
  for (const c of elements(doc, 'c')) if ((c.getAttribute('r') ?? '') in WRITTEN) c.remove();
  for (const f of elements(doc, 'conditionalFormatting')) {
    if (elements(f as unknown as Document, 'formula').every((x) => x.textContent?.includes(ADDIN_RULE_MARKER))) f.remove();
  }
  if (!keepLegacyDrawing) for (const d of elements(doc, 'legacyDrawing')) d.remove();
  if (rowsToKeep) for (const r of elements(doc, 'row')) if (!rowsToKeep.has(r.getAttribute('r') ?? '')) r.remove();
  return serialize(doc);
}

function withoutAdded(xml: string, local: string, key: string, inputXml: string | undefined): string {
  const known = new Set(inputXml ? elements(parse(inputXml), local).map((e) => e.getAttribute(key)) : []);
  const doc = parse(xml);
  for (const e of elements(doc, local)) if (!known.has(e.getAttribute(key))) e.remove();
  return serialize(doc);
}

function stylesWithoutAddedDxfs(output: string, input: string): string {
  const before = elements(parse(input), 'dxf').length;
  const doc = parse(output);
  const dxfs = elements(doc, 'dxfs')[0];
  if (dxfs) {
    const list = elements(dxfs as unknown as Document, 'dxf');
    list.slice(before).forEach((d) => d.remove());
    const inputDxfs = elements(parse(input), 'dxfs')[0];
    if (!inputDxfs) dxfs.remove();
    else if (inputDxfs.hasAttribute('count')) dxfs.setAttribute('count', inputDxfs.getAttribute('count')!);
  }
  return serialize(doc);
}

function commentsWithoutOurs(output: string): string {
  const doc = parse(output);
  const authors = elements(doc, 'author');
  const ours = authors.findIndex((a) => a.textContent === 'KPI評価');
  for (const c of elements(doc, 'comment')) if (c.getAttribute('authorId') === String(ours)) c.remove();
  if (ours >= 0) authors[ours]!.remove();
  return serialize(doc);
}

function cells(path: string): Map<string, GridCell> {
  const map = new Map<string, GridCell>();
  for (const grid of readWorkbook(new Uint8Array(readFileSync(path))).grids) {
    grid.rows.forEach((row, r) => row?.forEach((cell, c) => cell && map.set(`${grid.name}!${cellAddress(r, c)}`, cell)));
  }
  return map;
}

// ─────────────────────────── the tests ───────────────────────────

describe('--out on ledgers with one Excel feature each', () => {
  it('made every ledger (openpyxl and LibreOffice) and graded each', () => {
    expect(cases.filter((c) => c.maker === 'openpyxl')).toHaveLength(24);
    expect(cases.filter((c) => c.maker === 'LibreOffice')).toHaveLength(7);
    for (const c of cases) {
      expect(c.code, basename(c.output)).not.toBe(2);
      const grades = Object.fromEntries(c.report!.tables.filter((t) => t.sheet === SHEET).flatMap((t) => t.kpis.map((k) => [k.gradeCell, k.grade])));
      expect(grades, basename(c.output)).toEqual({ F4: 'A', F5: 'B', F6: 'S', F7: 'D' });
      expect(c.report!.written?.cells, basename(c.output)).toBe(3);
    }
  });

  it('copies every part it does not patch byte for byte, in the same order, with the same compression', () => {
    for (const c of cases) {
      const before = entries(c.input);
      const after = entries(c.output);
      const sheetPart = readWorkbook(new Uint8Array(readFileSync(c.input))).sheets.get(SHEET)!.part;
      const sheetRels = sheetPart.replace(/([^/]+)$/, '_rels/$1.rels');
      const mayChange = (name: string) =>
        name === sheetPart ||
        name === sheetRels ||
        name === 'xl/styles.xml' ||
        name === '[Content_Types].xml' ||
        // Legacy notes (xl/comments1.xml, xl/comments/comment1.xml) and their drawings; never threaded comments.
        /(^|\/)comments?\d*\.xml$|\.vml$/i.test(name) ||
        // The evaluation history (issue 13) is linked from the workbook part.
        name === 'xl/_rels/workbook.xml.rels';
      // The history part is added with its item properties; an officer's own custom XML is never changed.
      const mayBeAdded = (name: string) => mayChange(name) || /^customXml\/(item\d+\.xml|itemProps\d+\.xml|_rels\/item\d+\.xml\.rels)$/.test(name);
      const names = [...after.keys()];
      // The input's parts first, in their order; added parts after them.
      expect(names.slice(0, before.size), basename(c.output)).toEqual([...before.keys()]);
      for (const added of names.slice(before.size)) expect(mayBeAdded(added), `${basename(c.output)}: added ${added}`).toBe(true);
      for (const [name, entry] of before) {
        const copy = after.get(name)!;
        if (mayChange(name) && !Buffer.from(copy.localRecord).equals(Buffer.from(entry.localRecord))) continue;
        expect(Buffer.from(copy.localRecord).equals(Buffer.from(entry.localRecord)), `${basename(c.output)}: ${name}`).toBe(true);
        expect(copy.method, name).toBe(entry.method);
      }
      // The workbook part above all: names, calcPr fullCalcOnLoad, the structure lock, codeName.
      expect(Buffer.from(after.get('xl/workbook.xml')!.localRecord).equals(Buffer.from(before.get('xl/workbook.xml')!.localRecord))).toBe(true);
    }
  });

  it('changes nothing in the patched parts but the written cells, rules, dxfs, notes and their links', () => {
    for (const c of cases) {
      const name = basename(c.output);
      const before = entries(c.input);
      const after = entries(c.output);
      const sheetPart = readWorkbook(new Uint8Array(readFileSync(c.input))).sheets.get(SHEET)!.part;
      const inSheet = content(before.get(sheetPart)!);
      const outSheet = content(after.get(sheetPart)!);
      const hadDrawing = /<(\w+:)?legacyDrawing\b/.test(inSheet);
      const inputRows = new Set(elements(parse(inSheet), 'row').map((r) => r.getAttribute('r') ?? ''));
      expect(sheetWithoutWrites(outSheet, hadDrawing, inputRows), `${name}: sheet`).toBe(sheetWithoutWrites(inSheet, hadDrawing));
      // …and the written cells keep their style.
      const styleOf = (xml: string, ref: string) => elements(parse(xml), 'c').find((x) => x.getAttribute('r') === ref)?.getAttribute('s') ?? null;
      for (const ref of Object.keys(WRITTEN)) {
        if (elements(parse(inSheet), 'c').some((x) => x.getAttribute('r') === ref)) expect(styleOf(outSheet, ref), `${name}: ${ref} style`).toBe(styleOf(inSheet, ref));
      }

      const inStyles = content(before.get('xl/styles.xml')!);
      expect(stylesWithoutAddedDxfs(content(after.get('xl/styles.xml')!), inStyles), `${name}: styles`).toBe(serialize(parse(inStyles)));

      const types = '[Content_Types].xml';
      const inTypes = content(before.get(types)!);
      let outTypes = withoutAdded(content(after.get(types)!), 'Override', 'PartName', inTypes);
      outTypes = withoutAdded(outTypes, 'Default', 'Extension', inTypes);
      expect(outTypes, `${name}: content types`).toBe(serialize(parse(inTypes)));

      const workbookRels = 'xl/_rels/workbook.xml.rels';
      const inWorkbookRels = content(before.get(workbookRels)!);
      expect(withoutAdded(content(after.get(workbookRels)!), 'Relationship', 'Id', inWorkbookRels), `${name}: workbook rels`).toBe(serialize(parse(inWorkbookRels)));

      const rels = sheetPart.replace(/([^/]+)$/, '_rels/$1.rels');
      if (before.has(rels)) {
        const inRels = content(before.get(rels)!);
        expect(withoutAdded(content(after.get(rels)!), 'Relationship', 'Id', inRels), `${name}: sheet rels`).toBe(serialize(parse(inRels)));
      }
      for (const [part, entry] of before) {
        if (!/comments?\d*\.xml$/i.test(part) || !after.has(part)) continue;
        expect(commentsWithoutOurs(content(after.get(part)!)), `${name}: ${part}`).toBe(serialize(parse(content(entry))));
      }
      for (const [part, entry] of before) {
        if (!part.endsWith('.vml')) continue;
        const original = Buffer.from(inflate(entry)).toString('latin1');
        const patched = Buffer.from(inflate(after.get(part)!)).toString('latin1');
        // Shapes are added before the closing </xml>; everything before stays.
        expect(patched.startsWith(original.slice(0, original.lastIndexOf('</xml>'))), `${name}: ${part}`).toBe(true);
      }
    }
  });

  it('reads the same in every cell but the written ones, which hold the hand-worked grades', () => {
    for (const c of cases) {
      const before = cells(c.input);
      const after = cells(c.output);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)));
      expect(changed.sort(), basename(c.output)).toEqual(Object.keys(WRITTEN).map((a) => `${SHEET}!${a}`));
      for (const [address, grade] of Object.entries(WRITTEN)) expect(after.get(`${SHEET}!${address}`)?.text).toBe(grade);
    }
  });

  it('keeps the protected sheet whole and says why nothing was written there', () => {
    const c = cases.find((x) => x.maker === 'openpyxl' && basename(x.input) === 'protection.xlsx')!;
    expect(c.report!.problems.filter((p) => p.code === 'sheetProtected').map((p) => p.sheet)).toEqual(['確定版']);
    const { pkg, sheets } = readWorkbook(new Uint8Array(readFileSync(c.output)));
    expect(pkg.text(sheets.get('確定版')!.part)).toMatch(/<sheetProtection\b[^>]*password="/);
  });

  it('keeps an .xlsm macro-enabled, with its VBA project', () => {
    const c = cases.find((x) => extname(x.input) === '.xlsm')!;
    const { pkg, info } = readWorkbook(new Uint8Array(readFileSync(c.output)));
    expect(pkg.contentType(info.part)).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(Buffer.from(pkg.bytes('xl/vbaProject.bin')).equals(Buffer.from(readWorkbook(new Uint8Array(readFileSync(c.input))).pkg.bytes('xl/vbaProject.bin')))).toBe(true);
  });

  it('keeps the officer’s note on a grade cell and tells them', () => {
    const c = cases.find((x) => x.maker === 'openpyxl' && basename(x.input) === 'comments.xlsx')!;
    expect(c.report!.problems.filter((p) => p.code === 'noteKept').map((p) => p.cell)).toEqual(['F5']);
    expect(c.report!.written?.notes).toBe(3);
    // A threaded comment (Excel 365) leaves a plain note for older readers: the officer's, kept too.
    const thread = cases.find((x) => basename(x.input) === 'threaded-comment.xlsx')!;
    expect(thread.report!.problems.filter((p) => p.code === 'noteKept').map((p) => p.cell)).toEqual(['F6']);
  });

  it('openpyxl, an independent reader, reads every copy: the grades and the add-in’s rules', () => {
    const script = [
      'import json, sys, warnings',
      'warnings.simplefilter("ignore")',
      'import openpyxl',
      'out = {}',
      'for path in sys.argv[1:]:',
      '    ws = openpyxl.load_workbook(path)["台帳"]',
      '    rules = [r.formula[0] for cf in ws.conditional_formatting for r in cf.rules if r.formula]',
      '    out[path] = {"grades": [ws[a].value for a in ("F4", "F5", "F6", "F7")], "ours": sum("KPI評価" in f for f in rules)}',
      'print(json.dumps(out))',
    ].join('\n');
    const r = spawnSync(PYTHON, ['-c', script, ...cases.map((c) => c.output)], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const read = JSON.parse(r.stdout) as Record<string, { grades: string[]; ours: number }>;
    for (const c of cases) {
      // Six grade rules (S A B C D E: '-' has no colour) on the one table.
      expect(read[c.output], basename(c.output)).toEqual({ grades: ['A', 'B', 'S', 'D'], ours: 6 });
    }
  });

  it('LibreOffice opens every copy', () => {
    const pdfs = join(root, 'pdf');
    soffice(['--convert-to', 'pdf', ...cases.map((c) => c.output)], pdfs);
    for (const c of cases) {
      const pdf = join(pdfs, basename(c.output).replace(/\.xls[xm]$/, '.pdf'));
      expect(existsSync(pdf) && statSync(pdf).size > 1000, basename(pdf)).toBe(true);
    }
    expect(readdirSync(pdfs)).toHaveLength(cases.length);
  }, 180_000);
});

describe('files that are not .xlsx', () => {
  it('says an Excel 97-2003 file must be saved as .xlsx first (a real .xls from LibreOffice)', async () => {
    const dir = join(root, 'xls');
    soffice(['--convert-to', 'xls', join(root, 'openpyxl', 'chart.xlsx')], dir);
    let stderr = '';
    const code = await runCli([join(dir, 'chart.xls')], { stdout: () => undefined, stderr: (s) => (stderr += s) });
    expect(code).toBe(2);
    expect(stderr).toContain('Excel 97-2003 形式（.xls）');
    expect(stderr).toContain('Excel ブック (*.xlsx)');
  }, 120_000);
});

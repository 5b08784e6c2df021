/**
 * An officer's own reading of a table (issue 8, item 4): when detection finds no table, or
 * reads one wrongly, the officer selects its range and says what each column is. The answer
 * is data — saved in the workbook beside the grading rule, accepted by the command line as
 * `--map FILE.json` — so everything that arrives from outside goes through `parseMappings`,
 * which says in Japanese what is wrong.
 *
 * One mapping names its sheet and range (A1), how many rows at the top of the range are the
 * header, and for every column of the range (left to right, by letter) its role, its year
 * for value columns, and the header text it had when it was saved: that text is the
 * fingerprint by which a later read notices that the sheet changed under the mapping
 * (columns moved, rows deleted, header rewritten) instead of reading the wrong cells.
 */
import { z } from 'zod';
import { columnLetters, parseRangeAddress, type CellRange } from './grid';

/**
 * What a column holds. 指標 indicator / 当初 baseline / 中間 intermediate / 現状 current /
 * 目標 target / 評価 grade / 単位 unit / 年度 year / 方向 direction / 読まない ignore.
 */
export const MAPPING_ROLES = [
  'indicator',
  'baseline',
  'intermediate',
  'current',
  'target',
  'grade',
  'unit',
  'year',
  'direction',
  'ignore',
] as const;
export type MappingRole = (typeof MAPPING_ROLES)[number];

/** Roles whose cells are figures read with the cell grammar (and may carry a header year). */
export const VALUE_ROLES: readonly MappingRole[] = ['baseline', 'intermediate', 'current', 'target'];

export interface MappedColumn {
  /** Column letters ("C"): the columns of the range, in order. */
  readonly column: string;
  readonly role: MappingRole;
  /** Western fiscal year of a value column's figures (its header year); value roles only. */
  readonly year?: number;
  /** The header cells' text when saved (compact, header rows joined by " / "): the fingerprint. */
  readonly header: string;
}

export interface TableMapping {
  readonly sheet: string;
  /** "A3:F9": header rows and KPI rows. */
  readonly range: string;
  /** Rows at the top of the range that are the header (1 to 3). */
  readonly headerRows: number;
  readonly columns: readonly MappedColumn[];
}

/** What is stored in the workbook and read from `--map FILE.json`: the same shape. */
export interface MappingFile {
  readonly version: 1;
  readonly mappings: readonly TableMapping[];
}

export const MAX_HEADER_ROWS = 3;

// ───────────────────────────── schema ─────────────────────────────

const MappedColumnSchema = z.object({
  column: z.string().regex(/^[A-Z]{1,3}$/),
  role: z.enum(MAPPING_ROLES),
  year: z.number().int().min(1900).max(2200).optional(),
  header: z.string(),
});

const TableMappingSchema = z
  .object({
    sheet: z.string().min(1),
    range: z.string(),
    headerRows: z.number().int().min(1).max(MAX_HEADER_ROWS),
    columns: z.array(MappedColumnSchema).min(1),
  })
  .superRefine((m, ctx) => {
    for (const message of mappingProblems(m)) ctx.addIssue({ code: 'custom', path: [], message });
  });

export const MappingFileSchema = z.object({
  version: z.literal(1),
  mappings: z.array(TableMappingSchema),
});

// What the schema accepts is a TableMapping (this stops compiling when the two drift apart).
void ((parsed: z.output<typeof TableMappingSchema>): TableMapping => parsed);

/**
 * What makes a well-formed mapping unusable, in Japanese: one sentence each. Also what the
 * pane's dialog shows before it lets the officer save.
 */
export function mappingProblems(m: Pick<TableMapping, 'range' | 'headerRows' | 'columns'>): string[] {
  const out: string[] = [];
  const range = parseRangeAddress(m.range);
  if (!range || !/^[A-Za-z]{1,3}\d+(:[A-Za-z]{1,3}\d+)?$/.test(m.range.trim())) {
    return [`範囲「${m.range}」は A3:F9 のようなセル範囲で指定してください。`];
  }
  const width = range.right - range.left + 1;
  const height = range.bottom - range.top + 1;
  if (m.columns.length !== width) {
    out.push(`範囲 ${m.range} は ${width} 列ですが、列の指定が ${m.columns.length} 個あります。範囲の列ごとに 1 つずつ指定してください。`);
  } else {
    m.columns.forEach((c, i) => {
      const expected = columnLetters(range.left + i);
      if (c.column !== expected) out.push(`${i + 1} 番目の列は ${expected} 列のはずですが「${c.column}」になっています。`);
    });
  }
  if (m.headerRows >= height) out.push(`見出しの行（${m.headerRows} 行）の下に指標の行がありません。範囲に指標の行も含めてください。`);
  const count = (role: MappingRole) => m.columns.filter((c) => c.role === role).length;
  if (count('indicator') !== 1) out.push(`「指標」の列を 1 つだけ選んでください（いま ${count('indicator')} 個）。`);
  if (count('target') !== 1) out.push(`「目標」の列を 1 つだけ選んでください（いま ${count('target')} 個）。`);
  if (count('baseline') + count('intermediate') + count('current') === 0)
    out.push('「当初」「中間」「現状」のいずれかの列を選んでください（評価には実績の値が必要です）。');
  for (const role of ['baseline', 'current', 'grade', 'unit', 'direction'] as const) {
    if (count(role) > 1) out.push(`「${ROLE_WORDS[role]}」の列は 1 つまでです（いま ${count(role)} 個）。`);
  }
  m.columns.forEach((c, i) => {
    if (c.role !== 'year') return;
    const beside = [m.columns[i - 1], m.columns[i + 1]].some((n) => n !== undefined && VALUE_ROLES.includes(n.role));
    if (!beside) out.push(`${c.column} 列の「年度」は、どの値の年度か分かりません。年度の列は値の列（当初・中間・現状・目標）のすぐ隣に置いてください。`);
  });
  for (const c of m.columns) {
    if (c.year !== undefined && !VALUE_ROLES.includes(c.role))
      out.push(`${c.column} 列は「${ROLE_WORDS[c.role]}」なので年度は指定できません。年度は値の列（当初・中間・現状・目標）に指定してください。`);
  }
  return out;
}

/** The role names as the pane's dropdown shows them (Japanese). */
export const ROLE_WORDS: Readonly<Record<MappingRole, string>> = {
  indicator: '指標',
  baseline: '当初',
  intermediate: '中間',
  current: '現状',
  target: '目標',
  grade: '評価',
  unit: '単位',
  year: '年度',
  direction: '方向',
  ignore: '読まない',
};

// ───────────────────────────── parsing ─────────────────────────────

export type ParseMappingsResult =
  | { readonly ok: true; readonly mappings: readonly TableMapping[] }
  | { readonly ok: false; readonly errors: string[] };

/** Reads a mapping file (a parsed value, or the JSON text itself). Errors are Japanese. */
export function parseMappings(json: unknown): ParseMappingsResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (error) {
      return {
        ok: false,
        errors: [`表の読み方を JSON として読み取れません（${(error as Error).message}）。書式（{ } や " の対応）を確認してください。`],
      };
    }
  }
  const result = MappingFileSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, mappings: result.data.mappings };
  return { ok: false, errors: result.error.issues.map(japaneseIssue) };
}

export function mappingFile(mappings: readonly TableMapping[]): MappingFile {
  return { version: 1, mappings };
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  version: 'version（形式の版。1 を指定）',
  mappings: 'mappings（表の読み方の一覧）',
  sheet: 'sheet（シート名）',
  range: 'range（範囲）',
  headerRows: 'headerRows（見出しの行数）',
  columns: 'columns（列の指定）',
  column: 'column（列の記号）',
  role: 'role（列の役割）',
  year: 'year（年度）',
  header: 'header（保存時の見出し）',
};

function where(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === 'mappings' && typeof path[i + 1] === 'number') {
      parts.push(`${(path[i + 1] as number) + 1} 件目の表`);
      i++;
    } else if (key === 'columns' && typeof path[i + 1] === 'number') {
      parts.push(`${(path[i + 1] as number) + 1} 番目の列`);
      i++;
    } else {
      parts.push(FIELD_WORDS[String(key)] ?? String(key));
    }
  }
  return parts.length === 0 ? '表の読み方' : parts.join(' の ');
}

function japaneseIssue(issue: z.core.$ZodIssue): string {
  const field = where(issue.path);
  const missing = !('input' in issue) || issue.input === undefined;
  switch (issue.code) {
    case 'custom':
      return `${where(issue.path)}: ${issue.message}`;
    case 'invalid_type':
      if (issue.path.length === 0) return '表の読み方は { "version": 1, "mappings": [ … ] } の形の JSON で指定してください。';
      if (missing) return `${field}がありません。`;
      if (issue.expected === 'number') return `${field}は数値で指定してください。`;
      if (issue.expected === 'string') return `${field}は文字列で指定してください。`;
      if (issue.expected === 'array') return `${field}は配列（[ … ]）で指定してください。`;
      return `${field}の形式が正しくありません。`;
    case 'invalid_value':
      if (issue.path[issue.path.length - 1] === 'role') return `${field}は ${MAPPING_ROLES.join(', ')} のいずれかにしてください。`;
      if (issue.path[issue.path.length - 1] === 'version') return `${field}が正しくありません（1 を指定してください）。`;
      return `${field}の値が正しくありません。`;
    case 'invalid_format':
      return `${field}は A, B, … AA のような列の記号（半角大文字）で指定してください。`;
    case 'too_small':
      if (issue.origin === 'array') return `${field}を空にしないでください。`;
      if (issue.origin === 'string') return `${field}を空にしないでください。`;
      return `${field}は ${String(issue.minimum)} 以上にしてください。`;
    case 'too_big':
      return `${field}は ${String(issue.maximum)} 以下にしてください。`;
    case 'unrecognized_keys':
      return `${field}に使えない項目 ${issue.keys.join(', ')} があります。`;
    default:
      return `${field}の値が正しくありません。`;
  }
}

/** The range of a mapping that passed parseMappings (or mappingProblems). */
export function mappingRange(m: TableMapping): CellRange {
  const range = parseRangeAddress(m.range);
  if (!range) throw new Error(`mappingRange: "${m.range}" is not a range (the mapping was not validated)`);
  return range;
}

/** Two ranges share a cell. */
export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * The saved list with `mapping` in it: a saved mapping on the same sheet whose range overlaps
 * is the same table read again, and is replaced (two readings of one area would contradict).
 */
export function putMapping(list: readonly TableMapping[], mapping: TableMapping): TableMapping[] {
  const area = mappingRange(mapping);
  return [...list.filter((m) => m.sheet !== mapping.sheet || !rangesOverlap(mappingRange(m), area)), mapping];
}

/** The saved mapping on this sheet whose range overlaps `area`, if any (the dialog starts from it). */
export function mappingOver(list: readonly TableMapping[], sheet: string, area: CellRange): TableMapping | undefined {
  return list.find((m) => m.sheet === sheet && rangesOverlap(mappingRange(m), area));
}

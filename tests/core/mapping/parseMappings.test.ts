import { describe, expect, it } from 'vitest';
import { mappingFile, mappingProblems, parseMappings, type TableMapping } from '../../../src/core/mapping';
import { MAPPING } from './fixture';

const withColumns = (columns: TableMapping['columns']): TableMapping => ({ ...MAPPING, columns });

describe('parseMappings: the saved / --map shape, validated with Japanese messages', () => {
  it('accepts the shape it is saved in, from a value or from the JSON text', () => {
    const file = mappingFile([MAPPING]);
    expect(parseMappings(file)).toEqual({ ok: true, mappings: [MAPPING] });
    expect(parseMappings(JSON.stringify(file))).toEqual({ ok: true, mappings: [MAPPING] });
  });

  it('not JSON', () => {
    const r = parseMappings('{ "version": 1, ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^表の読み方を JSON として読み取れません/);
  });

  it('not the shape: says which shape', () => {
    const r = parseMappings([MAPPING]);
    expect(r).toEqual({ ok: false, errors: ['表の読み方は { "version": 1, "mappings": [ … ] } の形の JSON で指定してください。'] });
  });

  it('an unknown role names the table, the column and the roles there are', () => {
    const bad = { version: 1, mappings: [{ ...MAPPING, columns: MAPPING.columns.map((c, i) => (i === 1 ? { ...c, role: 'kijun' } : c)) }] };
    const r = parseMappings(bad);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        '1 件目の表 の 2 番目の列 の role（列の役割）は indicator, baseline, intermediate, current, target, grade, unit, year, direction, ignore のいずれかにしてください。',
      ]);
  });

  it('a missing field', () => {
    const { sheet: _sheet, ...rest } = MAPPING;
    const r = parseMappings({ version: 1, mappings: [rest] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('1 件目の表 の sheet（シート名）がありません。');
  });

  it('a wrong version', () => {
    const r = parseMappings({ version: 2, mappings: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual(['version（形式の版。1 を指定）が正しくありません（1 を指定してください）。']);
  });
});

describe('mappingProblems: what makes a mapping unusable', () => {
  it('none for the fixture', () => {
    expect(mappingProblems(MAPPING)).toEqual([]);
  });

  it('no target, two indicators', () => {
    const problems = mappingProblems(
      withColumns(MAPPING.columns.map((c) => (c.role === 'target' ? { ...c, role: 'indicator', year: undefined } : c))),
    );
    expect(problems).toEqual(['「指標」の列を 1 つだけ選んでください（いま 2 個）。', '「目標」の列を 1 つだけ選んでください（いま 0 個）。']);
  });

  it('no value column', () => {
    const problems = mappingProblems(
      withColumns(MAPPING.columns.map((c) => (c.role === 'baseline' || c.role === 'intermediate' || c.role === 'current' ? { column: c.column, role: 'ignore', header: c.header } : c))),
    );
    expect(problems).toEqual(['「当初」「中間」「現状」のいずれかの列を選んでください（評価には実績の値が必要です）。']);
  });

  it('columns that do not match the range', () => {
    expect(mappingProblems(withColumns(MAPPING.columns.slice(1)))).toEqual([
      '範囲 B2:G7 は 6 列ですが、列の指定が 5 個あります。範囲の列ごとに 1 つずつ指定してください。',
      '「指標」の列を 1 つだけ選んでください（いま 0 個）。',
    ]);
    const swapped = withColumns(MAPPING.columns.map((c, i) => (i === 0 ? { ...c, column: 'A' } : c)));
    expect(mappingProblems(swapped)).toEqual(['1 番目の列は B 列のはずですが「A」になっています。']);
  });

  it('a year on a column that is not a value', () => {
    const problems = mappingProblems(withColumns(MAPPING.columns.map((c) => (c.role === 'grade' ? { ...c, year: 2023 } : c))));
    expect(problems).toEqual(['G 列は「評価」なので年度は指定できません。年度は値の列（当初・中間・現状・目標）に指定してください。']);
  });

  it('a header that leaves no KPI row, and a range that is not one', () => {
    expect(mappingProblems({ ...MAPPING, range: 'B2:G2' })).toContain('見出しの行（1 行）の下に指標の行がありません。範囲に指標の行も含めてください。');
    expect(mappingProblems({ ...MAPPING, range: 'B2:G' })).toEqual(['範囲「B2:G」は A3:F9 のようなセル範囲で指定してください。']);
  });
});

/**
 * functions.json as the build makes it: custom-functions-metadata (the generator inside
 * CustomFunctionsMetadataPlugin) run on src/functions/functions.ts. What Excel shows — names,
 * argument names, which are optional, the Japanese tooltips — and what makes ranges work
 * (matrix parameters and results) is checked here, without a browser.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import type { ICustomFunctionsMetadata, IFunction } from 'custom-functions-metadata';
import { beforeAll, describe, expect, it } from 'vitest';
import { metadataViolations } from './metadataRules';

const SOURCE = 'src/functions/functions.ts';

type Metadata = ICustomFunctionsMetadata & { allowErrorForDataTypeAny?: boolean; allowCustomDataForDataTypeAny?: boolean };

let metadata: Metadata;
let generatedOnly: Metadata;
let associations: Array<{ functionName: string; id: string }>;

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(SOURCE);
  expect(generated.errors).toEqual([]);
  // What the build ships: the generator's output finished by webpack.config.js.
  const config = (await import(pathToFileURL(path.resolve('webpack.config.js')).href)) as { finishFunctionsMetadata(json: string): string };
  generatedOnly = JSON.parse(generated.metadataJson) as Metadata;
  metadata = JSON.parse(config.finishFunctionsMetadata(generated.metadataJson)) as Metadata;
  associations = generated.associate;
});

function fn(id: string): IFunction {
  const found = metadata.functions.find((f) => f.id === id);
  if (!found) throw new Error(`${id} is not in functions.json`);
  return found;
}

/** Japanese text: at least one kana or kanji. */
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

const EXPECTED_SIGNATURES: Record<string, Array<[name: string, optional: boolean]>> = {
  RATE: [
    ['当初', false],
    ['現状', false],
    ['目標', false],
  ],
  GRADE: [
    ['当初', false],
    ['現状', false],
    ['目標', false],
    ['当初年度', true],
    ['現状年度', true],
    ['目標年度', true],
    ['preset', true],
    ['指標名', true],
  ],
  ATTAIN: [
    ['現状', false],
    ['目標', false],
  ],
  EXPECTED: [
    ['当初', false],
    ['目標', false],
    ['当初年度', false],
    ['目標年度', false],
    ['年度', false],
  ],
  VALUE: [['セル', false]],
  NENDO: [['セル', false]],
};

describe('functions.json generated from the JSDoc', () => {
  it('declares exactly the six KPI functions, each associated with its JavaScript function', () => {
    expect(metadata.functions.map((f) => f.id)).toEqual(['RATE', 'GRADE', 'ATTAIN', 'EXPECTED', 'VALUE', 'NENDO']);
    expect(associations.map((a) => [a.id, a.functionName])).toEqual([
      ['RATE', 'rate'],
      ['GRADE', 'grade'],
      ['ATTAIN', 'attain'],
      ['EXPECTED', 'expected'],
      ['VALUE', 'value'],
      ['NENDO', 'nendo'],
    ]);
  });

  it.each(Object.keys(EXPECTED_SIGNATURES))('%s: name, argument names and optional flags as the tooltip shows them', (id) => {
    const f = fn(id);
    // The manifest's namespace makes this =KPI.<name>.
    expect(f.name).toBe(id);
    expect(f.parameters.map((p) => [p.name, p.optional === true])).toEqual(EXPECTED_SIGNATURES[id]);
  });

  it.each(Object.keys(EXPECTED_SIGNATURES))('%s: every argument and the result are matrices of any value', (id) => {
    const f = fn(id);
    for (const p of f.parameters) {
      expect(p.dimensionality, p.name).toBe('matrix');
      expect(p.type, p.name).toBe('any');
      expect(p.repeating, p.name).toBeUndefined();
    }
    expect(f.result).toEqual({ dimensionality: 'matrix' });
  });

  it.each(Object.keys(EXPECTED_SIGNATURES))('%s: the description and every argument help are Japanese', (id) => {
    const f = fn(id);
    expect(f.description).toMatch(JAPANESE);
    for (const p of f.parameters) expect(p.description, p.name).toMatch(JAPANESE);
  });

  it('describes what each function gives, in the words the ledger uses', () => {
    expect(fn('RATE').description).toMatch(/^進捗率を返します/);
    expect(fn('GRADE').description).toMatch(/^達成状況/);
    expect(fn('ATTAIN').description).toMatch(/^達成率を返します/);
    expect(fn('EXPECTED').description).toMatch(/^目安値を返します/);
    expect(fn('VALUE').description).toMatch(/数値を返します/);
    expect(fn('NENDO').description).toMatch(/年度を西暦で返します/);
    expect(fn('GRADE').parameters.find((p) => p.name === 'preset')!.description).toMatch(/standard・kijun・tassei・pace・points/);
  });

  it('asks for no special treatment: not volatile, not streaming, no addresses', () => {
    for (const f of metadata.functions) expect(f.options, f.id).toBeUndefined();
  });
});

describe('what Excel requires of functions.json (custom-functions-naming, custom-functions-errors)', () => {
  it('every id and name follows the naming rules, and every argument can receive an error cell', () => {
    expect(metadataViolations(metadata)).toEqual([]);
  });

  it('catches what the rules forbid: a two-letter id (the old KPI.FY), a leading digit, an error flag left out', () => {
    const bad = {
      functions: [
        { id: 'FY', name: 'FY', parameters: [{ name: 'セル', type: 'any' }] },
        { id: '2RATE', name: 'RATE', parameters: [] },
      ],
    };
    expect(metadataViolations(bad)).toEqual([
      'FY: id must start with a letter, have 3+ characters, only A-Z 0-9 _ .',
      'FY: name "FY" must start with a letter, have 3+ characters, only letters _ .',
      'FY(セル): error cells need allowErrorForDataTypeAny: true',
      '2RATE: id must start with a letter, have 3+ characters, only A-Z 0-9 _ .',
    ]);
  });

  it('the generator alone cannot say that errors may come in; the build adds it and drops the data-types flag', () => {
    expect(generatedOnly.allowErrorForDataTypeAny).toBeUndefined();
    expect(metadataViolations(generatedOnly).some((v) => v.includes('allowErrorForDataTypeAny'))).toBe(true);
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    // Both flags together crash volume-licensed Office 2021 (office-js #4385); no KPI function takes data types.
    expect(metadata.allowCustomDataForDataTypeAny).toBeUndefined();
    expect(metadata.functions).toEqual(generatedOnly.functions);
  });
});

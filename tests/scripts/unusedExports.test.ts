/**
 * scripts/unused-exports.ts, which `npm run lint` runs: over a small program made here, an
 * exported value nothing uses is dead, one only its own module uses is not, and an import
 * (named, aliased, re-exported, `import * as`) counts as a use.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { unusedExports } from '../../scripts/unused-exports';

const root = mkdtempSync(join(tmpdir(), 'unused-exports-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function programOf(files: Record<string, string>): ts.Program {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return ts.createProgram(
    Object.keys(files).map((f) => join(root, f)),
    { strict: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true },
  );
}

describe('unusedExports', () => {
  const program = programOf({
    'src/a.ts': [
      'export function imported() { return 1; }',
      'export const aliased = 2;',
      'export const localOnly = 3;',
      'export function dead() { return localOnly; }',
      'export interface Shape { readonly x: number }',
    ].join('\n'),
    'src/b.ts': "import { imported, aliased as other } from './a';\nexport { reExported } from './c';\nexport const total = imported() + other;",
    'src/c.ts': 'export const reExported = 4;\nexport const viaReExportOnly = 5;',
    'src/d.ts': 'export const wholeA = 6;\nexport const wholeB = 7;',
    'tests/b.test.ts': "import { total } from '../src/b';\nimport * as d from '../src/d';\nexport const seen = [total, d];",
  });
  const found = unusedExports(program, root);
  const byName = new Map(found.map((u) => [u.name, u]));

  it('reports a value nothing uses as dead, and one only its own module uses as not dead', () => {
    expect(byName.get('dead')).toEqual({ where: 'src/a.ts:4', name: 'dead', dead: true });
    expect(byName.get('localOnly')?.dead).toBe(false);
    expect(byName.get('viaReExportOnly')?.dead).toBe(true);
  });

  it('counts named, aliased, re-exported and namespace imports as uses; leaves types alone', () => {
    for (const name of ['imported', 'aliased', 'reExported', 'total', 'wholeA', 'wholeB', 'Shape']) expect(byName.has(name), name).toBe(false);
  });

  it('checks only src/', () => {
    expect(found.every((u) => u.where.startsWith('src/'))).toBe(true);
  });
});

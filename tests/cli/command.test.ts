/**
 * The real command: bin/kpi-hyoka.mjs runs the command line built to plain JavaScript
 * (dist-cli/, made by `npm ci`'s prepare step or by the launcher when older than the
 * sources). Held to the sources: the built command's JSON is the in-process runCli's.
 * The only test file that starts the launcher (two at once could both rebuild).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';

const SAMPLE = 'samples/kashiwazaki-H29-ledger.xlsx';
const command = (args: string[]) => spawnSync(process.execPath, ['bin/kpi-hyoka.mjs', ...args], { encoding: 'utf8' });
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/u;

async function inProcess(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('the built command', () => {
  it('package.json names it as a bin and npm run evaluate runs it, not tsx', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.bin['kpi-hyoka']).toBe('bin/kpi-hyoka.mjs');
    expect(pkg.scripts.evaluate).toBe('node bin/kpi-hyoka.mjs');
    expect(pkg.scripts.prepare).toContain('build-cli');
  });

  it('gives the same JSON and exit code on the sample as the sources, from plain JavaScript', async () => {
    const built = command([SAMPLE, '--json']);
    expect(existsSync('dist-cli/main.js')).toBe(true);
    expect(readFileSync('dist-cli/main.js', 'utf8')).not.toMatch(/from "tsx/);
    const source = await inProcess([SAMPLE, '--json']);
    expect(built.status).toBe(source.code);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(source.stdout));
    expect(built.stderr).toBe('');
  });

  it('grades a folder on its built workers as the sources do (dist-cli/worker.js)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kpi-built-many-'));
    copyFileSync(SAMPLE, join(dir, 'kikaku.xlsx'));
    copyFileSync('tests/fixtures/mixed-sheet.xlsx', join(dir, 'shoko.xlsx'));
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
    const built = command([dir, '--json', '--jobs', '2']);
    const source = await inProcess([dir, '--json', '--jobs', '2']);
    expect(built.status).toBe(source.code);
    expect(built.status).toBe(1);
    expect(JSON.parse(built.stdout)).toEqual(JSON.parse(source.stdout));
    expect(existsSync('dist-cli/worker.js')).toBe(true);
  });

  it('--help lists every option in Japanese, and in English with --lang en', () => {
    const ja = command(['--help']);
    const en = command(['--help', '--lang', 'en']);
    expect(ja.status).toBe(0);
    expect(en.status).toBe(0);
    for (const option of ['--preset', '--rule', '--json', '--out', '--out-dir', '--force', '--overwrite', '--notes', '--add-grade-column', '--jobs', '--lang', '--help']) {
      expect(ja.stdout, option).toContain(option);
      expect(en.stdout, option).toContain(option);
    }
    expect(ja.stdout).toContain('使い方');
    expect(ja.stdout).toContain('評価基準');
    expect(en.stdout).toContain('Usage');
    expect(en.stdout).not.toMatch(japanese);
  });

  it('a usage error follows --lang: Japanese by default, English with --lang en, exit 2', () => {
    const ja = command(['--jsno', SAMPLE]);
    expect(ja.status).toBe(2);
    expect(ja.stderr).toContain('「--jsno」は使えないオプション');
    const en = command(['--jsno', SAMPLE, '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('"--jsno" is not an option');
    expect(en.stderr).not.toMatch(japanese);
    const enFirst = command(['--lang=en']);
    expect(enFirst.status).toBe(2);
    expect(enFirst.stderr).toContain('Error: give the .xlsx file or folder');
  });
});

describe('every error follows --lang (in process)', () => {
  const cases: [string, string[]][] = [
    ['no file', []],
    ['unknown preset', [SAMPLE, '--preset', 'nope']],
    ['bad --jobs', [SAMPLE, '--jobs', '0']],
    ['--out with --out-dir', [SAMPLE, '--out', 'a.xlsx', '--out-dir', 'b']],
    ['missing file', ['no/such/ledger.xlsx']],
    ['bad rule file', [SAMPLE, '--rule', 'no/such/rule.json']],
    ['bad --lang', [SAMPLE, '--lang', 'fr']],
  ];
  it.each(cases)('%s: Japanese without --lang, English with --lang en', async (_label, args) => {
    const ja = await inProcess(args);
    expect(ja.code).toBe(2);
    expect(ja.stderr).toMatch(/^エラー: /);
    if (args.includes('--lang')) return; // --lang fr: the message is Japanese, the default
    const en = await inProcess([...args, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^Error: /);
  });
  it('-h with --lang en is the English help too', () => {
    expect(execFileSync(process.execPath, ['bin/kpi-hyoka.mjs', '-h', '--lang', 'en'], { encoding: 'utf8' })).toContain('--out-dir DIR');
  });
});

/**
 * Once per `npm run test:e2e`:
 *  1. a production build of the add-in — dist/ when it is newer than every input, else a
 *     build of our own into .tmp/e2e-dist (gitignored; reused while it is fresh; never
 *     touching dist/). E2E_REBUILD=1 forces a new build.
 *  2. the office.js stub (tests/e2e/officeStub.ts) bundled with esbuild;
 *  3. a static server on 127.0.0.1 (random port) over the build.
 * The test files get the server's URL and the stub's path through `inject`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './staticServer';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    e2eStubFile: string;
    e2eDistDir: string;
  }
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const DIST = join(ROOT, 'dist');
const OWN_BUILD = join(ROOT, '.tmp/e2e-dist');
/** What webpack reads: sources, assets, manifest and the build's own configuration. */
const INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** What the page needs from a build. */
const OUTPUTS = ['taskpane.html', 'taskpane.js', 'functions.js', 'commands.js', 'functions.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when every output exists and is newer than every input. */
function isFresh(dir: string, inputsMtime: number): boolean {
  const outputs = OUTPUTS.map((f) => join(dir, f));
  if (!outputs.every((f) => existsSync(f))) return false;
  return Math.min(...outputs.map((f) => statSync(f).mtimeMs)) > inputsMtime;
}

function webpack(outDir: string): Promise<void> {
  // `npx webpack --mode production`, without npx's start-up and warnings.
  const cli = join(ROOT, 'node_modules/webpack-cli/bin/cli.js');
  return new Promise((ok, fail) => {
    execFile(
      process.execPath,
      [cli, '--mode', 'production', '--output-path', outDir],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`e2e: the production build failed (webpack --mode production --output-path ${outDir}):\n${stdout}\n${stderr}`));
        else ok();
      },
    );
  });
}

async function ensureBuild(): Promise<string> {
  const inputsMtime = Math.max(...INPUTS.map((p) => newestMtime(join(ROOT, p))));
  const force = process.env.E2E_REBUILD === '1';
  if (!force && isFresh(DIST, inputsMtime)) return DIST;
  if (!force && isFresh(OWN_BUILD, inputsMtime)) return OWN_BUILD;
  rmSync(OWN_BUILD, { recursive: true, force: true });
  mkdirSync(OWN_BUILD, { recursive: true });
  await webpack(OWN_BUILD);
  const missing = OUTPUTS.filter((f) => !existsSync(join(OWN_BUILD, f)));
  if (missing.length > 0) throw new Error(`e2e: the build in ${OWN_BUILD} lacks ${missing.join(', ')}`);
  return OWN_BUILD;
}

async function bundleStub(dir: string): Promise<string> {
  const outfile = join(dir, 'office-stub.js');
  await build({
    entryPoints: [join(ROOT, 'tests/e2e/officeStub.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** Screenshots of an earlier run (e2e-*.png) would pass for this run's: remove them. */
function clearOldScreenshots(): void {
  const dir = join(ROOT, 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (/^e2e-.*\.png$/.test(f)) rmSync(join(dir, f), { force: true });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  clearOldScreenshots();
  const tmp = mkdtempSync(join(tmpdir(), 'kpi-e2e-stub-'));
  const [distDir, stubFile] = await Promise.all([ensureBuild(), bundleStub(tmp)]);
  const server = await startStaticServer(distDir);
  project.provide('e2eBaseUrl', server.url);
  project.provide('e2eStubFile', stubFile);
  project.provide('e2eDistDir', distDir);
  return async () => {
    await server.close();
    rmSync(tmp, { recursive: true, force: true });
  };
}

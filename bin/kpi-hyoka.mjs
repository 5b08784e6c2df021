#!/usr/bin/env node
// The command `kpi-hyoka` (and `npm run evaluate`): runs the command line built to plain
// JavaScript in dist-cli/. In a checkout with the sources, the build is made (or made
// again) here when it is missing or older than a source file, so an edit is never run
// stale; `npm ci` builds it through the `prepare` script.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist-cli', 'main.js');

/** Newest modification time of the sources the command is built from (0 when absent). */
function newestSource(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  // Every folder the command's bundle takes code from (src/excel: its pure XML payload modules).
  return ['cli', 'core', 'xlsx', 'report', 'excel'].some((d) => newestSource(join(root, 'src', d)) > builtAt);
}

if (stale() && existsSync(join(root, 'scripts', 'build-cli.mjs'))) {
  const { buildCli } = await import(pathToFileURL(join(root, 'scripts', 'build-cli.mjs')).href);
  await buildCli();
}
const { main } = await import(pathToFileURL(built).href);
await main(process.argv.slice(2));

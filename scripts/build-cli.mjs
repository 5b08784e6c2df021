// Builds the command line to plain JavaScript (dist-cli/), so a run starts Node on a
// ready file instead of transpiling TypeScript with tsx first. Run by npm's `prepare`
// (so `npm ci` builds it) and by bin/kpi-hyoka.mjs when the build is missing or older
// than the sources. esbuild bundles our own modules into one file per entry and leaves
// every npm package external (they are resolved from node_modules at run time).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCli() {
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
    outdir: 'dist-cli',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await buildCli();

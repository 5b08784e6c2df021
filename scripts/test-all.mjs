// `npm test`: type check, lint (ESLint with zero warnings, and no dead exports), unit and
// integration tests, the production build, then the browser tests against that build
// (tests/e2e/globalSetup.ts reuses dist/ while it is fresh). Ends with the line
// "N passed, M failed" (vitest's own closing line is not one CI recognises) and exits
// non-zero if anything failed. A step that fails counts as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const outDir = 'test-artifacts';
mkdirSync(outDir, { recursive: true });
let passed = 0;
let failed = 0;
let ok = true;

function run(label, cmd, args) {
  process.stdout.write(`\n── ${label} ──\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) ok = false;
  return r.status === 0;
}

function vitest(label, config, reportName) {
  const report = join(outDir, reportName);
  run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) {
    failed += 1; // the runner itself failed before reporting
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  if (json.numTotalTests === 0) ok = false; // a suite that ran nothing is a failure, not a pass
}

if (!run('type check (tsc --noEmit)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) failed += 1;
if (!run('lint (eslint --max-warnings 0, unused exports)', 'npm', ['run', '--silent', 'lint'])) failed += 1;
vitest('unit and integration tests', 'vitest.config.ts', 'vitest-unit.json');
const built = run('production build (webpack --mode production)', 'npx', ['webpack', '--mode', 'production']);
if (!built) failed += 1;
const hasE2e = existsSync('tests/e2e') && readdirSync('tests/e2e').some((f) => f.endsWith('.test.ts'));
// Without a build there is nothing to test in the browser: said as a failure above, not built again.
if (hasE2e && built) vitest('browser tests (headless Chromium)', 'vitest.e2e.config.ts', 'vitest-e2e.json');

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);

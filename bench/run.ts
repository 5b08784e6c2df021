/**
 * `npm run bench`: speed and memory, measured (never asserted by tests: the
 * machines are shared and noisy). Prints a Markdown report; the README quotes it.
 */
import { cpus, totalmem } from 'node:os';
import { benchAdapter } from './adapter';
import { benchBundles } from './bundle';
import { benchCli } from './cli';
import { benchEngine } from './engine';
import { benchFunctions } from './functions';

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const kb = (b: number) => (b / 1024).toFixed(0);
const s = (x: number) => x.toFixed(2);
const line = (...cells: (string | number)[]) => console.log(`| ${cells.join(' | ')} |`);

console.log(`# Benchmarks — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${mb(totalmem())} MB\n`);

const engine = await benchEngine();
console.log('## Engine (detection + parsing + grading, in-memory grids)\n');
line('KPIs', 'sheets', 'seconds', 'KPIs/s', 'detect+parse s', 'grade s', 'every reason worded s', 'KPIs/s with every reason', 'peak RSS MB');
line('---', '---', '---', '---', '---', '---', '---', '---', '---');
const withReasons = engine.kpis / (engine.seconds + engine.reasonsSeconds);
line(
  engine.kpis,
  engine.sheets,
  s(engine.seconds),
  Math.round(engine.kpisPerSecond).toLocaleString('en-US'),
  s(engine.detectSeconds),
  s(engine.gradeSeconds),
  s(engine.reasonsSeconds),
  Math.round(withReasons).toLocaleString('en-US'),
  engine.peakRssMB.toFixed(0),
);

const cli = await benchCli();
console.log('\n## Command line, end to end (one process, generated .xlsx)\n');
line('KPIs', 'file KB', 'evaluate s', 'evaluate + --out s', 'exit');
line('---', '---', '---', '---', '---');
line(cli.kpis, kb(cli.fileBytes), s(cli.seconds), s(cli.secondsWithOut), String(cli.exitCode));

const adapter = await benchAdapter();
console.log('\n## Add-in path on the workbook double (10,000 KPIs, 10 sheets)\n');
line('step', 'syncs', 'seconds');
line('---', '---', '---');
line('read every sheet', adapter.readSyncs, s(adapter.readSeconds));
line('evaluate + plan', 0, s(adapter.evaluateSeconds));
line(`write ${adapter.cellsWritten} grades + rules + undo snapshot`, adapter.writeSyncs, s(adapter.writeSeconds));
line('undo', adapter.undoSyncs, s(adapter.undoSeconds));
line('read every sheet again (same pane)', adapter.rereadSyncs, s(adapter.rereadSeconds));
console.log(`\nLargest request: ${kb(adapter.largestRequestBytes)} KB (Excel on the web's limit: 5 MB).`);
console.log(
  `Read: ${adapter.readSyncs} syncs, ${kb(adapter.readResponseBytes)} KB of responses (the largest ${kb(adapter.largestReadResponseBytes)} KB), ` +
    `${(adapter.readResponseBytes / adapter.kpis / 1024).toFixed(2)} KB per KPI (${Math.round(adapter.readResponseBytes / adapter.kpis)} bytes); ` +
    `up to ${adapter.maxMergesPerSheet} merged areas on one sheet (Excel looks up at most 512 at a time).`,
);

const bundles = benchBundles();
console.log('\n## Bundles (production build)\n');
line('file', 'KB', 'gzip KB');
line('---', '---', '---');
for (const b of bundles) line(b.file, kb(b.bytes), kb(b.gzipBytes));

const fns = await benchFunctions();
console.log('\n## Custom functions (10,000 calls each on ledger text)\n');
line('function', 'µs per call');
line('---', '---');
for (const f of fns) line(f.name, f.usPerCall.toFixed(1));

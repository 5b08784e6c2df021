/**
 * The command line grades with a city's scale by --preset and by --rule (a rule file in the
 * shape the pane saves), with the same engine as the other doors. Figures from the sample
 * ledger (柏崎市 H29), worked by hand; t = (2017 − 2014)/(2019 − 2014) = 0.6.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/cli/jsonReport';
import { runCli } from '../../src/cli/run';
import { BUILTIN_PRESETS, copyPreset } from '../../src/core/presets';

const SAMPLE = 'samples/kashiwazaki-H29-ledger.xlsx';

async function report(args: string[]): Promise<JsonReport> {
  let stdout = '';
  await runCli([SAMPLE, ...args, '--json'], { stdout: (s) => (stdout += s), stderr: () => undefined });
  return JSON.parse(stdout) as JsonReport;
}

const kpi = (r: JsonReport, key: string) => r.tables.flatMap((t) => t.kpis).find((k) => k.name.includes(key))!;

describe('city scales through the command line', () => {
  it('--preset fukuoka: 婚姻の割合 is a survey item by its name and unit; a fall of 1.4 points is 現状維持', async () => {
    const r = await report(['--preset', 'fukuoka']);
    expect(r.preset).toBe('fukuoka');
    const k = kpi(r, '婚姻の割合'); // 54.9% → 53.5%: |−1.4| < 3 → b
    expect(k.grade).toBe('b');
    expect(k.reason).toContain('「割合」から調査項目と判断');
    expect(kpi(r, '全国魅力度ランキング').grade).toBe('c'); // rank 440 → 660: worse than the start
  });

  it('--preset tama: 20 % a year; 市内大学 just misses ②', async () => {
    const r = await report(['--preset', 'tama']);
    // 13.0 → 13.7 of 15.0: p = 0.7/2.0 = 0.35; 3 years × 20 % = 0.6 expected; ② needs 0.6 × 0.6 = 0.36
    expect(kpi(r, '／市内大学').grade).toBe('③');
    // 59.0 → 60.5 of 61.0: p = 0.75 ≥ 0.6 → ①
    expect(kpi(r, '／市内高校').grade).toBe('①');
  });

  it('--rule: a copy of a scale saved as a file, here with a 1-point band', async () => {
    const rule = copyPreset(BUILTIN_PRESETS.fukuoka, 'fukuoka-custom', '福岡市（1ポイント）');
    const dir = mkdtempSync(join(tmpdir(), 'kpi-scale-'));
    const file = join(dir, 'rule.json');
    writeFileSync(file, JSON.stringify({ ...rule, survey: { ...rule.survey!, points: 1 } }));
    const r = await report(['--rule', file]);
    expect(r.preset).toBe('fukuoka-custom');
    expect(kpi(r, '婚姻の割合').grade).toBe('c'); // |−1.4| ≥ 1: a fall, d > 0
  });
});

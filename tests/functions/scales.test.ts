/**
 * =KPI.GRADE with a city's own scale: the preset by id or by the name the pane shows, the
 * indicator's name for the survey band, codes in the workbook's width, relational targets.
 * Years H26 → H29 of H31: t = 3/5 = 0.6.
 */
import './customFunctionsGlobal';
import { afterEach, describe, expect, it } from 'vitest';
import { grade } from '../../src/functions/functions';
import { refreshWorkbookRule } from '../../src/functions/ruleProvider';
import { only } from './helpers';

const one = (v: unknown): unknown[][] => [[v]];
const g = async (b: string, c: string, t: string, preset: string, name?: string) =>
  only(await grade(one(b), one(c), one(t), one('H26'), one('H29'), one('H31'), one(preset), name === undefined ? undefined : one(name)));

afterEach(() => refreshWorkbookRule({ gradeStyle: 'full' }));

describe('KPI.GRADE with a city scale', () => {
  it('福岡市: the band needs the indicator name; without it a fall of 2 points is c', async () => {
    // 50.0% → 48.0%: |−2| < 3 for a survey item → ｂ; otherwise a fall → ｃ
    expect(await g('50.0%', '48.0%', '60.0%', 'fukuoka', '市民の満足度')).toBe('ｂ');
    expect(await g('50.0%', '48.0%', '60.0%', 'fukuoka')).toBe('ｃ');
  });
  it('多摩市 by the name the pane shows, 20 % a year: 3 years expect 60 %', async () => {
    // 100 → 136 of 200: p = 0.36 ≥ 0.6 × 0.6 = 0.36 → ②
    expect(await g('100件', '136件', '200件', '多摩市 年20%進捗（①・②・③）')).toBe('②');
  });
  it('日本再興戦略: N without data; half-width when the workbook writes half-width', async () => {
    expect(await g('40', '－', '50', 'saiko')).toBe('Ｎ');
    refreshWorkbookRule({ gradeStyle: 'half' });
    expect(await g('40', '46', '50', 'saiko')).toBe('A'); // p = 0.6 = t
  });
  it('a relational target is graded against the baseline', async () => {
    expect(await g('50.0%', '52.0%', '基準値を上回る', 'standard')).toBe('Ｓ'); // 52 > 50
    expect(await g('100', '99', '増加', 'fukuoka')).toBe('ｃ'); // 99 < 100: worse
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { BUILTIN_PRESETS } from '../../src/core/presets';
import { applyDraft, draftOf, fieldForError, NAN, readThreshold, THRESHOLD_FIELDS } from '../../src/taskpane/state/presetDraft';

const names = { ja: '調整', en: 'Adjusted' };

describe('threshold drafts', () => {
  it('reads numbers as a clerk types them', () => {
    expect(readThreshold('0.5')).toBe(0.5);
    expect(readThreshold('０．５')).toBe(0.5);
    expect(readThreshold(' 1 ')).toBe(1);
    expect(readThreshold('10%')).toBeCloseTo(0.1);
    expect(readThreshold('１０％')).toBeCloseTo(0.1);
    expect(readThreshold('')).toBeUndefined();
    expect(readThreshold('abc')).toBeUndefined();
    expect(readThreshold('1..2')).toBeUndefined();
  });

  it('an unchanged draft is the preset itself; a changed one is a copy with its own id', () => {
    const base = BUILTIN_PRESETS.standard;
    expect(applyDraft(base, draftOf(base), names).preset).toBe(base);
    const r = applyDraft(base, { ...draftOf(base), worse: '0.2' }, names);
    expect(r.edited).toBe(true);
    expect(r.preset?.id).toBe('standard-custom');
    expect(r.preset?.name).toBe('調整');
    expect(r.preset?.nameEn).toBe('Adjusted');
    expect(r.preset?.method === 'standard' && r.preset.thresholds.worse).toBe(0.2);
    expect(base.method === 'standard' && base.thresholds.worse).toBe(0.1);
  });

  it('puts each engine error under its field', () => {
    const base = BUILTIN_PRESETS.standard;
    const r = applyDraft(base, { ...draftOf(base), roughly: '2', worse: '-1' }, names);
    expect(r.preset).toBeUndefined();
    expect(r.fieldErrors.roughly).toMatch(/^しきい値 roughly/);
    expect(r.fieldErrors.worse).toMatch(/worse.*は 0 以上にしてください。/);
    expect(r.generalErrors).toEqual([]);
  });

  it('marks text that is not a number', () => {
    const base = BUILTIN_PRESETS.tassei;
    const r = applyDraft(base, { ...draftOf(base), b: 'x' }, names);
    expect(r.fieldErrors.b).toBe(NAN);
    expect(r.preset).toBeUndefined();
  });

  it('points steps: by path or by the points named in the message', () => {
    const fields = THRESHOLD_FIELDS.points;
    expect(fieldForError('thresholds.steps.3 は 0 以上にしてください。', fields)).toBe('steps.3');
    expect(fieldForError('しきい値 steps は大きい順に並べ、同じ値を含めないでください（5点の 0.95 が 6点の 0.9 以上です）。', fields)).toBe('steps.2');
    const base = BUILTIN_PRESETS.points;
    const draft = { ...draftOf(base), 'steps.2': '0.95' };
    expect(Object.keys(applyDraft(base, draft, names).fieldErrors)).toEqual(['steps.2']);
  });

  it('has fields for every method', () => {
    for (const preset of Object.values(BUILTIN_PRESETS)) {
      if (preset.method === 'scale') continue; // below
      const draft = draftOf(preset);
      expect(Object.keys(draft)).toEqual(THRESHOLD_FIELDS[preset.method].map((f) => f.path));
      expect(Object.values(draft).every((v) => readThreshold(v) !== undefined)).toBe(true);
    }
  });

  it('a city scale: codes, meanings, steps, pace share, band and state codes', () => {
    const fukuoka = draftOf(BUILTIN_PRESETS.fukuoka);
    expect(fukuoka['grades.0.code']).toBe('a');
    expect(fukuoka['steps.0.min']).toBe('1');
    expect(fukuoka['pace.share']).toBe(''); // straight line
    expect(fukuoka['survey.points']).toBe('3');
    expect(draftOf(BUILTIN_PRESETS.tama)['pace.share']).toBe('0.2');
    expect(draftOf(BUILTIN_PRESETS.akiruno)['states.cancelled']).toBe('Y');
  });

  it('a city scale copy: a renamed code is renamed wherever the rule uses it; a band and a yearly pace are set', () => {
    const draft = { ...draftOf(BUILTIN_PRESETS.fukuoka), 'grades.1.code': 'B', 'survey.points': '5', 'pace.share': '25%' };
    const r = applyDraft(BUILTIN_PRESETS.fukuoka, draft, { ja: '福岡市（調整）', en: 'Fukuoka (adjusted)' });
    expect(r.fieldErrors).toEqual({});
    expect(r.preset).toMatchObject({
      id: 'fukuoka-custom',
      otherwise: 'B',
      survey: { points: 5, code: 'B' },
      pace: { kind: 'perYear', share: 0.25 },
    });
    expect(r.preset?.method === 'scale' && r.preset.grades.map((g) => g.code)).toEqual(['a', 'B', 'c', '-']);
  });

  it('a city scale copy changes shape: no band, a yearly pace, KPIs marked as survey items, state codes set or dropped', () => {
    const names = { ja: 'x', en: 'x' };
    // 福岡市 → without its band, 20 % a year
    const a = applyDraft(BUILTIN_PRESETS.fukuoka, { ...draftOf(BUILTIN_PRESETS.fukuoka), 'survey.points': '', 'pace.share': '0.2' }, names);
    expect(a.preset).toMatchObject({ pace: { kind: 'perYear', share: 0.2 } });
    expect(a.preset && 'survey' in a.preset && a.preset.survey).toBeFalsy();
    // 日本再興戦略 → a 2-point band (code: its otherwise, B) for two KPIs the officer marks, 中止 coded N
    const b = applyDraft(
      BUILTIN_PRESETS.saiko,
      { ...draftOf(BUILTIN_PRESETS.saiko), 'survey.points': '2', 'survey.items': '転入者数、 転出者数', 'states.cancelled': 'N' },
      names,
    );
    expect(b.fieldErrors).toEqual({});
    expect(b.preset).toMatchObject({
      survey: { points: 2, code: 'B', recognise: true, items: ['転入者数', '転出者数'] },
      states: { hardToEvaluate: 'N', cancelled: 'N' },
    });
    // あきる野市 → 未着手 no longer coded (graded as no progress), and no grade of its own for 目標達成
    const c = applyDraft(BUILTIN_PRESETS.akiruno, { ...draftOf(BUILTIN_PRESETS.akiruno), 'states.notStarted': '', met: '' }, names);
    expect(c.fieldErrors).toEqual({});
    expect(c.preset?.method === 'scale' && [c.preset.states, c.preset.met]).toEqual([{ done: 'F', cancelled: 'Y', hardToEvaluate: 'Z' }, undefined]);
    // a code the grades do not have is reported beside its field
    const d = applyDraft(BUILTIN_PRESETS.saiko, { ...draftOf(BUILTIN_PRESETS.saiko), 'states.cancelled': 'Q' }, names);
    expect(d.fieldErrors['states.cancelled']).toMatch(/「中止」の記号「Q」が grades にありません/);
  });

  it('a city scale copy: a step asking more than the one above is reported on that step', () => {
    const draft = { ...draftOf(BUILTIN_PRESETS.tama), 'steps.1.min': '1.2' };
    const r = applyDraft(BUILTIN_PRESETS.tama, draft, { ja: 'x', en: 'x' });
    expect(r.preset).toBeUndefined();
    expect(r.fieldErrors['steps.1.min']).toMatch(/段階 2（②）のしきい値 1.2 は段階 1（①）の 1 以下/);
  });
});

import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { BUILTIN_PRESETS, METHOD_GRADES, PresetSchema, copyPreset, getBuiltinPreset, parsePreset } from '../../../src/core/presets';
import type { Preset } from '../../../src/core/types';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** A builtin as plain JSON, as it would come back from workbook settings. */
type JsonObject = Record<string, unknown>;
const json = (id: keyof typeof BUILTIN_PRESETS): JsonObject & { thresholds: JsonObject; labels: JsonObject } =>
  JSON.parse(JSON.stringify(BUILTIN_PRESETS[id]));

function errorsOf(value: unknown): string[] {
  const r = parsePreset(value);
  if (r.ok) throw new Error('expected the preset to be rejected');
  return r.errors;
}

describe('PresetSchema and the Preset type cannot drift apart', () => {
  it('are assignable both ways', () => {
    expectTypeOf<z.output<typeof PresetSchema>>().toExtend<Preset>();
    expectTypeOf<Preset>().toExtend<z.output<typeof PresetSchema>>();
  });
});

describe('BUILTIN_PRESETS', () => {
  it('lists the five methods, then the cities\' own scales, keyed by id', () => {
    expect(Object.keys(BUILTIN_PRESETS)).toEqual(['standard', 'kijun', 'tassei', 'pace', 'points', 'saiko', 'akiruno', 'tama', 'kitsuki', 'fukuoka']);
    for (const [id, p] of Object.entries(BUILTIN_PRESETS)) {
      expect(p.id).toBe(id);
      expect(p.method).toBe(['saiko', 'akiruno', 'tama', 'kitsuki', 'fukuoka'].includes(id) ? 'scale' : id);
    }
  });

  it('carry the thresholds of spec §6', () => {
    expect(BUILTIN_PRESETS.standard.thresholds).toEqual({ met: 1, onPace: 1.0, roughly: 0.5, worse: 0.1 });
    expect(BUILTIN_PRESETS.kijun.thresholds).toEqual({ sameLevel: 0.1 });
    expect(BUILTIN_PRESETS.tassei.thresholds).toEqual({ a: 1.0, b: 0.8, c: 0.5 });
    expect(BUILTIN_PRESETS.pace.thresholds).toEqual({ onPace: 1.0 });
    expect(BUILTIN_PRESETS.points.thresholds).toEqual({ steps: [1.0, 0.9, 0.8, 0.7, 0.6, 0.5] });
  });

  it('name their published source as a fact', () => {
    expect(BUILTIN_PRESETS.standard.source).toBe('柏崎市 まち・ひと・しごと創生総合戦略 進行管理（平成29年度）');
    expect(BUILTIN_PRESETS.kijun.source).toBe('長与町 総合計画 施策評価');
    expect(BUILTIN_PRESETS.tassei.source).toBe('長野県・佐野市・杵築市 ほか');
    expect(BUILTIN_PRESETS.pace.source).toBe('静岡県・信州創生戦略・福岡市（目安値方式）');
    expect(BUILTIN_PRESETS.points.source).toBe('佐野市（達成率の点数化）');
  });

  it('have Japanese and English names', () => {
    for (const p of Object.values(BUILTIN_PRESETS)) {
      expect(p.name).toMatch(JAPANESE);
      expect(p.nameEn).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it("standard uses the seed report's meanings", () => {
    const meanings = Object.fromEntries(Object.entries(BUILTIN_PRESETS.standard.labels).map(([k, v]) => [k, [v.meaning, v.meaningEn]]));
    expect(meanings).toEqual({
      S: ['早い', 'Ahead'],
      A: ['順調', 'On track'],
      B: ['おおむね順調', 'Mostly on track'],
      C: ['やや遅れている', 'Slightly behind'],
      D: ['遅れている', 'Behind'],
      E: ['未着手', 'Not started'],
      '-': ['実施時期未到来', 'Not yet due'],
    });
  });

  it('kijun B means 同水準', () => {
    expect(BUILTIN_PRESETS.kijun.labels.B?.meaning).toBe('同水準');
  });

  it('label exactly the grades their method gives', () => {
    for (const p of Object.values(BUILTIN_PRESETS)) {
      if (p.method !== 'scale') expect(Object.keys(p.labels).sort()).toEqual([...METHOD_GRADES[p.method]].sort());
    }
  });

  it('pass their own schema, also as JSON text', () => {
    for (const p of Object.values(BUILTIN_PRESETS)) {
      expect(parsePreset(JSON.parse(JSON.stringify(p)))).toEqual({ ok: true, preset: p });
      expect(parsePreset(JSON.stringify(p))).toEqual({ ok: true, preset: p });
    }
  });

  it('are frozen: a user edits a copy', () => {
    expect(Object.isFrozen(BUILTIN_PRESETS.standard.thresholds)).toBe(true);
    expect(() => {
      (BUILTIN_PRESETS.standard.thresholds as { worse: number }).worse = 0.5;
    }).toThrow();
  });
});

describe('getBuiltinPreset', () => {
  it('finds by id', () => {
    expect(getBuiltinPreset('tassei')).toBe(BUILTIN_PRESETS.tassei);
  });
  it('is undefined for an unknown id, also for names on Object.prototype', () => {
    expect(getBuiltinPreset('nope')).toBeUndefined();
    expect(getBuiltinPreset('toString')).toBeUndefined();
  });
});

describe('copyPreset', () => {
  it('gives a new id and name, keeps method, thresholds and labels, and says where it came from', () => {
    const copy = copyPreset(BUILTIN_PRESETS.standard, 'standard-copy-1', '柏崎方式（自分用）');
    expect(copy).toMatchObject({ id: 'standard-copy-1', name: '柏崎方式（自分用）', nameEn: '柏崎方式（自分用）', method: 'standard' });
    expect(copy.thresholds).toEqual(BUILTIN_PRESETS.standard.thresholds);
    expect(copy.labels).toEqual(BUILTIN_PRESETS.standard.labels);
    expect(copy.source).toContain('柏崎市');
    expect(copy.source).toContain('利用者作成');
  });
  it('is independent of the original and editable', () => {
    const copy = copyPreset(BUILTIN_PRESETS.points, 'p2', '点数2', 'Points 2');
    expect(copy.nameEn).toBe('Points 2');
    (copy.thresholds as unknown as { steps: number[] }).steps[0] = 1.2;
    expect(BUILTIN_PRESETS.points.thresholds.steps[0]).toBe(1.0);
    expect(parsePreset(copy).ok).toBe(true);
  });
});

describe('parsePreset rejects bad input in Japanese', () => {
  it('not an object', () => {
    expect(errorsOf(42)).toEqual(['評価ルールはオブジェクト（{ … } の形の JSON）で指定してください。']);
    expect(errorsOf(null)[0]).toMatch(JAPANESE);
  });

  it('JSON text that does not parse', () => {
    expect(errorsOf('{ "id": ')).toEqual(['評価ルールを JSON として読み取れません。書式（{ } や " の対応）を確認してください。']);
  });

  it('an unknown method', () => {
    expect(errorsOf({ ...json('standard'), method: 'magic' })).toEqual([
      'method（判定方式）は standard, kijun, tassei, pace, points, scale のいずれかにしてください。',
    ]);
  });

  it('missing and empty fields', () => {
    const { id: _id, ...noId } = json('kijun');
    expect(errorsOf(noId)).toEqual(['id（識別名）がありません。']);
    expect(errorsOf({ ...json('kijun'), name: '  ' })).toEqual(['name（名前）を空にしないでください。']);
  });

  it('a negative or non-numeric threshold', () => {
    const p = json('standard');
    expect(errorsOf({ ...p, thresholds: { ...p.thresholds, worse: -0.1 } })).toEqual([
      'しきい値 worse（Ｄ 悪化の限度）は 0 以上にしてください。',
    ]);
    expect(errorsOf({ ...p, thresholds: { ...p.thresholds, worse: '10%' } })).toEqual([
      'しきい値 worse（Ｄ 悪化の限度）は数値（有限の値）で指定してください。',
    ]);
  });

  it('a non-finite threshold', () => {
    const p = json('pace');
    for (const bad of [Infinity, -Infinity, NaN]) {
      expect(errorsOf({ ...p, thresholds: { onPace: bad } })).toEqual([
        'しきい値 onPace（Ａ 順調・目安値）は数値（有限の値）で指定してください。',
      ]);
    }
  });

  it('standard: roughly above onPace, and met of 0', () => {
    const p = json('standard');
    expect(errorsOf({ ...p, thresholds: { ...p.thresholds, roughly: 1.2 } })).toEqual([
      'しきい値 roughly（Ｂ おおむね順調）は onPace（Ａ 順調）以下にしてください。',
    ]);
    expect(errorsOf({ ...p, thresholds: { ...p.thresholds, met: 0 } })).toEqual([
      'しきい値 met（Ｓ 目標達成）は 0 より大きくしてください（通常は 1）。',
    ]);
  });

  it('standard: roughly equal to onPace is allowed (Ｂ just becomes unreachable)', () => {
    const p = json('standard');
    expect(parsePreset({ ...p, thresholds: { ...p.thresholds, roughly: 1.0 } }).ok).toBe(true);
  });

  it('tassei: a ≥ b ≥ c ≥ 0', () => {
    const p = json('tassei');
    expect(errorsOf({ ...p, thresholds: { a: 0.8, b: 0.9, c: 0.5 } })).toEqual([
      'しきい値 b（Ｂ）は a（Ａ）以下にしてください（a ≥ b ≥ c ≥ 0）。',
    ]);
    expect(errorsOf({ ...p, thresholds: { a: 1, b: 0.5, c: 0.6 } })).toEqual([
      'しきい値 c（Ｃ）は b（Ｂ）以下にしてください（a ≥ b ≥ c ≥ 0）。',
    ]);
    expect(parsePreset({ ...p, thresholds: { a: 1, b: 1, c: 0 } }).ok).toBe(true);
  });

  it('points: six steps, strictly descending', () => {
    const p = json('points');
    expect(errorsOf({ ...p, thresholds: { steps: [1.0, 0.9, 0.9, 0.7, 0.6, 0.5] } })).toEqual([
      'しきい値 steps は大きい順に並べ、同じ値を含めないでください（5点の 0.9 が 6点の 0.9 以上です）。',
    ]);
    expect(errorsOf({ ...p, thresholds: { steps: [1.0, 0.9, 0.8, 0.7, 0.6] } })).toEqual([
      'しきい値 steps（点数の区切り）は 6 個の数値にしてください。',
    ]);
    expect(errorsOf({ ...p, thresholds: { steps: 'high' } })).toEqual([
      'しきい値 steps（点数の区切り）は配列（[ … ]）で指定してください。',
    ]);
  });

  it('labels: every grade of the method needs a meaning; grades it never gives are refused', () => {
    const p = json('tassei');
    const { D: _d, ...withoutD } = p.labels;
    expect(errorsOf({ ...p, labels: withoutD })).toEqual(['labels に評価「D」の意味がありません（tassei では A B C D - を使います）。']);
    expect(errorsOf({ ...p, labels: { ...p.labels, S: { meaning: '早い', meaningEn: 'Ahead' } } })).toEqual([
      '評価「S」は判定方式 tassei では使いません（A B C D - のみ）。',
    ]);
    expect(errorsOf({ ...p, labels: { ...p.labels, Z: { meaning: 'z', meaningEn: 'z' } } })[0]).toContain('使えない評価 Z');
  });

  it('reports every problem at once', () => {
    const p = json('standard');
    const errors = errorsOf({ ...p, name: '', thresholds: { met: 1, onPace: -1, roughly: 'x', worse: 0.1 } });
    expect(errors).toHaveLength(3);
    for (const e of errors) expect(e).toMatch(JAPANESE);
  });
});

describe('parsePreset names the field in words', () => {
  it('a step of the points scale by its position', () => {
    const p = json('points');
    expect(errorsOf({ ...p, thresholds: { steps: [1.0, 0.9, -0.8, 0.7, 0.6, 0.5] } })).toContain(
      'しきい値 steps の 3 番目は 0 以上にしてください。',
    );
  });
  it('a meaning of a grade', () => {
    const p = json('kijun');
    expect(errorsOf({ ...p, labels: { ...p.labels, B: { meaning: '同水準' } } })).toEqual(['labels の評価「B」の英語の意味がありません。']);
  });
});

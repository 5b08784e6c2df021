/**
 * Core words its messages with a small {{name}} formatter; the task pane renders the same
 * bundles through i18next (react-i18next). Every message registered by every door is held here
 * to i18next's own rendering, with any values (braces, "$t(", "$&" included), values given as
 * undefined, numbers, and params left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// Every module that registers a bundle, so that the shared instance holds them all.
import '../../src/cli/combinedText';
import '../../src/cli/history';
import '../../src/cli/historyTable';
import '../../src/cli/messages';
import '../../src/cli/progress';
import '../../src/cli/textReport';
import '../../src/core/consistencyText';
import '../../src/core/explain';
import '../../src/core/history/compare';
import '../../src/core/problems';
import '../../src/excel/errors';
import '../../src/functions/errors';
import '../../src/taskpane/components/history/ChangeFilter';
import '../../src/taskpane/components/history/KpiHistory';
import '../../src/taskpane/i18n';
import { createTranslator, formatMessage, i18nInstance, type Lang, type Params } from '../../src/core/i18n';

const PLACEHOLDER = /{{(.+?)}}/g;

function messages(): { lang: Lang; ns: string; key: string; template: string; names: string[] }[] {
  const out: { lang: Lang; ns: string; key: string; template: string; names: string[] }[] = [];
  const data = i18nInstance().store.data as Record<string, Record<string, Record<string, unknown>>>;
  for (const lang of ['ja', 'en'] as const) {
    for (const [ns, bundle] of Object.entries(data[lang] ?? {})) {
      for (const [key, template] of Object.entries(bundle)) {
        if (typeof template !== 'string') continue;
        out.push({ lang, ns, key, template, names: [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!.trim()))] });
      }
    }
  }
  return out;
}

describe('core messages are written as i18next writes them', () => {
  const all = messages();
  it('every door registered its bundle', () => {
    const namespaces = new Set(all.map((m) => m.ns));
    for (const ns of ['grading', 'problems', 'cli', 'taskpane', 'functions', 'excelHost', 'history']) expect(namespaces).toContain(ns);
    expect(all.length).toBeGreaterThan(500);
  });

  const value = fc.oneof(
    fc.constantFrom('75%', '{{t}}', '$t(plain)', '$&', '{', '}}', '', 'a$', 'Ａ', '「第1節」'),
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constant(undefined),
  );

  it('for every registered message, with any values, some left out', () => {
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.array(fc.tuple(fc.boolean(), value), { minLength: 8, maxLength: 8 }), fc.boolean(), (m, values, withCount) => {
        const params: Params = {};
        m.names.forEach((name, i) => {
          const [given, v] = values[i % values.length]!;
          if (given) params[name] = v;
        });
        // The pane passes counts as `count`, which i18next reads for plurals (the bundles have none).
        if (withCount && !m.names.includes('count')) params.count = 3;
        const expected = i18nInstance().getFixedT(m.lang, m.ns)(m.key, { ...params }) as string;
        expect(formatMessage(m.template, params)).toBe(expected);
      }),
      { numRuns: 5_000 },
    );
  });

  it('each message with every param given, and with none', () => {
    for (const m of all) {
      const t = i18nInstance().getFixedT(m.lang, m.ns);
      const params = Object.fromEntries(m.names.map((n, i) => [n, i % 2 === 0 ? `<${n}>` : i]));
      expect(formatMessage(m.template, params)).toBe(t(m.key, params));
      expect(formatMessage(m.template, undefined)).toBe(t(m.key));
    }
  });

  it('a translator looks its key up in its own bundle', () => {
    const t = createTranslator('i18nTest', { ja: { one: '進捗率 {{p}}（経過 {{ t }}）' }, en: { one: 'Progress {{p}} (elapsed {{ t }})' } });
    expect(t('ja', 'one', { p: '75%', t: '60%' })).toBe('進捗率 75%（経過 60%）');
    expect(t('en', 'one', { p: '75%' })).toBe('Progress 75% (elapsed {{ t }})');
  });
});

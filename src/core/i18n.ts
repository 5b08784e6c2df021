/**
 * Messages in Japanese (default) and English. Each module owns its own bundle of messages
 * (keys typed). Core words them with one small `{{name}}` formatter; the bundles are also
 * registered as i18next namespaces on one shared instance, which the task pane binds React to
 * (react-i18next). The formatter writes what i18next writes for the messages the bundles hold
 * (no plurals, nesting or formats): tests/core/i18n.test.ts holds every registered message to
 * i18next's rendering.
 */
import i18next, { type i18n as I18n } from 'i18next';

export type Lang = 'ja' | 'en';

const instance: I18n = i18next.createInstance();
void instance.init({
  lng: 'ja',
  fallbackLng: 'ja',
  initAsync: false,
  resources: {},
  interpolation: { escapeValue: false },
  returnNull: false,
  // i18next otherwise prints an advert on console.info, which would corrupt `--json` output.
  showSupportNotice: false,
});

export type Bundle<K extends string> = { readonly ja: Record<K, string>; readonly en: Record<K, string> };
export type Params = Record<string, string | number | undefined>;
export type Translator<K extends string> = (lang: Lang, key: K, params?: Params) => string;

/** Registers a bundle under a namespace (for the pane's i18next) and returns a typed translator for it. */
export function createTranslator<K extends string>(namespace: string, bundle: Bundle<K>): Translator<K> {
  instance.addResourceBundle('ja', namespace, bundle.ja, true, true);
  instance.addResourceBundle('en', namespace, bundle.en, true, true);
  return (lang, key, params) => formatMessage(bundle[lang][key] ?? bundle.ja[key] ?? key, params);
}

/** i18next's placeholder: {{name}}, the name trimmed, lazily to the first closing braces. */
const PLACEHOLDER = /{{(.+?)}}/g;
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Fills each {{name}} with params[name] as i18next does: a value given as undefined is '', a
 * number is written by String, and a placeholder without a param stays as written. Values are
 * not read again (a KPI named "{{x}}" or "$t(y)" is written as it is typed).
 */
export function formatMessage(template: string, params: Params | undefined): string {
  if (params === undefined || template.indexOf('{{') < 0) return template;
  return template.replace(PLACEHOLDER, (whole, raw: string) => {
    const name = raw.trim();
    if (!hasOwn.call(params, name)) return whole;
    const v = params[name];
    return v === undefined ? '' : String(v);
  });
}

/** The shared i18next instance (the task pane binds React to it). */
export function i18nInstance(): I18n {
  return instance;
}

/**
 * Messages in Japanese (default) and English. Each module owns its own bundle of
 * messages (keys typed), registered as an i18next namespace: i18next gives us
 * interpolation and plural rules, and the task pane uses the same instance.
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

/** Registers a bundle under a namespace and returns a typed translator for it. */
export function createTranslator<K extends string>(namespace: string, bundle: Bundle<K>): Translator<K> {
  instance.addResourceBundle('ja', namespace, bundle.ja, true, true);
  instance.addResourceBundle('en', namespace, bundle.en, true, true);
  const fixed = { ja: instance.getFixedT('ja', namespace), en: instance.getFixedT('en', namespace) };
  return (lang, key, params) => fixed[lang](key, params ?? {}) as string;
}

/** The shared i18next instance (the task pane binds React to it). */
export function i18nInstance(): I18n {
  return instance;
}

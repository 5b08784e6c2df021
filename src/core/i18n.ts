/**
 * Messages in Japanese (default) and English. Each module owns its own bundle of
 * messages (keys typed), registered as an i18next namespace: i18next gives us
 * interpolation and plural rules, and the task pane uses the same instance.
 */
import i18next, { type i18n as I18n, type TFunction } from 'i18next';

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

/**
 * Registers a bundle under a namespace and returns a typed translator for it.
 *
 * The engine words every grade and problem in both languages, hundreds of thousands of times
 * on a large ledger, and i18next's t() costs tens of microseconds a call (option merging, key
 * resolution, a regex pass). So each message is compiled once into its literal pieces and
 * placeholders and filled by concatenation: the same text i18next gives, the texts still
 * living in the i18next bundles (the task pane reads them there). Anything the compiled form
 * does not cover goes to i18next itself: plurals and other i18next options among the params,
 * nesting ($t(…)), formats, values with braces (i18next would read them as placeholders),
 * messages it cannot resolve, and a message whose compiled form does not reproduce i18next's
 * own rendering when checked at compile time. Bundles added or removed later drop the
 * compiled messages.
 */
export function createTranslator<K extends string>(namespace: string, bundle: Bundle<K>): Translator<K> {
  instance.addResourceBundle('ja', namespace, bundle.ja, true, true);
  instance.addResourceBundle('en', namespace, bundle.en, true, true);
  const fixed = { ja: instance.getFixedT('ja', namespace), en: instance.getFixedT('en', namespace) };
  const slow = (lang: Lang, key: K, params: Params | undefined) => fixed[lang](key, params ?? {}) as string;
  const compiled = { ja: new Map<string, Compiled>(), en: new Map<string, Compiled>() };
  translatorCaches.push(compiled.ja, compiled.en);
  return (lang, key, params) => {
    const cache = compiled[lang];
    if (cache === undefined) return slow(lang, key, params);
    let message = cache.get(key);
    if (message === undefined) {
      message = compile(fixed[lang], lang, namespace, key);
      cache.set(key, message);
    }
    if (message === NOT_COMPILED || !plainOptions()) return slow(lang, key, params);
    const out = render(message, params);
    return out === undefined ? slow(lang, key, params) : out;
  };
}

// ───────────────────────────── compiled messages ─────────────────────────────

/** A message split at its placeholders: literal, name, literal, …, literal. */
class Compiled {
  constructor(
    readonly pieces: readonly string[],
    /** A literal holds "$": the filled message must be checked for "$t(" (nesting). */
    readonly dollar: boolean,
  ) {}
}
const NOT_COMPILED = new Compiled([], false);

const translatorCaches: Map<string, Compiled>[] = [];
const dropCompiled = () => {
  for (const cache of translatorCaches) cache.clear();
};
instance.store.on('added', dropCompiled);
instance.store.on('removed', dropCompiled);

/** i18next's own placeholder pattern ({{name}}, lazily to the first closing braces). */
const PLACEHOLDER = /{{(.+?)}}/g;
const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Params i18next reads as options (plurals, context, defaults …) or fills in itself. */
const I18NEXT_OPTIONS = new Set([
  'count', 'context', 'ordinal', 'replace', 'lng', 'lngs', 'ns', 'keyPrefix', 'defaultValue', 'returnObjects',
  'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'skipInterpolation', 'nest', 'applyPostProcessor',
  'fallbackLng', 'missingInterpolationHandler',
]);
const BRACES = /[{}]/;
const hasOwn = Object.prototype.hasOwnProperty;

function compile(t: TFunction, lang: Lang, namespace: string, key: string): Compiled {
  if (key.includes(':')) return NOT_COMPILED; // i18next would read a namespace
  const template: unknown = instance.getResource(lang, namespace, key);
  if (typeof template !== 'string' || template.includes('$t(') || template.includes('{{-')) return NOT_COMPILED;
  const pieces: string[] = [];
  let from = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1]!.trim();
    if (!SIMPLE_NAME.test(name) || I18NEXT_OPTIONS.has(name)) return NOT_COMPILED;
    pieces.push(template.slice(from, m.index), name);
    from = m.index + m[0].length;
  }
  pieces.push(template.slice(from));
  let dollar = false;
  for (let i = 0; i < pieces.length; i += 2) {
    if (BRACES.test(pieces[i]!)) return NOT_COMPILED;
    if (pieces[i]!.includes('$')) dollar = true;
  }
  // Check against i18next itself: with every placeholder filled by its own name, the two agree.
  const probe: Record<string, string> = {};
  for (let i = 1; i < pieces.length; i += 2) probe[pieces[i]!] = `\u0001${pieces[i]!}\u0001`;
  const message = new Compiled(Object.freeze(pieces), dollar);
  return (t(key, probe) as string) === render(message, probe) ? message : NOT_COMPILED;
}

/**
 * The message with its placeholders filled, or undefined where i18next must decide: a param
 * i18next reads as an option, a placeholder without its param (i18next leaves it as written),
 * a value with braces (i18next may take them for placeholders), or a result that would nest.
 */
function render(message: Compiled, params: Params | undefined): string | undefined {
  const pieces = message.pieces;
  if (params !== undefined) {
    for (const name in params) {
      if (I18NEXT_OPTIONS.has(name) || name.startsWith('defaultValue')) return undefined;
    }
  }
  let out = pieces[0]!;
  let dollar = message.dollar;
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i]!;
    if (params === undefined || !hasOwn.call(params, name)) return undefined;
    const v = params[name];
    // One given as undefined is ''; numbers as i18next writes them ('' + value).
    const text = v === undefined ? '' : typeof v === 'string' ? v : String(v);
    if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) return undefined;
    if (!dollar && text.indexOf('$') >= 0) dollar = true;
    out = out + text + pieces[i + 1]!;
  }
  return dollar && out.includes('$t(') ? undefined : out;
}

/** The instance options the compiled messages assume (the ones set above). */
function plainOptions(): boolean {
  const o = instance.options;
  return o.interpolation?.escapeValue === false && o.interpolation.defaultVariables === undefined && !o.postProcess;
}

/** The shared i18next instance (the task pane binds React to it). */
export function i18nInstance(): I18n {
  return instance;
}

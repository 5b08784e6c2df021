/**
 * Offline checks of the add-in manifest (Microsoft's own validator needs the internet:
 * `npm run validate:online`).
 *
 *   npm run validate                                   checks ./manifest.xml
 *   npm run validate -- dist/manifest.xml --built      a built one, and that every file it names exists
 *   npm run validate -- --base-url https://host/path/  URLs must start with that base
 *                                                      (default: ADDIN_BASE_URL, else https://localhost:3000/)
 *
 * Exits 1 and names every failure in Japanese and English. `checkManifest` is the same
 * check as a function that returns the failures, for tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// jsdom (a devDependency) supplies a namespace-aware, strict XML parser; it ships no types,
// and this is the one constructor used.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { DOMParser: new () => DOMParser } };
};

export const DEFAULT_BASE_URL = 'https://localhost:3000/';

const NS = {
  office: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  ov: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

export interface ManifestFailure {
  /** Stable identifier of the rule, for tests and for searching this file. */
  readonly code: string;
  readonly ja: string;
  readonly en: string;
}

export interface CheckOptions {
  /** Every URL must start with this (https, ending with '/'). Default https://localhost:3000/. */
  readonly baseUrl?: string;
  /** Where a URL's path (after the base) is looked for on disk: the folder that holds assets/. */
  readonly rootDir?: string;
  /** Also require the file behind every URL under the base (for a built dist/). */
  readonly checkAllTargets?: boolean;
}

type ResourceKind = 'image' | 'url' | 'short' | 'long';

const kindName: Record<ResourceKind, { ja: string; en: string }> = {
  image: { ja: '画像 (bt:Images)', en: 'an image (bt:Images)' },
  url: { ja: 'URL (bt:Urls)', en: 'a URL (bt:Urls)' },
  short: { ja: '短い文字列 (bt:ShortStrings)', en: 'a short string (bt:ShortStrings)' },
  long: { ja: '長い文字列 (bt:LongStrings)', en: 'a long string (bt:LongStrings)' },
};

/** Character limits Office applies to resource strings. */
const STRING_LIMIT: Record<'short' | 'long', number> = { short: 125, long: 250 };
const RESID_LIMIT = 32;

interface Resource {
  readonly id: string;
  readonly kind: ResourceKind;
  readonly element: Element;
}

function fail(code: string, ja: string, en: string): ManifestFailure {
  return { code, ja, en };
}

function childrenNS(parent: Element | Document, ns: string, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, localName));
}

/** Direct children with the given local name, in any namespace. */
function directChildren(parent: Element, localName: string): Element[] {
  return Array.from(parent.children).filter((c) => c.localName === localName);
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, 'type');
}

/** The resource kind a reference needs, from the element that carries the resid. */
function expectedKind(el: Element): ResourceKind | undefined {
  switch (el.localName) {
    case 'Image':
      return 'image';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'Runtime':
    case 'LearnMoreUrl':
      return 'url';
    case 'Label':
    case 'Title':
    case 'Namespace':
      return 'short';
    case 'Description':
      return 'long';
    default:
      return undefined;
  }
}

let parser: DOMParser | undefined;

function parseXml(xml: string): Document | string {
  const xmlParser = (parser ??= new new JSDOM('').window.DOMParser());
  const doc = xmlParser.parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) return (error.textContent ?? 'parse error').trim();
  return doc;
}

function readPngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function normaliseBase(baseUrl: string): string {
  return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
}

/** Returns every failure found in `xml`; an empty list means the manifest passed. */
export function checkManifest(xml: string, options: CheckOptions = {}): ManifestFailure[] {
  const baseUrl = normaliseBase(options.baseUrl ?? DEFAULT_BASE_URL);
  const rootDir = options.rootDir ?? process.cwd();
  const failures: ManifestFailure[] = [];

  if (!baseUrl.startsWith('https://')) {
    failures.push(
      fail('base-url-not-https', `基準 URL が https ではありません: ${baseUrl}`, `The base URL is not https: ${baseUrl}`),
    );
  }

  const doc = parseXml(xml);
  if (typeof doc === 'string') {
    failures.push(fail('xml-malformed', `XML として正しくありません: ${doc}`, `The manifest is not well-formed XML: ${doc}`));
    return failures;
  }

  const root = doc.documentElement;
  if (root.localName !== 'OfficeApp' || root.namespaceURI !== NS.office) {
    failures.push(
      fail(
        'root',
        `ルート要素が OfficeApp (${NS.office}) ではありません。`,
        `The root element is not OfficeApp in ${NS.office}.`,
      ),
    );
    return failures;
  }
  if (xsiType(root) !== 'TaskPaneApp') {
    failures.push(fail('root-type', 'OfficeApp の xsi:type が TaskPaneApp ではありません。', 'OfficeApp xsi:type is not TaskPaneApp.'));
  }

  const topText = (name: string): string | undefined => directChildren(root, name)[0]?.textContent?.trim();

  const id = topText('Id');
  if (!id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    failures.push(fail('id', `Id が GUID ではありません: "${id ?? ''}"`, `Id is not a GUID: "${id ?? ''}"`));
  }
  const version = topText('Version');
  if (!version || !/^\d{1,5}(\.\d{1,5}){1,3}$/.test(version)) {
    failures.push(fail('version', `Version の形式が正しくありません: "${version ?? ''}"`, `Version is not n.n[.n[.n]]: "${version ?? ''}"`));
  }
  const locale = topText('DefaultLocale');
  if (locale !== 'ja-JP') {
    failures.push(fail('default-locale', `DefaultLocale が ja-JP ではありません: "${locale ?? ''}"`, `DefaultLocale is not ja-JP: "${locale ?? ''}"`));
  }
  if (!topText('ProviderName')) {
    failures.push(fail('provider-name', 'ProviderName がありません。', 'ProviderName is missing.'));
  }
  for (const name of ['DisplayName', 'Description']) {
    const el = directChildren(root, name)[0];
    if (!el || !el.getAttribute('DefaultValue')) {
      failures.push(fail('text-missing', `${name} の DefaultValue がありません。`, `${name} has no DefaultValue.`));
      continue;
    }
    const en = directChildren(el, 'Override').find((o) => o.getAttribute('Locale') === 'en-US');
    if (!en || !en.getAttribute('Value')) {
      failures.push(fail('override-missing', `${name} に en-US の Override がありません。`, `${name} has no en-US Override.`));
    }
  }

  const hosts = directChildren(root, 'Hosts')[0];
  if (!hosts || !directChildren(hosts, 'Host').some((h) => h.getAttribute('Name') === 'Workbook')) {
    failures.push(fail('host', 'Hosts に Workbook (Excel) がありません。', 'Hosts does not list Workbook (Excel).'));
  }

  const sets = new Map<string, string>();
  const requirements = directChildren(root, 'Requirements')[0];
  for (const setsEl of requirements ? directChildren(requirements, 'Sets') : []) {
    const defaultMin = setsEl.getAttribute('DefaultMinVersion') ?? '1.1';
    for (const set of directChildren(setsEl, 'Set')) {
      sets.set(set.getAttribute('Name') ?? '', set.getAttribute('MinVersion') ?? defaultMin);
    }
  }
  for (const [name, why] of [
    ['SharedRuntime', { ja: '共有ランタイムを使うため', en: 'the add-in runs in a shared runtime' }],
    ['CustomFunctionsRuntime', { ja: 'カスタム関数を提供するため', en: 'the add-in provides custom functions' }],
    ['ExcelApi', { ja: 'Excel API を使うため', en: 'the add-in calls the Excel API' }],
  ] as const) {
    if (!sets.has(name)) {
      failures.push(
        fail('requirement-missing', `Requirements に ${name} がありません（${why.ja}）。`, `Requirements does not list ${name} (${why.en}).`),
      );
    }
  }
  const shared = sets.get('SharedRuntime');
  if (shared !== undefined && shared !== '1.1') {
    failures.push(
      fail('requirement-version', `SharedRuntime は 1.1 を指定してください（現在 ${shared}）。`, `SharedRuntime must be 1.1 (found ${shared}).`),
    );
  }

  const permissions = topText('Permissions');
  if (permissions !== 'ReadWriteDocument') {
    failures.push(
      fail('permissions', `Permissions が ReadWriteDocument ではありません: "${permissions ?? ''}"`, `Permissions is not ReadWriteDocument: "${permissions ?? ''}"`),
    );
  }

  // ---- Resources: defined once, strings within limits and translated.
  const resources = new Map<string, Resource>();
  const resourceGroups: [string, ResourceKind][] = [
    ['Images', 'image'],
    ['Urls', 'url'],
    ['ShortStrings', 'short'],
    ['LongStrings', 'long'],
  ];
  for (const [group, kind] of resourceGroups) {
    for (const groupEl of childrenNS(doc, NS.bt, group)) {
      for (const el of Array.from(groupEl.children)) {
        const rid = el.getAttribute('id') ?? '';
        if (resources.has(rid)) {
          failures.push(fail('resource-duplicate', `リソース ID "${rid}" が重複しています。`, `Resource id "${rid}" is defined twice.`));
        }
        resources.set(rid, { id: rid, kind, element: el });
        if (kind === 'short' || kind === 'long') {
          const limit = STRING_LIMIT[kind];
          const overrides = Array.from(el.children).filter((c) => c.localName === 'Override');
          const values = [el.getAttribute('DefaultValue') ?? '', ...overrides.map((o) => o.getAttribute('Value') ?? '')];
          if (values.some((v) => v.length === 0)) {
            failures.push(fail('string-empty', `文字列 "${rid}" が空です。`, `String "${rid}" is empty.`));
          }
          if (values.some((v) => v.length > limit)) {
            failures.push(
              fail('string-too-long', `文字列 "${rid}" が ${limit} 文字を超えています。`, `String "${rid}" is longer than ${limit} characters.`),
            );
          }
          if (!overrides.some((o) => o.getAttribute('Locale') === 'en-US')) {
            failures.push(fail('override-missing', `文字列 "${rid}" に en-US の Override がありません。`, `String "${rid}" has no en-US Override.`));
          }
        }
      }
    }
  }

  // ---- Every resid refers to a resource of the right kind.
  const references = Array.from(doc.getElementsByTagName('*')).filter((el) => el.hasAttribute('resid'));
  for (const el of references) {
    const rid = el.getAttribute('resid') ?? '';
    if (rid.length > RESID_LIMIT) {
      failures.push(fail('resid-too-long', `resid "${rid}" が ${RESID_LIMIT} 文字を超えています。`, `resid "${rid}" is longer than ${RESID_LIMIT} characters.`));
    }
    const resource = resources.get(rid);
    if (!resource) {
      failures.push(
        fail('resid-undefined', `resid "${rid}" (<${el.localName}>) が Resources に定義されていません。`, `resid "${rid}" (<${el.localName}>) is not defined in Resources.`),
      );
      continue;
    }
    const kind = expectedKind(el);
    if (kind && kind !== resource.kind) {
      failures.push(
        fail(
          'resid-kind',
          `<${el.localName} resid="${rid}"> は${kindName[kind].ja}を指すべきですが、${kindName[resource.kind].ja}です。`,
          `<${el.localName} resid="${rid}"> should name ${kindName[kind].en} but names ${kindName[resource.kind].en}.`,
        ),
      );
    }
  }

  // ---- URLs: https, on the configured host, and the files behind them present.
  const urls: { url: string; where: string; icon: boolean }[] = [];
  const addAttr = (el: Element, attr: string, where: string, icon: boolean): void => {
    const value = el.getAttribute(attr);
    if (value !== null) urls.push({ url: value.trim(), where, icon });
  };
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) {
    for (const el of directChildren(root, name)) {
      const icon = name !== 'SupportUrl';
      addAttr(el, 'DefaultValue', name, icon);
      for (const o of directChildren(el, 'Override')) addAttr(o, 'Value', `${name} (${o.getAttribute('Locale') ?? ''})`, icon);
    }
  }
  for (const settings of directChildren(root, 'DefaultSettings')) {
    for (const el of directChildren(settings, 'SourceLocation')) addAttr(el, 'DefaultValue', 'DefaultSettings/SourceLocation', false);
  }
  for (const resource of resources.values()) {
    if (resource.kind !== 'url' && resource.kind !== 'image') continue;
    const icon = resource.kind === 'image';
    addAttr(resource.element, 'DefaultValue', resource.id, icon);
    for (const o of Array.from(resource.element.children).filter((c) => c.localName === 'Override')) {
      addAttr(o, 'Value', `${resource.id} (${o.getAttribute('Locale') ?? ''})`, icon);
    }
  }

  const baseOrigin = URL.canParse(baseUrl) ? new URL(baseUrl).origin : baseUrl;
  for (const appDomains of directChildren(root, 'AppDomains')) {
    for (const el of directChildren(appDomains, 'AppDomain')) {
      const value = (el.textContent ?? '').trim();
      if (!value.startsWith('https://')) {
        failures.push(fail('url-not-https', `AppDomain "${value}" が https ではありません。`, `AppDomain "${value}" is not https.`));
      } else if (!URL.canParse(value) || new URL(value).origin !== baseOrigin) {
        failures.push(
          fail('url-wrong-host', `AppDomain "${value}" が ${baseOrigin} ではありません。`, `AppDomain "${value}" is not ${baseOrigin}.`),
        );
      }
    }
  }

  for (const { url, where, icon } of urls) {
    if (!URL.canParse(url)) {
      failures.push(fail('url-invalid', `${where}: "${url}" は URL ではありません。`, `${where}: "${url}" is not a URL.`));
      continue;
    }
    if (new URL(url).protocol !== 'https:') {
      failures.push(fail('url-not-https', `${where}: "${url}" が https ではありません。`, `${where}: "${url}" is not https.`));
      continue;
    }
    if (!url.startsWith(baseUrl)) {
      failures.push(
        fail('url-wrong-host', `${where}: "${url}" が ${baseUrl} で始まっていません。`, `${where}: "${url}" does not start with ${baseUrl}.`),
      );
      continue;
    }
    if (!icon && !options.checkAllTargets) continue;
    const relative = decodeURIComponent(new URL(url).pathname.slice(new URL(baseUrl).pathname.length));
    const file = path.join(rootDir, relative);
    if (!existsSync(file)) {
      failures.push(
        icon
          ? fail('icon-missing', `${where}: アイコン ${relative} が ${rootDir} にありません。`, `${where}: icon ${relative} is not in ${rootDir}.`)
          : fail('file-missing', `${where}: ${relative} が ${rootDir} にありません。`, `${where}: ${relative} is not in ${rootDir}.`),
      );
      continue;
    }
    if (icon && !readPngSize(file)) {
      failures.push(fail('icon-not-png', `${where}: ${relative} は PNG ではありません。`, `${where}: ${relative} is not a PNG.`));
    }
  }

  // ---- Icon sizes: <bt:Image size="16" resid="…"> must point at a 16×16 image.
  for (const img of childrenNS(doc, NS.bt, 'Image')) {
    const size = img.getAttribute('size');
    const resource = resources.get(img.getAttribute('resid') ?? '');
    const url = resource?.element.getAttribute('DefaultValue');
    if (!size || !url || !URL.canParse(url) || !url.startsWith(baseUrl)) continue;
    const file = path.join(rootDir, decodeURIComponent(new URL(url).pathname.slice(new URL(baseUrl).pathname.length)));
    const png = existsSync(file) ? readPngSize(file) : undefined;
    if (resource && png && (png.width !== Number(size) || png.height !== Number(size))) {
      failures.push(
        fail(
          'icon-size',
          `${resource.id}: size="${size}" ですが画像は ${png.width}×${png.height} です。`,
          `${resource.id}: size="${size}" but the image is ${png.width}×${png.height}.`,
        ),
      );
    }
  }

  // ---- One shared runtime: the Runtime, the functions' Page, the FunctionFile and every
  // ShowTaskpane action must name the same page, or Excel starts separate runtimes.
  const runtimes = childrenNS(doc, NS.ov, 'Runtime');
  if (runtimes.length !== 1) {
    failures.push(
      fail('shared-runtime', `Runtime がちょうど 1 つではありません（${runtimes.length} 個）。`, `There is not exactly one Runtime (found ${runtimes.length}).`),
    );
  } else {
    const runtime = runtimes[0]!;
    const runtimeId = runtime.getAttribute('resid') ?? '';
    if (runtime.getAttribute('lifetime') !== 'long') {
      failures.push(fail('shared-runtime', 'Runtime の lifetime が long ではありません。', 'The Runtime lifetime is not long.'));
    }
    const mustMatch: { what: string; el: Element | undefined }[] = [];
    for (const ext of childrenNS(doc, NS.ov, 'ExtensionPoint').filter((e) => xsiType(e) === 'CustomFunctions')) {
      const page = directChildren(ext, 'Page')[0];
      mustMatch.push({ what: 'CustomFunctions/Page/SourceLocation', el: page ? directChildren(page, 'SourceLocation')[0] : undefined });
    }
    for (const ff of childrenNS(doc, NS.ov, 'FunctionFile')) mustMatch.push({ what: 'FunctionFile', el: ff });
    for (const action of childrenNS(doc, NS.ov, 'Action').filter((a) => xsiType(a) === 'ShowTaskpane')) {
      mustMatch.push({ what: 'ShowTaskpane/SourceLocation', el: directChildren(action, 'SourceLocation')[0] });
    }
    for (const { what, el } of mustMatch) {
      const rid = el?.getAttribute('resid') ?? '(none)';
      if (rid !== runtimeId) {
        failures.push(
          fail(
            'shared-runtime-mismatch',
            `${what} の resid "${rid}" が Runtime の "${runtimeId}" と違います（共有ランタイムになりません）。`,
            `${what} resid "${rid}" differs from the Runtime's "${runtimeId}" (no shared runtime).`,
          ),
        );
      }
    }
    const runtimeUrl = resources.get(runtimeId)?.element.getAttribute('DefaultValue');
    const defaultPage = directChildren(root, 'DefaultSettings')[0];
    const defaultUrl = defaultPage ? directChildren(defaultPage, 'SourceLocation')[0]?.getAttribute('DefaultValue') : undefined;
    if (runtimeUrl && defaultUrl && runtimeUrl !== defaultUrl) {
      failures.push(
        fail(
          'shared-runtime-mismatch',
          `DefaultSettings の SourceLocation (${defaultUrl}) が Runtime のページ (${runtimeUrl}) と違います。`,
          `DefaultSettings SourceLocation (${defaultUrl}) differs from the Runtime page (${runtimeUrl}).`,
        ),
      );
    }
  }

  return failures;
}

/** Runs `xmllint --noout` when it is installed; undefined when it is not. */
export function xmllint(file: string): ManifestFailure | null | undefined {
  const result = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
  if (result.error) return undefined;
  if (result.status === 0) return null;
  const detail = (result.stderr || result.stdout).trim();
  return fail('xml-malformed', 'xmllint が XML の誤りを報告しました（詳細は次の行）。', `xmllint reported errors:\n${detail}`);
}

/** xmllint when installed (its messages name lines), then every check of `checkManifest`. */
export function checkManifestFile(
  file: string,
  options: CheckOptions = {},
  lint: ManifestFailure | null | undefined = xmllint(file),
): ManifestFailure[] {
  if (lint) return [lint];
  return checkManifest(readFileSync(file, 'utf8'), { rootDir: path.dirname(path.resolve(file)), ...options });
}

function parseArgs(argv: readonly string[]): { file: string; baseUrl: string; built: boolean } {
  let file = 'manifest.xml';
  let baseUrl = process.env.ADDIN_BASE_URL?.trim() || DEFAULT_BASE_URL;
  let built = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--built') built = true;
    else if (arg === '--base-url') baseUrl = argv[++i] ?? baseUrl;
    else if (arg.startsWith('--base-url=')) baseUrl = arg.slice('--base-url='.length);
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: validate-manifest [manifest.xml] [--built] [--base-url https://host/path/]');
      process.exit(0);
    } else file = arg;
  }
  return { file, baseUrl, built };
}

function main(): void {
  const { file, baseUrl, built } = parseArgs(process.argv.slice(2));
  if (!existsSync(file)) {
    console.error(`✖ ${file} がありません / ${file} does not exist`);
    process.exit(1);
  }
  const lint = xmllint(file);
  if (lint === undefined) {
    console.log('xmllint が無いため JS パーサーで検査します（apt-get install libxml2-utils）/ xmllint not found, using the JS parser');
  }
  const failures = checkManifestFile(file, { baseUrl, checkAllTargets: built }, lint);
  if (failures.length === 0) {
    console.log(`✔ ${file}: 問題はありません / no problems (base ${baseUrl}${built ? ', files checked' : ''})`);
    return;
  }
  console.error(`✖ ${file}: ${failures.length} 件の問題 / ${failures.length} problem(s) (base ${baseUrl})`);
  for (const f of failures) {
    console.error(`  [${f.code}] ${f.ja}\n  ${' '.repeat(f.code.length + 2)} ${f.en}`);
  }
  process.exit(1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}

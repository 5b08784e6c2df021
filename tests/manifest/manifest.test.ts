import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkManifest, type ManifestFailure } from '../../scripts/validate-manifest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
const check = (xml: string, baseUrl?: string): ManifestFailure[] =>
  checkManifest(xml, baseUrl === undefined ? { rootDir: root } : { rootDir: root, baseUrl });

/** Replaces exactly one occurrence, so a test cannot silently break nothing. */
function breakOnce(xml: string, from: string, to: string): string {
  const parts = xml.split(from);
  expect(parts.length, `"${from}" occurs once in manifest.xml`).toBe(2);
  return parts.join(to);
}

const codes = (failures: readonly ManifestFailure[]): string[] => failures.map((f) => f.code);

describe('manifest.xml', () => {
  it('passes every offline check', () => {
    expect(check(manifest)).toEqual([]);
  });

  it('keeps the shape the add-in relies on', () => {
    expect(manifest).toContain('<DefaultLocale>ja-JP</DefaultLocale>');
    expect(manifest).toContain('<Set Name="SharedRuntime" MinVersion="1.1"/>');
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="KPI">/);
  });
});

describe('checkManifest on broken copies', () => {
  it('names a resid that Resources does not define', () => {
    const broken = breakOnce(manifest, '<bt:String id="Group.Label"', '<bt:String id="Group.Labels"');
    const failures = check(broken);
    expect(failures.find((f) => f.code === 'resid-undefined' && f.en.includes('"Group.Label"'))).toBeDefined();
  });

  it('names a URL that is not https', () => {
    const broken = breakOnce(
      manifest,
      'id="Functions.Script.Url" DefaultValue="https://localhost:3000/functions.js"',
      'id="Functions.Script.Url" DefaultValue="http://localhost:3000/functions.js"',
    );
    const failures = check(broken);
    expect(failures.find((f) => f.code === 'url-not-https' && f.en.includes('Functions.Script.Url'))).toBeDefined();
  });

  it('names an icon whose file is not in assets/', () => {
    const broken = breakOnce(manifest, 'assets/icon-80.png', 'assets/icon-99.png');
    const failures = check(broken);
    expect(failures.find((f) => f.code === 'icon-missing' && f.en.includes('icon-99.png'))).toBeDefined();
  });

  it('reports all three at once, each in Japanese and English', () => {
    let broken = breakOnce(manifest, '<bt:String id="Group.Label"', '<bt:String id="Group.Labels"');
    broken = breakOnce(broken, '<HighResolutionIconUrl DefaultValue="https://', '<HighResolutionIconUrl DefaultValue="http://');
    broken = breakOnce(broken, 'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"', 'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/missing.png"');
    const failures = check(broken);
    expect(codes(failures)).toEqual(expect.arrayContaining(['resid-undefined', 'url-not-https', 'icon-missing']));
    for (const f of failures) {
      expect(f.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(f.en).toMatch(/^[\x20-\x7e×\n]+$/);
    }
  });

  it('names an icon whose pixel size differs from its size attribute', () => {
    const broken = breakOnce(manifest, 'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-32.png"', 'id="Icon.32x32" DefaultValue="https://localhost:3000/assets/icon-64.png"');
    expect(codes(check(broken))).toContain('icon-size');
  });

  it('names a URL on another host', () => {
    const broken = breakOnce(manifest, '<SupportUrl DefaultValue="https://localhost:3000/help.html"/>', '<SupportUrl DefaultValue="https://example.com/help.html"/>');
    expect(check(broken).find((f) => f.code === 'url-wrong-host' && f.en.startsWith('SupportUrl'))).toBeDefined();
  });

  it('names a resid that points at the wrong kind of resource', () => {
    const broken = breakOnce(manifest, '<Label resid="Group.Label"/>', '<Label resid="OpenPane.Tooltip"/>');
    expect(codes(check(broken))).toContain('resid-kind');
  });

  it('names a string without an en-US override', () => {
    const broken = breakOnce(manifest, '<bt:Override Locale="en-US" Value="KPI grading"/>', '');
    expect(check(broken).find((f) => f.code === 'override-missing' && f.en.includes('Group.Label'))).toBeDefined();
  });

  it('names a page that would leave the shared runtime', () => {
    const broken = breakOnce(manifest, '<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>');
    expect(codes(check(broken))).toContain('shared-runtime-mismatch');
  });

  it('names missing requirements, permission and locale', () => {
    let broken = breakOnce(manifest, '<Set Name="SharedRuntime" MinVersion="1.1"/>', '');
    broken = breakOnce(broken, '<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadDocument</Permissions>');
    broken = breakOnce(broken, '<DefaultLocale>ja-JP</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>');
    const failures = check(broken);
    expect(failures.find((f) => f.code === 'requirement-missing' && f.en.includes('SharedRuntime'))).toBeDefined();
    expect(codes(failures)).toEqual(expect.arrayContaining(['permissions', 'default-locale']));
  });

  it('reports XML that is not well-formed', () => {
    const broken = breakOnce(manifest, '</Hosts>\n  <!--', '</Host>\n  <!--');
    expect(codes(check(broken))).toEqual(['xml-malformed']);
  });
});

describe('the build-time base URL swap', () => {
  it('gives a manifest that passes with the custom base, and fails with the default one', async () => {
    const config = (await import(pathToFileURL(path.join(root, 'webpack.config.js')).href)) as {
      rewriteManifest: (xml: string, baseUrl: string | undefined) => string;
      resolveBaseUrl: (raw: string | undefined) => string | undefined;
    };
    const base = 'https://kpi.example.lg.jp/addin/';
    const rewritten = config.rewriteManifest(manifest, config.resolveBaseUrl(base));
    expect(rewritten).not.toContain('https://localhost');
    expect(check(rewritten, base)).toEqual([]);
    expect(codes(check(rewritten))).toContain('url-wrong-host');
    expect(() => config.resolveBaseUrl('http://kpi.example.lg.jp/addin/')).toThrow(/https/);
    expect(() => config.resolveBaseUrl('https://kpi.example.lg.jp/addin')).toThrow(/\//);
    expect(config.resolveBaseUrl(undefined)).toBeUndefined();
  });
});

/**
 * axe-core in the page: injected from the axe-core package (a dev dependency) and run
 * on the whole document. Only serious and critical violations fail a test; each is
 * reported with its rule id and the first elements concerned, so a failure says what to fix.
 * Where the shared node_modules predates the dependency, a copy installed with
 * `npm install --prefix .tmp/axe axe-core@4.11.0` (gitignored) is used instead.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

function axePath(): string {
  try {
    return createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  } catch (e) {
    const local = join(ROOT, '.tmp/axe/node_modules/axe-core/axe.min.js');
    if (existsSync(local)) return local;
    throw new Error(`axe-core is not installed (npm ci installs it as a dev dependency): ${String(e)}`);
  }
}

/**
 * Tabster's focus guards (<i data-tabster-dummy tabindex="0" aria-hidden="true">, which Fluent's
 * TabList, Toolbar and Accordion put around their items) are focusable and aria-hidden by
 * design: they pass the focus on the moment they get it, and must not be announced. Fluent
 * lists the aria-hidden-focus finding as a known false positive (microsoft/fluentui#25133,
 * #27517 "By Design"); Accessibility Insights suppresses it the same way
 * (microsoft/accessibility-insights-web#7605). Every other aria-hidden-focus node still counts.
 */
function isTabsterGuard(ruleId: string, html: string): boolean {
  return ruleId === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);
}

/** The serious and critical violations on the page now, as "rule-id: help (targets)". */
export async function seriousViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: axePath() });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
    }));
  });
  return violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterGuard(v.id, n.html)) }))
    .filter((v) => (v.impact === 'serious' || v.impact === 'critical') && v.nodes.length > 0)
    .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)} ${n.summary ?? ''}`).join('; ')})`);
}

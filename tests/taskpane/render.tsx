/**
 * Shared set-up for the task pane's tests: what jsdom lacks and Fluent UI needs,
 * small seed-like ledgers, and rendering the App over the in-memory host.
 */
import { fireEvent, render, screen, within, type RenderResult } from '@testing-library/react';
import type { SheetGrid } from '../../src/core/grid';
import { App, type AppProps } from '../../src/taskpane/App';
import { buildGrid } from '../support/gridBuilder';
import { createFakeHost, type FakeHost, type FakeHostOptions } from '../support/fakeHost';

// jsdom has no layout: Fluent's positioning and motion ask for these.
if (typeof window !== 'undefined') {
  window.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  // jsdom's getComputedStyle matches the element against every stylesheet rule, and
  // Fluent inserts thousands of atomic rules: role queries (hidden-ness, names) and
  // the popover positioning then take seconds each. jsdom does no layout, so the
  // cascade adds nothing these tests look at; inline styles are enough. Closed panels
  // and popovers are unmounted rather than hidden with CSS, so nothing hidden matches.
  window.getComputedStyle = ((el: Element) => (el as HTMLElement).style) as typeof window.getComputedStyle;
}

export const HEADER = ['No', '重要業績評価指標（ＫＰＩ）', '当初\n(H26)', '現状\n(H29)', '目標値\n(H31)', '達成状況'];

/**
 * One sheet, one table, like the seed: a target met (Ｓ), a typed Ｂ that the rule
 * makes Ａ (a difference), and an empty grade cell the write fills.
 */
export function seedSheet(name = '第1節'): SheetGrid {
  return buildGrid(name, [
    ['基本的方向１ 雇用対策の強化を図る'],
    HEADER,
    ['1', '女性の就業率（企画政策課）', '63.0％', '69.8％', '65.0%', 'Ｓ'],
    ['2', '市内高校の市内就職率（商業観光課）', '59.0％', '60.5％', '61.0％', 'Ｂ'],
    ['3', '観光入込客数（商業観光課）', '372万人', '356万人', '450万人\n以上', ''],
  ]);
}

/** A Kanazawa-style list: no grade column, one unreadable value. */
export function listSheet(name = '指標一覧'): SheetGrid {
  return buildGrid(name, [
    ['指標名', '基準値\n(R1)', '実績値\n(R5)', '目標値\n(R6)'],
    ['市民満足度', '52.0%', '58.5%', '60.0%'],
    ['自主防災組織の結成率', '78.0%', '調査中です', '90.0%'],
  ]);
}

export function renderPane(
  grids: readonly SheetGrid[] = [seedSheet()],
  options: FakeHostOptions = {},
  props: Partial<AppProps> = {},
): RenderResult & { host: FakeHost } {
  const host = createFakeHost(grids, options);
  const result = render(<App host={host} theme="light" {...props} />);
  return Object.assign(result, { host });
}

/** Clicks 「すべて評価」 and waits for the results. */
export async function evaluateAll(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'すべて評価' }));
  return screen.findByRole('region', { name: '評価結果' }, { timeout: 5000 });
}

/** The KPI rows on screen (attribute lookup: role queries over a large DOM are slow in jsdom). */
export function kpiRows(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-kpi-row]')];
}

/** 元に戻す in the header (the result of a write offers one too). */
export function headerUndo(): HTMLElement {
  return within(screen.getByRole('banner')).getByRole('button', { name: '元に戻す' });
}

/** Selects a filter tab of the results (「すべて」, 「要確認 2」 …) by the start of its name. */
export function selectTab(name: string): HTMLElement {
  const tab = screen.getByRole('tab', { name: new RegExp(`^${name}`) });
  if (tab.getAttribute('aria-selected') !== 'true') fireEvent.click(tab);
  return tab;
}

/** The points to check, under their own tab (「要確認 N」). */
export function problemsRegion(): HTMLElement {
  selectTab('要確認');
  return screen.getByRole('region', { name: /確認が必要な点/ });
}

/** The KPI row whose text includes `name`. */
export function kpiRow(name: string): HTMLElement {
  const rows = kpiRows().filter((r) => r.textContent?.includes(name));
  if (rows.length !== 1) throw new Error(`expected one KPI row for ${name}, found ${rows.length}`);
  return rows[0]!;
}

/**
 * The values `property` gets from the style sheets' rules that match `el` (Griffel's
 * atomic classes), in sheet order. getComputedStyle is stubbed out above, and jsdom
 * does no cascade worth the name, so tests look at the rules themselves.
 */
export function cssValues(el: Element, property: string): string[] {
  const out: string[] = [];
  for (const sheet of [...document.styleSheets]) {
    for (const rule of [...sheet.cssRules]) {
      if (!(rule instanceof CSSStyleRule)) continue;
      let matches = false;
      try {
        matches = el.matches(rule.selectorText);
      } catch {
        // A selector jsdom cannot match (a newer pseudo-class): not ours.
      }
      const value = matches ? rule.style.getPropertyValue(property) : '';
      if (value) out.push(value);
    }
  }
  return out;
}

/** Tooltips on screen: Fluent keeps a description tooltip in the DOM, hidden, while it is closed. */
export function shownTooltips(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[role="tooltip"]')].filter((el) => {
    const display = cssValues(el, 'display');
    return display.length > 0 && display[display.length - 1] !== 'none';
  });
}

// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { darkTheme, lightTheme, officeThemeMode, themeFor } from '../../src/taskpane/theme';

const g = globalThis as { Office?: unknown };
afterEach(() => {
  delete g.Office;
});

describe('theme', () => {
  it('is light when Office is absent', () => {
    expect(officeThemeMode()).toBe('light');
  });

  it('follows Office: isDarkTheme, else the body background', () => {
    g.Office = { context: { officeTheme: { isDarkTheme: true } } };
    expect(officeThemeMode()).toBe('dark');
    g.Office = { context: { officeTheme: { bodyBackgroundColor: '#262626' } } };
    expect(officeThemeMode()).toBe('dark');
    g.Office = { context: { officeTheme: { bodyBackgroundColor: '#FFFFFF' } } };
    expect(officeThemeMode()).toBe('light');
    g.Office = { context: undefined };
    expect(officeThemeMode()).toBe('light');
  });

  it('uses fonts that have Japanese glyphs', () => {
    expect(themeFor('dark')).toBe(darkTheme);
    expect(lightTheme.fontFamilyBase).toMatch(/Yu Gothic UI.*Noto Sans CJK JP/);
  });
});

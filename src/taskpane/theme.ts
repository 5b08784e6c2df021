/**
 * Fluent 2 theme for the pane: light or dark after Office's own theme, with a
 * font stack that renders Japanese with the UI fonts Office uses on each platform
 * (Segoe UI has no kana or kanji; Windows falls back to Yu Gothic UI / Meiryo UI,
 * macOS to Hiragino, Linux to Noto Sans CJK).
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

export type ThemeMode = 'light' | 'dark';

const FONT_STACK =
  '"Segoe UI", "Segoe UI Web (West European)", "Yu Gothic UI", "Meiryo UI", Meiryo, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans CJK JP", "Noto Sans JP", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif';

export const lightTheme: Theme = { ...webLightTheme, fontFamilyBase: FONT_STACK };
export const darkTheme: Theme = { ...webDarkTheme, fontFamilyBase: FONT_STACK };

export function themeFor(mode: ThemeMode): Theme {
  return mode === 'dark' ? darkTheme : lightTheme;
}

/** Relative luminance of "#RRGGBB" (0 black … 1 white); undefined when not a colour. */
function luminance(hex: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex?.trim() ?? '');
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h!, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Office's theme, when Office is there: `isDarkTheme` where the host supports it,
 * else the lightness of the body background. Light when Office is absent (tests,
 * the browser preview) or says nothing.
 */
export function officeThemeMode(): ThemeMode {
  if (typeof Office === 'undefined') return 'light';
  let theme: Office.OfficeTheme | undefined;
  try {
    theme = Office.context?.officeTheme;
  } catch {
    // Office.context throws before Office.onReady in some hosts: the default theme is right then.
    return 'light';
  }
  if (!theme) return 'light';
  if (typeof theme.isDarkTheme === 'boolean') return theme.isDarkTheme ? 'dark' : 'light';
  const l = luminance(theme.bodyBackgroundColor);
  return l !== undefined && l < 0.4 ? 'dark' : 'light';
}

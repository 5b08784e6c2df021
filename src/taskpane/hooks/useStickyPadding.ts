/**
 * Keeps what has the keyboard focus out from under the sticky header and footer
 * (WCAG 2.4.11 Focus Not Obscured): the page's scroll-padding is set to their heights,
 * so a focused control scrolled into view stops above the footer and below the header.
 * The heights change with the text (a confirmation that wraps at 320 px), so they are
 * watched, not fixed in CSS.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** Room kept between a focused control and a sticky bar, in px. */
export const FOCUS_MARGIN = 8;

export function useStickyPadding(header: RefObject<HTMLElement | null>, footer: RefObject<HTMLElement | null>, active: boolean) {
  useLayoutEffect(() => {
    const root = document.documentElement;
    const apply = () => {
      const top = header.current?.offsetHeight ?? 0;
      const bottom = footer.current?.offsetHeight ?? 0;
      root.style.scrollPaddingTop = `${top + FOCUS_MARGIN}px`;
      root.style.scrollPaddingBottom = bottom > 0 ? `${bottom + FOCUS_MARGIN}px` : '';
    };
    apply();
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(apply);
    for (const el of [header.current, footer.current]) if (el) observer?.observe(el);
    return () => {
      observer?.disconnect();
      root.style.scrollPaddingTop = '';
      root.style.scrollPaddingBottom = '';
    };
  }, [header, footer, active]);
}

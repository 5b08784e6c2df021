/**
 * A Fluent tooltip that a click closes and keeps closed while the pointer and the
 * focus stay on the button. Fluent shows a description tooltip on focus, and a click
 * focuses the button: without this, 「すべて評価」's hint (or 「元に戻せる書き込みは
 * ありません」) popped up after the click and stayed over the header and the buttons.
 * `pointerOnly` (e.g. nothing to undo): the hint shows only for a pointer arriving.
 */
import { useCallback, useRef, useState } from 'react';

export function useHeldTooltip(pointerOnly = false) {
  const [visible, setVisible] = useState(false);
  const held = useRef(false);
  const pointerOnlyRef = useRef(pointerOnly);
  pointerOnlyRef.current = pointerOnly;
  const onVisibleChange = useCallback((ev: { type?: string } | undefined, data: { visible: boolean }) => {
    if (data.visible) {
      const pointer = ev?.type === 'pointerenter' || ev?.type === 'mouseenter';
      if (held.current || (pointerOnlyRef.current && !pointer)) return;
    }
    setVisible(data.visible);
  }, []);
  /** Call from the button's onClick. */
  const hold = useCallback(() => {
    held.current = true;
    setVisible(false);
  }, []);
  /** For the button's onPointerLeave and onBlur. */
  const release = useCallback(() => {
    held.current = false;
  }, []);
  return { tooltip: { visible, onVisibleChange }, hold, release };
}

/**
 * 「元に戻す」 in the header. Its hint shows below the button (never over the buttons under
 * the header); a click closes it; with nothing to undo it shows only for a pointer
 * (useHeldTooltip says why). Busy: disabledFocusable keeps the focus where it was.
 */
import { Button, Tooltip } from '@fluentui/react-components';
import { ArrowUndo20Regular } from '@fluentui/react-icons';
import { useT } from '../i18n';
import type { useHeldTooltip } from '../hooks/useHeldTooltip';

export interface UndoButtonProps {
  /** Something can be undone (whether or not the pane is busy now): picks the hint. */
  readonly canUndo: boolean;
  /** Undo can be pressed now. */
  readonly available: boolean;
  readonly tip: ReturnType<typeof useHeldTooltip>;
  readonly onUndo: () => void;
}

export function UndoButton({ canUndo, available, tip, onUndo }: UndoButtonProps) {
  const { t } = useT();
  return (
    <Tooltip
      content={canUndo ? t('undoHint') : t('undoNone')}
      relationship="description"
      withArrow
      positioning={{ position: 'below', align: 'end' }}
      {...tip.tooltip}
    >
      <Button
        appearance="secondary"
        icon={<ArrowUndo20Regular />}
        disabledFocusable={!available}
        onClick={onUndo}
        onPointerLeave={tip.release}
        onBlur={tip.release}
      >
        {t('undo')}
      </Button>
    </Tooltip>
  );
}

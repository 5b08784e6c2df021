/**
 * 「すべて評価」 and 「このシートを評価」. Side by side when they fit, one under the other in a
 * narrow pane: never a two-line label. Busy: disabledFocusable, so the focus stays on the
 * button pressed (Enter) while it grades; a click closes the hint (useHeldTooltip).
 */
import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { DocumentTable20Regular, Play20Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { EvaluationScope } from '../../core/host';
import { useHeldTooltip } from '../hooks/useHeldTooltip';
import { useT, type TaskpaneKey } from '../i18n';

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  actionMain: { flexGrow: 1, flexShrink: 0, flexBasis: 'auto', whiteSpace: 'nowrap' },
});

export interface EvaluateButtonsProps {
  /** The rule on screen is invalid: nothing can be graded with it. */
  readonly disabled: boolean;
  readonly busy: boolean;
  readonly onEvaluate: (scope: EvaluationScope) => void;
}

function EvaluateButton(props: {
  readonly scope: EvaluationScope;
  readonly label: TaskpaneKey;
  readonly hint: TaskpaneKey;
  readonly icon: ReactElement;
  readonly primary?: boolean;
} & EvaluateButtonsProps) {
  const { t } = useT();
  const styles = useStyles();
  const tip = useHeldTooltip();
  return (
    <Tooltip content={t(props.hint)} relationship="description" withArrow positioning="below" {...tip.tooltip}>
      <Button
        className={styles.actionMain}
        {...(props.primary && { appearance: 'primary' as const })}
        icon={props.icon}
        disabled={props.disabled}
        disabledFocusable={props.busy}
        onClick={() => {
          tip.hold();
          props.onEvaluate(props.scope);
        }}
        onPointerLeave={tip.release}
        onBlur={tip.release}
      >
        {t(props.label)}
      </Button>
    </Tooltip>
  );
}

export function EvaluateButtons(props: EvaluateButtonsProps) {
  const styles = useStyles();
  return (
    <div className={styles.actions}>
      <EvaluateButton {...props} scope={{ kind: 'workbook' }} label="evaluateAll" hint="evaluateAllHint" icon={<Play20Regular />} primary />
      <EvaluateButton {...props} scope={{ kind: 'activeSheet' }} label="evaluateSheet" hint="evaluateSheetHint" icon={<DocumentTable20Regular />} />
    </div>
  );
}

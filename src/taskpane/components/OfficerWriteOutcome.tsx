/**
 * What writing the officer's words did, with its own undo: the one message both the row's
 * editor (OfficerWords.tsx) and the add-columns offer (OfficerColumnsOffer.tsx) show.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import type { Lang } from '../i18n';
import type { OfficerOutcome, OfficerWords } from '../state/useOfficerWords';
import { officerText, outcomeMessage } from './officerWordsText';

export function OfficerWriteOutcome({ outcome, words, lang }: { readonly outcome: OfficerOutcome; readonly words: OfficerWords; readonly lang: Lang }) {
  return (
    <MessageBar intent={outcome.kind === 'written' || outcome.kind === 'undone' ? 'success' : 'warning'} layout="multiline" role="status">
      <MessageBarBody>{outcomeMessage(outcome, lang)}</MessageBarBody>
      <MessageBarActions
        containerAction={<Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={officerText(lang, 'dismiss')} onClick={words.dismiss} />}
      >
        {outcome.kind === 'written' && words.canUndo && (
          <Button size="small" disabled={words.busy} onClick={() => void words.undo()}>
            {officerText(lang, 'undo')}
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}

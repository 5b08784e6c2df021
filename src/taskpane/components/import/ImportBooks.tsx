/**
 * 「他のブックから取り込む」 in the pane (#14.3): a button that opens the file picker (.xlsx,
 * several at once), what came in and what did not (each refused file named, with what to
 * do), its own undo 「取り込んだシートを削除」 — which asks first when an imported sheet was
 * changed since — and, once the workbook holds imported sheets and has been graded, the
 * consistency review across the files. Without ExcelApi 1.13 the button is off and says why.
 */
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, tokens, Tooltip } from '@fluentui/react-components';
import { ArrowImport20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useMemo, useRef } from 'react';
import type { Evaluation, Preset } from '../../../core/types';
import type { LedgerHost } from '../../../core/host';
import type { InflateRaw } from '../../../xlsx/bookOutline';
import { useT } from '../../i18n';
import { reviewImported } from '../../state/importReview';
import { useImport } from '../../state/useImport';
import { ConsistencyReviewView } from './ConsistencyReviewView';
import { importT } from './importWords';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  input: { display: 'none' },
});

export interface ImportBooksProps {
  readonly host: LedgerHost;
  /** Another operation is running. */
  readonly disabled: boolean;
  /** Grade the whole workbook again (after sheets came in or went). */
  readonly onChanged: () => void;
  /** The evaluation on screen and its rule, for the review. */
  readonly evaluation?: Evaluation;
  readonly preset?: Preset;
  readonly onSelect: (sheet: string, cell: string) => void;
  /** Tests hand in node:zlib's; the browser's DecompressionStream otherwise. */
  readonly inflateRaw?: InflateRaw;
}

export function ImportBooks({ host, disabled, onChanged, evaluation, preset, onSelect, inflateRaw }: ImportBooksProps) {
  const styles = useStyles();
  const { lang } = useT();
  const w = (key: Parameters<typeof importT>[1], params?: Record<string, string | number>) => importT(lang, key, params);
  const input = useRef<HTMLInputElement>(null);
  const imp = useImport(host, onChanged, inflateRaw);
  const review = useMemo(
    () => (evaluation && preset ? reviewImported(evaluation, imp.batches, importT(lang, 'ownBook'), preset) : undefined),
    [evaluation, preset, imp.batches, lang],
  );
  if (!host.imports) return null;
  const hasImports = imp.batches.some((b) => b.books.some((book) => book.sheets.length > 0));
  const close = <Button appearance="transparent" icon={<Dismiss20Regular />} aria-label={w('dismiss')} onClick={imp.dismiss} />;
  const o = imp.outcome;
  const sheetList = (sheets: readonly string[]) => sheets.map((s) => `「${s}」`).join(w('join'));

  return (
    <section className={styles.section} aria-label={w('section')}>
      <Text size={300} weight="semibold">
        {w('section')}
      </Text>
      <input
        ref={input}
        className={styles.input}
        type="file"
        multiple
        accept=".xlsx"
        data-testid="import-books-input"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = ''; // the same file may be picked again
          void imp.importFiles(files);
        }}
      />
      <div className={styles.row}>
        <Tooltip content={imp.supported ? w('hint') : w('unsupported')} relationship="description" withArrow>
          <Button icon={<ArrowImport20Regular />} disabledFocusable={!imp.supported || imp.busy || disabled} onClick={() => input.current?.click()}>
            {w('button')}
          </Button>
        </Tooltip>
        {hasImports && (
          <Tooltip content={w('removeHint')} relationship="description" withArrow>
            <Button disabledFocusable={imp.busy || disabled} onClick={() => void imp.removeLast(false)}>
              {w('remove')}
            </Button>
          </Tooltip>
        )}
      </div>
      {!imp.supported && <Text size={200}>{w('unsupported')}</Text>}
      {imp.progress && <Spinner size="tiny" label={w('importing', { done: imp.progress.done, total: imp.progress.total })} />}
      {o?.kind === 'imported' && o.books.length > 0 && (
        <MessageBar intent="success" layout="multiline" role="status">
          <MessageBarBody>
            {w('imported', { files: o.books.length, sheets: o.books.reduce((n, b) => n + b.sheets.length, 0) })}
            <ul className={styles.list}>
              {o.books.map((b) => (
                <li key={b.fileName}>
                  {w('importedBook', {
                    file: b.fileName,
                    sheets: b.sheets.map((s) => (s.name === s.source ? `「${s.name}」` : w('renamed', { name: `「${s.name}」`, source: `「${s.source}」` }))).join(w('join')),
                  })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions containerAction={o.failed.length === 0 ? close : undefined} />
        </MessageBar>
      )}
      {o?.kind === 'imported' && o.failed.length > 0 && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{w('failedTitle', { count: o.failed.length })}</MessageBarTitle>
            <ul className={styles.list}>
              {o.failed.map((f, i) => (
                <li key={`${f.fileName}|${i}`}>{lang === 'ja' ? f.message : f.messageEn}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions containerAction={close} />
        </MessageBar>
      )}
      {o?.kind === 'confirmRemove' && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{w('editedTitle')}</MessageBarTitle>
            {w('edited', { sheets: sheetList(o.sheets) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={imp.busy} onClick={() => void imp.removeLast(true)}>
              {w('confirmRemove')}
            </Button>
            <Button size="small" appearance="primary" disabled={imp.busy} onClick={imp.dismiss}>
              {w('keep')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {(o?.kind === 'removed' || o?.kind === 'nothingToRemove') && (
        <MessageBar intent="info" layout="multiline" role="status">
          <MessageBarBody>{o.kind === 'removed' ? w('removed', { sheets: sheetList(o.sheets) }) : w('nothingToRemove')}</MessageBarBody>
          <MessageBarActions containerAction={close} />
        </MessageBar>
      )}
      {o?.kind === 'failed' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{lang === 'ja' ? o.failed.message : o.failed.messageEn}</MessageBarBody>
          <MessageBarActions containerAction={close} />
        </MessageBar>
      )}
      {review && <ConsistencyReviewView review={review} lang={lang} onSelect={onSelect} />}
    </section>
  );
}

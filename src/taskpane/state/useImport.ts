/**
 * Drives 「他のブックから取り込む」 and its undo 「取り込んだシートを削除」 (#14.3). Kept apart from
 * the ledger's machine, like the summary sheet: importing adds sheets of their own and has
 * its own undo. Each file is prepared (checked, outlined, base64) and imported on its own,
 * so a bad file is told by name and the others still come in; after an import or its undo
 * the pane grades the whole workbook again (`onChanged`), so the imported sheets are graded
 * with the rest — or are gone from the results.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../core/i18n';
import type { ImportBatch, ImportedBook, LedgerHost } from '../../core/host';
import type { InflateRaw } from '../../xlsx/bookOutline';
import { importT } from '../components/import/importWords';
import { describeError } from './machine';
import { MAX_IMPORT_BYTES, prepareBook } from './bookFile';
import { officeErrorKind } from './hostErrorKind';

/** A file that did not come in, with the reason in both languages. */
export interface FailedBook {
  readonly fileName: string;
  readonly message: string;
  readonly messageEn: string;
}

export type ImportOutcome =
  | { readonly kind: 'imported'; readonly books: readonly ImportedBook[]; readonly failed: readonly FailedBook[] }
  | { readonly kind: 'removed'; readonly sheets: readonly string[] }
  | { readonly kind: 'nothingToRemove' }
  /** Undo stopped: these sheets changed since the import; the officer is asked. */
  | { readonly kind: 'confirmRemove'; readonly sheets: readonly string[] }
  | { readonly kind: 'failed'; readonly failed: FailedBook };

export interface SheetImport {
  /** The host can import at all (ExcelApi 1.13). */
  readonly supported: boolean;
  readonly busy: boolean;
  readonly progress?: { readonly done: number; readonly total: number };
  readonly outcome?: ImportOutcome;
  /** Every import recorded in the workbook (read at start, after each change). */
  readonly batches: readonly ImportBatch[];
  importFiles(files: readonly File[]): Promise<void>;
  removeLast(evenIfEdited?: boolean): Promise<void>;
  dismiss(): void;
}

const mb = (bytes: number) => (Math.round(bytes / 100_000) / 10).toFixed(1);

function words(key: Parameters<typeof importT>[1], params: Record<string, string | number>): { message: string; messageEn: string } {
  return { message: importT('ja', key, params), messageEn: importT('en', key, params) };
}

/** What Excel's refusal means for this file, in words (never the raw code alone). */
function excelFailure(fileName: string, error: unknown, what: 'excel' | 'remove' | 'load' = 'excel'): FailedBook {
  const kind = officeErrorKind(error);
  const detail = describeError(error);
  const other = what === 'excel' ? 'advice.other' : 'advice.retry';
  const advice = (lang: Lang) =>
    importT(lang, kind === 'tooLarge' ? 'advice.tooLarge' : kind === 'cellEditing' ? 'advice.cellEditing' : kind === 'notAllowed' ? 'advice.notAllowed' : other, { detail });
  return {
    fileName,
    message: importT('ja', `problem.${what}`, { file: fileName, advice: advice('ja') }),
    messageEn: importT('en', `problem.${what}`, { file: fileName, advice: advice('en') }),
  };
}

const newBatchId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function useImport(host: LedgerHost, onChanged: () => void, inflateRaw?: InflateRaw): SheetImport {
  const imports = host.imports;
  const supported = imports?.supported() ?? false;
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>();
  const [batches, setBatches] = useState<readonly ImportBatch[]>([]);

  const reload = useCallback(async () => {
    if (!imports || !supported) return;
    setBatches(await imports.loadImports());
  }, [imports, supported]);

  useEffect(() => {
    // What was imported before (also in an earlier session): undo and the review need it.
    reload().catch((error: unknown) => setOutcome({ kind: 'failed', failed: excelFailure('', error, 'load') }));
  }, [reload]);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (!imports || !supported || files.length === 0) return;
      setBusy(true);
      setOutcome(undefined);
      const batch = newBatchId();
      const books: ImportedBook[] = [];
      const failed: FailedBook[] = [];
      try {
        for (const [i, file] of files.entries()) {
          setProgress({ done: i, total: files.length });
          try {
            const prepared = await prepareBook(file, inflateRaw);
            if (prepared.kind === 'refused') {
              const params = { file: prepared.fileName, size: mb(prepared.size), max: mb(MAX_IMPORT_BYTES) };
              failed.push({ fileName: prepared.fileName, ...words(`problem.${prepared.problem}`, params) });
              continue;
            }
            books.push(await imports.importBook(prepared.book, batch));
          } catch (error) {
            failed.push(excelFailure(file.name, error));
          }
        }
        if (books.length > 0) {
          await reload();
          onChanged();
        }
      } catch (error) {
        // Reading the record after the import failed: the sheets are in; the review waits for the next press.
        failed.push(excelFailure('', error, 'load'));
      } finally {
        setOutcome({ kind: 'imported', books, failed });
        setProgress(undefined);
        setBusy(false);
      }
    },
    [imports, supported, inflateRaw, reload, onChanged],
  );

  const removeLast = useCallback(
    async (evenIfEdited = false) => {
      if (!imports) return;
      setBusy(true);
      try {
        const result = await imports.removeLastImport({ evenIfEdited });
        if (result.kind === 'edited') setOutcome({ kind: 'confirmRemove', sheets: result.sheets });
        else if (result.kind === 'none') setOutcome({ kind: 'nothingToRemove' });
        else {
          setOutcome({ kind: 'removed', sheets: result.sheets });
          await reload();
          onChanged();
        }
      } catch (error) {
        setOutcome({ kind: 'failed', failed: excelFailure('', error, 'remove') });
      } finally {
        setBusy(false);
      }
    },
    [imports, reload, onChanged],
  );

  const dismiss = useCallback(() => setOutcome(undefined), []);
  return { supported, busy, ...(progress && { progress }), ...(outcome && { outcome }), batches, importFiles, removeLast, dismiss };
}

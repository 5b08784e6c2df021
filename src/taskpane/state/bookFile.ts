/**
 * A file the officer picked for 「他のブックから取り込む」, made ready for Excel: read once
 * (FileReader), checked before anything is sent — an .xlsx by name and by content, not too
 * big for one request, its worksheets listed from its own workbook part
 * (src/xlsx/bookOutline.ts) — and turned into base64 for insertWorksheetsFromBase64.
 * A file that fails a check gets the reason, named by the file, and nothing is sent for it.
 */
import type { BookToImport } from '../../core/host';
import type { InflateRaw } from '../../xlsx/bookOutline';
import { XlsxReadError } from '../../xlsx/errors';

/**
 * The largest file sent. Excel on the web refuses a request over 5 MB (the limits page of
 * the Office add-ins docs), and the file travels as base64, 4/3 of its size: 3.5 MB of file
 * is 4.67 MB of request, leaving room for the rest of it.
 */
export const MAX_IMPORT_BYTES = 3_500_000;

export type BookFileProblem = 'notXlsx' | 'tooLarge' | 'encrypted' | 'legacyXls' | 'damaged' | 'noSheets';

export type PreparedBook =
  | { readonly kind: 'ready'; readonly book: BookToImport }
  | { readonly kind: 'refused'; readonly fileName: string; readonly problem: BookFileProblem; readonly size: number };

/** The raw deflate of the browser (Chromium 103+, Safari 16.4+, Edge WebView2). */
export const browserInflateRaw: InflateRaw = async (data) => {
  const stream = new Response(data as BodyInit).body!.pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};

function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}

/** Base64 of the bytes, in chunks (String.fromCharCode takes a limited number of arguments). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

const KIND: Partial<Record<XlsxReadError['problem'], BookFileProblem>> = {
  encrypted: 'encrypted',
  legacyXls: 'legacyXls',
  notZip: 'notXlsx',
};

export async function prepareBook(file: File, inflateRaw: InflateRaw = browserInflateRaw): Promise<PreparedBook> {
  const refused = (problem: BookFileProblem): PreparedBook => ({ kind: 'refused', fileName: file.name, problem, size: file.size });
  if (file.size > MAX_IMPORT_BYTES) return refused('tooLarge');
  const bytes = await readBytes(file);
  let worksheets: readonly string[];
  try {
    // Loaded when a file is picked, not with the pane: the XML parser it brings would count
    // against the pane's first-load budget (tests/build/build.test.ts) for a button seldom pressed.
    const { readBookOutline } = await import(/* webpackChunkName: "book-outline" */ '../../xlsx/bookOutline');
    worksheets = (await readBookOutline(bytes, inflateRaw)).worksheets;
  } catch (error) {
    if (!(error instanceof XlsxReadError)) throw error;
    return refused(KIND[error.problem] ?? 'damaged');
  }
  // A workbook saved under another name (.xlsm, .xlsb renamed …): only .xlsx is offered.
  if (!/\.xlsx$/i.test(file.name)) return refused('notXlsx');
  if (worksheets.length === 0) return refused('noSheets');
  return { kind: 'ready', book: { fileName: file.name, base64: toBase64(bytes), worksheets } };
}

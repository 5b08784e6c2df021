/**
 * Why a file cannot be read as a workbook. The command line turns each kind into
 * its own message for the officer (src/cli/run.ts); `detail` is for developers
 * and tests, never shown alone.
 */
export type XlsxReadProblem =
  /** Not a zip at all (a text file, a PDF, a truncated download). */
  | 'notZip'
  /** A password-to-open workbook: an OLE container holding EncryptionInfo / EncryptedPackage. */
  | 'encrypted'
  /** An OLE container without those: an Excel 97–2003 .xls (or another old Office file). */
  | 'legacyXls'
  /** A zip, but not a spreadsheet (no workbook part): a .docx, a .zip of something else. */
  | 'notWorkbook'
  /** A zip or part that is cut off or malformed. */
  | 'damaged'
  /** Valid, but uses a zip feature this reader does not (zip64, encrypted entries, odd compression). */
  | 'unsupported';

export class XlsxReadError extends Error {
  constructor(
    readonly problem: XlsxReadProblem,
    readonly detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'XlsxReadError';
  }
}

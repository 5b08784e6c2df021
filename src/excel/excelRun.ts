/**
 * Excel.run's shape. The adapter takes it as a parameter so tests can hand in the
 * workbook double's run, and nothing but officeHost.ts touches the global `Excel`.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real one, looked up only when called (the global exists only inside Office). */
export const officeRun: ExcelRun = (batch) => Excel.run(batch);

/** True for an Office.js error (OfficeExtension.Error / RichApi.Error) with this code. */
export function isExcelError(error: unknown, ...codes: string[]): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && codes.includes(code);
}

/** True for any Office.js error: it carries a code from Excel.ErrorCodes. */
export function hasExcelCode(error: unknown): boolean {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

/** The message of anything thrown, for the {{detail}} of a HostError. */
export function errorDetail(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

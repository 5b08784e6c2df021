/**
 * What the test and the page's office.js stub share on `window`. Cast to it
 * (`window as unknown as E2eWindow`) rather than widening the global Window type
 * for the whole project.
 */
import type { WorkbookDoubleHandle } from '../support/workbookDouble';
import type { E2eWorkbook } from './ledgerWorkbook';

export interface E2eProbe {
  /** Excel.run batches started, and still running. */
  runs: number;
  inflight: number;
  /** Ids given to CustomFunctions.associate by functions.js. */
  associated: string[];
}

export interface E2eWindow {
  /** Set by page.addInitScript before any page script runs. */
  __E2E_WORKBOOK__?: E2eWorkbook;
  /** The workbook double behind Excel.run, for assertions. */
  __double?: WorkbookDoubleHandle;
  __e2e?: E2eProbe;
}

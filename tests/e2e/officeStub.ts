/**
 * Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the e2e page
 * (bundled by globalSetup with esbuild: iife, browser). It builds the workbook double from the
 * JSON the test injected, puts Excel / Office / OfficeExtension on window as Excel on the web
 * would, and adds the bits of the custom-functions runtime that functions.js touches when it
 * loads (CustomFunctions.associate, Error, ErrorCode). It runs as a classic script in <head>,
 * before functions.js, commands.js and taskpane.js, exactly where office.js would.
 */
import { CustomFunctionsError, ErrorCode } from '../functions/customFunctionsGlobal';
import { createWorkbookDouble, installOfficeGlobals } from '../support/workbookDouble';
import type { E2eProbe, E2eWindow } from './pageGlobals';

const page = window as unknown as E2eWindow & Record<string, unknown>;
const injected = page.__E2E_WORKBOOK__;
if (!injected) throw new Error('e2e office.js stub: no workbook was injected (window.__E2E_WORKBOOK__ is missing)');

const books = injected.books ?? [];
const double = createWorkbookDouble(injected.sheets, {
  activeSheet: injected.activeSheet,
  // What Excel reads from a picked file: the sheets the test read beforehand with the project's reader.
  readBook: (base64) => {
    const book = books.find((b) => b.base64 === base64);
    if (!book) throw new Error('e2e office.js stub: a file the test did not prepare');
    return book.sheets;
  },
});
for (const { sheet, range, rule } of injected.officerRules) double.addConditionalFormat(sheet, range, rule);
installOfficeGlobals(double, window);

const probe: E2eProbe = { runs: 0, inflight: 0, associated: [] };
const excel = page.Excel as { run: typeof double.run };
const run = double.run;
// Count batches in flight, so the test knows when the pane has finished talking to Excel.
excel.run = async (batch) => {
  probe.runs += 1;
  probe.inflight += 1;
  try {
    return await run(batch);
  } finally {
    probe.inflight -= 1;
  }
};

page.CustomFunctions = {
  associate(idOrMappings: string | Record<string, unknown>): void {
    if (typeof idOrMappings === 'string') probe.associated.push(idOrMappings);
    else probe.associated.push(...Object.keys(idOrMappings));
  },
  Error: CustomFunctionsError,
  ErrorCode,
};

page.__double = double;
page.__e2e = probe;

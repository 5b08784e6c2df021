/**
 * Ribbon commands. The only button (「KPI評価を開く」) is a ShowTaskpane action that Office
 * handles itself, so there are no ExecuteFunction handlers to associate yet. This bundle is
 * loaded by taskpane.html (the shared runtime's FunctionFile) and by commands.html; a future
 * ExecuteFunction handler goes here, registered with Office.actions.associate inside onReady.
 */
export const commandsReady: Promise<Office.HostType | undefined> =
  typeof Office === 'undefined' ? Promise.resolve(undefined) : Office.onReady().then((info) => info.host);

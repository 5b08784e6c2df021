/**
 * The one context through which components reach the workbook: the adapter's
 * LedgerHost. Tests and the browser preview put an in-memory host here; the add-in
 * puts the Office.js one (src/excel/officeHost.ts).
 */
import { createContext, useContext } from 'react';
import type { LedgerHost } from '../core/host';

export const HostContext = createContext<LedgerHost | undefined>(undefined);

export function useHost(): LedgerHost {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost: no LedgerHost; render components inside <App host={…}>');
  return host;
}

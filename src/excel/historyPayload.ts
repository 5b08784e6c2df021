/**
 * The evaluation history as the text of one custom XML part (our namespace, JSON inside), the
 * same form for both doors: the pane's customXmlParts and the command line's package patcher.
 * Pure (no Office.js), so src/xlsx uses it too.
 */
import { parseHistory, type History, type HistoryRead } from '../core/history/model';
import { unwrapXml, wrapInXml } from './xmlPayload';

export const HISTORY_NAMESPACE = 'urn:kpi-ledger-addin:history:v1';
const ROOT = 'kpiHistory';

export function historyToXml(history: History): string {
  return wrapInXml(ROOT, HISTORY_NAMESPACE, { version: '1' }, JSON.stringify(history));
}

/** True when this custom XML part is the history part (root element and namespace). */
export function isHistoryXml(xml: string): boolean {
  const element = unwrapXml(xml);
  return element !== undefined && element.root === ROOT && element.attributes.xmlns === HISTORY_NAMESPACE;
}

export function historyFromXml(xml: string): HistoryRead {
  const element = unwrapXml(xml);
  if (!element || element.root !== ROOT) return { kind: 'invalid', errors: ['評価の履歴の形式が正しくありません。'] };
  let json: unknown;
  try {
    json = JSON.parse(element.text);
  } catch (error) {
    return { kind: 'invalid', errors: [`評価の履歴の JSON を読めません（${(error as Error).message}）。`] };
  }
  const parsed = parseHistory(json);
  return parsed.ok ? { kind: 'ok', history: parsed.history } : { kind: 'invalid', errors: parsed.errors };
}

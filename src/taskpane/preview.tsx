/**
 * Browser preview of the pane without Office: the App over the in-memory host and
 * a seed-like workbook. Used by scripts/preview-taskpane.ts for screenshots.
 * Query: ?lang=en, ?theme=dark, ?size=<number of KPIs> for a large workbook,
 * ?delay=<ms per sheet read>, ?empty=1 for a workbook without a KPI table.
 */
import { createRoot } from 'react-dom/client';
import { createFakeHost } from '../../tests/support/fakeHost';
import { App } from './App';
import { emptyWorkbook, largeWorkbook, sampleWorkbook } from './preview/sampleWorkbook';

const params = new URLSearchParams(window.location.search);
const size = Number(params.get('size') ?? '0');
const grids = params.get('empty') === '1' ? emptyWorkbook() : size > 0 ? largeWorkbook(size) : sampleWorkbook();
const host = createFakeHost(grids, {
  activeSheet: grids[0]?.name,
  readDelayMs: Number(params.get('delay') ?? '120'),
});
// The screenshot harness inspects what the pane asked the host to do.
(window as unknown as { previewHost: typeof host }).previewHost = host;

const container = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
createRoot(container).render(
  <App host={host} theme={params.get('theme') === 'dark' ? 'dark' : 'light'} initialLang={params.get('lang') === 'en' ? 'en' : 'ja'} />,
);

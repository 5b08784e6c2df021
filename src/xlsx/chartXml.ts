/**
 * DrawingML for the summary sheet's charts: a chart part (c:chartSpace) per chart of the layout
 * (core/summarySheet.ts: its グラフのデータ block, series by columns, its slot) and the sheet's
 * drawing part (xdr:wsDr) that places them. Written here by hand because no maintained
 * JavaScript library adds chart parts to an existing package without rebuilding it (see the
 * README, 「集計シート」). Each series refers to the sheet's cells (so the chart follows the
 * sheet) and carries a cache of their values (so a reader that does not recalculate, such as a
 * viewer or openpyxl, shows the same numbers).
 *
 * Element order follows the schema (ECMA-376 Part 1, §21.2): Excel refuses a chart whose
 * children are out of order.
 */
import { cellAddress } from '../core/grid';
import type { SheetBlock, SheetValue, SummaryChart } from '../core/summarySheet';
import { escapeText, escapeXstring } from './xml';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';

/** Japanese text in the charts: the East Asian typeface Excel uses for Japanese by default. */
const EA_FONT = 'ＭＳ Ｐゴシック';

type Cell = (row: number, col: number) => SheetValue;

/** Cells of one column of the sheet, 0-based; the rows need not be adjacent. */
interface SheetCells {
  readonly rows: readonly number[];
  readonly col: number;
}

interface SeriesPlan {
  readonly name: { readonly row: number; readonly col: number };
  readonly values: SheetCells;
  readonly kind: 'bar' | 'line';
  /** "#RRGGBB"; none: the application's own. */
  readonly colour?: string;
}

/** A chart read as Excel reads its data block: header row = series names, left column = categories. */
interface ChartPlan {
  readonly kind: SummaryChart['kind'];
  readonly title: string;
  readonly categories: SheetCells;
  readonly series: readonly SeriesPlan[];
  readonly percent: boolean;
}

const PROGRESS_COLOUR = '#2F5597';
const ELAPSED_COLOUR = '#C00000';

function planOf(chart: SummaryChart, barColours: readonly (string | undefined)[]): ChartPlan {
  const d: SheetBlock = chart.data;
  const rows = Array.from({ length: d.bottom - d.top }, (_, i) => d.top + 1 + i);
  const series: SeriesPlan[] = [];
  for (let col = d.left + 1; col <= d.right; col++) {
    const line = chart.lineColumns.includes(col);
    const i = col - d.left - 1;
    const colour = chart.kind === 'progress' ? (line ? ELAPSED_COLOUR : PROGRESS_COLOUR) : barColours[i];
    series.push({ name: { row: d.top, col }, values: { rows, col }, kind: line ? 'line' : 'bar', ...(colour ? { colour } : {}) });
  }
  return { kind: chart.kind, title: chart.title, categories: { rows, col: d.left }, series, percent: chart.percentColumns.length > 0 };
}

function absolute(row: number, col: number): string {
  return cellAddress(row, col).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
}

/** 'KPI評価集計'!$C$31:$C$35, or a list of areas in parentheses when the rows are not adjacent. */
function cellsFormula(sheet: string, cells: SheetCells): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const areas: string[] = [];
  let i = 0;
  while (i < cells.rows.length) {
    let j = i;
    while (j + 1 < cells.rows.length && cells.rows[j + 1] === cells.rows[j]! + 1) j++;
    const from = absolute(cells.rows[i]!, cells.col);
    areas.push(i === j ? `${quoted}!${from}` : `${quoted}!${from}:${absolute(cells.rows[j]!, cells.col)}`);
    i = j + 1;
  }
  return areas.length === 1 ? areas[0]! : `(${areas.join(',')})`;
}

const text = (v: SheetValue): string => (v === null ? '' : String(v));

function strRef(formula: string, values: readonly SheetValue[]): string {
  const pts = values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXstring(text(v))}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${escapeText(formula)}</c:f><c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(formula: string, values: readonly SheetValue[], format: string): string {
  // An empty cell has no point in the cache: the chart leaves a gap.
  const pts = values.map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : '')).join('');
  return `<c:numRef><c:f>${escapeText(formula)}</c:f><c:numCache><c:formatCode>${escapeText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache></c:numRef>`;
}

function richText(value: string, size: number, bold: boolean): string {
  const b = bold ? ' b="1"' : ' b="0"';
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}><a:ea typeface="${EA_FONT}"/></a:defRPr></a:pPr>` +
    `<a:r><a:rPr lang="ja-JP" altLang="en-US" sz="${size}"${b}><a:ea typeface="${EA_FONT}"/></a:rPr><a:t>${escapeText(value)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

const solid = (colour: string | undefined): string => (colour ? `<a:solidFill><a:srgbClr val="${colour.replace('#', '').toUpperCase()}"/></a:solidFill>` : '');

/** A light outline, so a white (評価不能) or pale segment stays visible. */
const SEGMENT_LINE = '<a:ln w="6350"><a:solidFill><a:srgbClr val="7F7F7F"/></a:solidFill></a:ln>';

const AXIS_TEXT = `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:ea typeface="${EA_FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr>`;

/**
 * The chart part's XML for one chart of the layout; `cell` reads the sheet's values for the
 * caches; `barColours` colour the bar series in order (the grade colours for the grade counts).
 */
export function chartSpaceXml(chart: SummaryChart, sheet: string, cell: Cell, barColours: readonly (string | undefined)[] = []): string {
  const plan = planOf(chart, barColours);
  const catValues = plan.categories.rows.map((r) => cell(r, plan.categories.col));
  const cat = `<c:cat>${strRef(cellsFormula(sheet, plan.categories), catValues)}</c:cat>`;
  const format = plan.percent ? '0%' : '0';
  const series = (kind: 'bar' | 'line') =>
    plan.series
      .map((s, i) => ({ s, i }))
      .filter(({ s }) => s.kind === kind)
      .map(({ s, i }) => {
        const tx = `<c:tx>${strRef(cellsFormula(sheet, { rows: [s.name.row], col: s.name.col }), [cell(s.name.row, s.name.col)])}</c:tx>`;
        const val = `<c:val>${numRef(cellsFormula(sheet, s.values), s.values.rows.map((r) => cell(r, s.values.col)), plan.percent ? '0.0%' : 'General')}</c:val>`;
        const head = `<c:idx val="${i}"/><c:order val="${i}"/>${tx}`;
        if (kind === 'line') {
          const line = `<c:spPr><a:ln w="22225">${solid(s.colour)}</a:ln></c:spPr>`;
          const marker = `<c:marker><c:symbol val="dash"/><c:size val="14"/><c:spPr>${solid(s.colour)}<a:ln>${solid(s.colour)}</a:ln></c:spPr></c:marker>`;
          return `<c:ser>${head}${line}${marker}${cat}${val}<c:smooth val="0"/></c:ser>`;
        }
        // Counts in each segment; zero hidden by the format (a stacked zero would print "0" on a line).
        const labels =
          plan.kind === 'gradeCounts'
            ? '<c:dLbls><c:numFmt formatCode="0;;;" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>'
            : '';
        return `<c:ser>${head}<c:spPr>${solid(s.colour)}${SEGMENT_LINE}</c:spPr><c:invertIfNegative val="0"/>${labels}${cat}${val}</c:ser>`;
      })
      .join('');

  const counts = plan.kind === 'gradeCounts';
  // Grade counts: horizontal bars, first goal on top (category axis reversed, values along the bottom).
  const bar =
    `<c:barChart><c:barDir val="${counts ? 'bar' : 'col'}"/><c:grouping val="${counts ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series('bar')}` +
    `<c:gapWidth val="${counts ? 60 : 80}"/>${counts ? '<c:overlap val="100"/>' : ''}<c:axId val="1001"/><c:axId val="1002"/></c:barChart>`;
  const line = plan.series.some((s) => s.kind === 'line')
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series('line')}<c:marker val="1"/><c:axId val="1001"/><c:axId val="1002"/></c:lineChart>`
    : '';
  const catAx =
    `<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="${counts ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="0"/><c:axPos val="${counts ? 'l' : 'b'}"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>${AXIS_TEXT}` +
    `<c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
  const valTitle = counts ? `<c:title>${richText('指標数', 900, false)}<c:overlay val="0"/></c:title>` : '';
  const valAx =
    `<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${counts ? 'b' : 'l'}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>${valTitle}` +
    `<c:numFmt formatCode="${format}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${AXIS_TEXT}` +
    `<c:crossAx val="1001"/><c:crosses val="${counts ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/>${counts ? '<c:majorUnit val="1"/>' : ''}</c:valAx>`;

  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:lang val="ja-JP"/><c:roundedCorners val="0"/>` +
    `<c:chart><c:title>${richText(plan.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${bar}${line}${catAx}${valAx}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${AXIS_TEXT}</c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:ea typeface="${EA_FONT}"/></a:defRPr></a:pPr><a:endParaRPr lang="ja-JP"/></a:p></c:txPr>` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup orientation="portrait"/></c:printSettings>` +
    `</c:chartSpace>`
  );
}

/** The drawing part placing each chart over its slot (relationship ids in the drawing's rels, in order). */
export function drawingXml(charts: readonly { readonly slot: SheetBlock; readonly relId: string; readonly title: string }[]): string {
  const anchors = charts
    .map(({ slot, relId, title }, i) => {
      // The anchor's end is the cell just past the slot's bottom-right.
      const a = { fromRow: slot.top, fromCol: slot.left, toRow: slot.bottom + 1, toCol: slot.right + 1 };
      const at = (tag: string, row: number, col: number) =>
        `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
      return (
        `<xdr:twoCellAnchor editAs="oneCell">${at('from', a.fromRow, a.fromCol)}${at('to', a.toRow, a.toCol)}` +
        `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="グラフ ${i + 1}" descr="${escapeText(title).replace(/"/g, '&quot;')}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
        `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
        `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}">${anchors}</xdr:wsDr>`;
}

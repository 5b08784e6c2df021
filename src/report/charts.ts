/**
 * The report's charts as inline SVG, drawn by Apache ECharts' server-side renderer
 * (`ssr: true` + `renderToSVGString`): no canvas, no DOM, no browser needed, and the SVG
 * prints sharp at any size. Why ECharts: maintained, renders to an SVG string in Node with
 * no native dependency, and handles stacked bars, reference lines and Japanese text.
 *
 * Fonts: the SVG names the same CJK families as the page, so the browser that shows or prints
 * the report draws the labels with the page's font.
 */
import * as echarts from 'echarts';
import { GRADE_COLOURS } from '../core/colours';
import type { EvaluationSummary, SummaryKpi } from '../core/summary';
import { formatRate } from './format';

export const REPORT_FONT = '"Noto Sans CJK JP", "Noto Sans JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif';

/** A4 portrait with 15 mm margins leaves 180 mm: 680 px at 96 dpi. */
const WIDTH = 680;

/** Colour of a grade with none of its own (－ 実施時期未到来). */
const NO_COLOUR = '#E7E6E6';

function render(option: echarts.EChartsCoreOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: REPORT_FONT, fontSize: 11, color: '#1A1A1A' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The short name of a heading for an axis: 「第１節」, 「基本目標１」 (the text before the first space). */
export function shortHeading(label: string): string {
  const first = label.split(/[\s　]/)[0] ?? label;
  return first.length > 0 && first.length <= 8 ? first : label.slice(0, 8) + '…';
}

/** Grade counts per 基本目標, one stacked horizontal bar each, grades best first. */
export function gradeCountsChart(summary: EvaluationSummary): string {
  const goals = summary.goals;
  const series = summary.grades.map((g) => ({
    name: `${g.text} ${g.meaning}`,
    type: 'bar',
    stack: 'grades',
    barWidth: 22,
    itemStyle: { color: GRADE_COLOURS[g.key]?.fill ?? NO_COLOUR, borderColor: '#FFFFFF', borderWidth: 1 },
    label: {
      show: true,
      color: GRADE_COLOURS[g.key]?.fontColor ?? '#1A1A1A',
      formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : ''),
    },
    data: goals.map((goal) => goal.counts.byGrade[g.key] ?? 0),
  }));
  if (goals.some((g) => g.counts.ungraded > 0)) {
    series.push({
      name: '評価不能',
      type: 'bar',
      stack: 'grades',
      barWidth: 22,
      itemStyle: { color: '#FFFFFF', borderColor: '#7F7F7F', borderWidth: 1 },
      label: { show: true, color: '#1A1A1A', formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
      data: goals.map((goal) => goal.counts.ungraded),
    });
  }
  const height = 70 + goals.length * 36;
  return render(
    {
      legend: { top: 0, left: 'center', itemWidth: 14, itemHeight: 10, textStyle: { fontSize: 10 } },
      grid: { left: 110, right: 20, top: 40, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1, name: '指標数', nameLocation: 'end', nameTextStyle: { fontSize: 10 } },
      yAxis: { type: 'category', inverse: true, data: goals.map((g) => shortHeading(g.label)), axisTick: { show: false } },
      series,
    },
    height,
  );
}

/** Progress beyond these limits is drawn at the limit; the label says the real figure. */
const PROGRESS_AXIS = { min: -100, max: 200 } as const;


/** The KPI's name for an axis: the sub-row's own label when it has one, at most 16 characters. */
function axisName(name: string, index: number): string {
  const own = name.includes('／') ? name.slice(name.lastIndexOf('／') + 1) : name;
  const short = own.length > 16 ? own.slice(0, 15) + '…' : own;
  return `${index + 1}. ${short}`;
}

/**
 * Each KPI of one 基本目標: its 進捗率 as a bar, and its 経過率 (the share of the plan period
 * elapsed: where it should be on a straight line) as a reference mark on the same bar.
 * KPIs with no 進捗率 (no figure yet, no baseline) get no bar, only their name.
 */
export function progressChart(kpis: readonly SummaryKpi[]): string {
  const rows = kpis.map((k, i) => {
    const m = k.evaluated.outcome.measures;
    return { name: axisName(k.evaluated.kpi.name, i), progress: m?.progress, elapsed: m?.progress === undefined ? undefined : m?.elapsed, grade: k.grade };
  });
  const clamp = (v: number) => Math.max(PROGRESS_AXIS.min, Math.min(PROGRESS_AXIS.max, v * 100));
  const height = 60 + rows.length * 30;
  return render(
    {
      legend: { top: 0, left: 'center', data: ['進捗率', '経過率（計画期間の経過）'], textStyle: { fontSize: 10 } },
      grid: { left: 190, right: 50, top: 34, bottom: 24 },
      xAxis: {
        type: 'value',
        min: PROGRESS_AXIS.min,
        max: PROGRESS_AXIS.max,
        interval: 50,
        axisLabel: { formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#E0E0E0' } },
      },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisTick: { show: false }, axisLabel: { fontSize: 10, width: 180, overflow: 'truncate' } },
      series: [
        {
          name: '進捗率',
          type: 'bar',
          barWidth: 14,
          itemStyle: { color: '#2F5597' },
          label: {
            show: true,
            position: 'right',
            fontSize: 10,
            formatter: (p: { dataIndex: number }) => {
              const v = rows[p.dataIndex]!.progress;
              return v === undefined ? '' : formatRate(v);
            },
          },
          data: rows.map((r) =>
            r.progress === undefined ? null : { value: clamp(r.progress), itemStyle: { color: r.progress >= (r.elapsed ?? 1) ? '#2F5597' : '#8FAADC' } },
          ),
          markLine: {
            symbol: 'none',
            silent: true,
            label: { show: false },
            lineStyle: { color: '#1A1A1A', type: 'solid', width: 1 },
            data: [{ xAxis: 0 }, { xAxis: 100 }],
          },
        },
        {
          name: '経過率（計画期間の経過）',
          type: 'scatter',
          symbol: 'rect',
          symbolSize: [3, 22],
          itemStyle: { color: '#C00000' },
          data: rows.map((r) => (r.elapsed === undefined ? null : clamp(r.elapsed))),
          z: 5,
        },
      ],
    },
    height,
  );
}

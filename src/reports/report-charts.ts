/**
 * The report's charts, drawn on the server as SVG by Apache ECharts' server-side renderer
 * (`renderer: 'svg', ssr: true`: no DOM, no canvas, no native module), the same SVG for the PDF
 * (embedded with svg-to-pdfkit) and for the web UI (served by `report.svg?chart=…`, shown as an
 * <img> with a text alternative beside a table of the same figures). Horizontal bars, so agency
 * and stage names read in full; every bar is labelled with its value, so colour is never the only
 * way to tell. With `suppress` (exported files), a count of 1 to 4 is drawn as no bar and labelled
 * "<5": a bar's length would otherwise tell the number.
 */
import * as echarts from 'echarts';
import type { PartnershipReport } from './report-schema.js';
import { isSmall, SUPPRESSED } from './report-sections.js';

export const CHARTS = ['agencies', 'agency-pairs', 'contexts', 'stages', 'deadlines', 'lessons'] as const;
export type ChartId = (typeof CHARTS)[number];

export interface Chart {
  id: ChartId;
  title: string;
  /** A text alternative: what the chart shows, with every value (exact). */
  alt: string;
  svg: string;
}

interface Series {
  name: string;
  colour: string;
  values: number[];
}

interface ChartData {
  title: string;
  categories: string[];
  series: Series[];
}

const BLUE = '#1d70b8';
const RED = '#d4351c';
const GREEN = '#00703c';
const TEXT = '#0b0c0c';
const FONT = 'Helvetica, Arial, sans-serif';
const WIDTH = 640;

/** The data of each chart, from the report. */
function chartData(r: PartnershipReport, id: ChartId): ChartData {
  switch (id) {
    case 'agencies':
      return one(
        'Escalations raised by each agency',
        r.byRaisingAgency.map((a) => [a.name, a.count]),
        'Raised',
      );
    case 'agency-pairs':
      return one(
        'Raising agency to other agency',
        r.byAgencyPair.map((p) => [`${p.raisingAgencyName} to ${p.otherAgencyName}`, p.count]),
        'Raised',
      );
    case 'contexts':
      return one(
        'Escalations by disagreement context (theme)',
        r.byContext.map((c) => [c.label, c.count]),
        'Raised',
      );
    case 'stages':
      return {
        title: 'Stages reached and resolved',
        categories: r.stages.map((s) => s.label),
        series: [
          { name: 'Reached', colour: BLUE, values: r.stages.map((s) => s.reached) },
          {
            name: 'Resolved at this stage',
            colour: GREEN,
            values: r.stages.map((s) => r.resolvedAtStage.find((x) => x.stage === s.stage)?.count ?? 0),
          },
        ],
      };
    case 'deadlines':
      return {
        title: 'Deadlines met and breached, by stage',
        categories: r.deadlines.byStage.map((s) => s.label),
        series: [
          { name: 'Met', colour: BLUE, values: r.deadlines.byStage.map((s) => s.met) },
          { name: 'Breached', colour: RED, values: r.deadlines.byStage.map((s) => s.breached) },
        ],
      };
    case 'lessons':
      return one(
        'Lessons learned, by category',
        r.lessons.byCategory.map((l) => [l.label, l.count]),
        'Lessons',
      );
  }
}

function one(title: string, pairs: [string, number][], name: string): ChartData {
  return {
    title,
    categories: pairs.map((p) => p[0]),
    series: [{ name, colour: BLUE, values: pairs.map((p) => p[1]) }],
  };
}

/** Renders one chart as SVG; `suppress` for exported files. */
export function renderChart(report: PartnershipReport, id: ChartId, suppress: boolean): Chart {
  const data = chartData(report, id);
  const rows = Math.max(data.categories.length, 1);
  const height = 70 + rows * 22 * (data.series.length + 0.4);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption(option(data, suppress));
    return { id, title: data.title, alt: altText(data), svg: chart.renderToSVGString() };
  } finally {
    chart.dispose();
  }
}

function option(data: ChartData, suppress: boolean): echarts.EChartsOption {
  const text = { color: TEXT, fontFamily: FONT, fontSize: 12 };
  return {
    animation: false,
    textStyle: text,
    legend: data.series.length > 1 ? { top: 0, left: 0, textStyle: text } : { show: false },
    grid: { left: 8, right: 48, top: data.series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: text, splitLine: { lineStyle: { color: '#b1b4b6' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.categories,
      axisLabel: { ...text, width: 220, overflow: 'break' },
      axisLine: { lineStyle: { color: TEXT } },
    },
    series: data.series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      itemStyle: { color: s.colour },
      barMaxWidth: 22,
      label: {
        show: true,
        position: 'right' as const,
        color: TEXT,
        fontFamily: FONT,
        fontSize: 12,
        formatter: (p: { data: unknown }) => (p.data as { shown: string }).shown,
      },
      data: s.values.map((v) => point(v, suppress)),
    })),
  };
}

/** A bar: its drawn length and its label. */
function point(value: number, suppress: boolean): { value: number; shown: string } {
  return suppress && isSmall(value) ? { value: 0, shown: SUPPRESSED } : { value, shown: String(value) };
}

function altText(data: ChartData): string {
  const values = data.categories.map(
    (c, i) =>
      `${c}: ${data.series.map((s) => (data.series.length > 1 ? `${s.name.toLowerCase()} ${s.values[i]}` : String(s.values[i]))).join(', ')}`,
  );
  return `Bar chart, ${data.title.toLowerCase()}. ${values.length ? values.join('; ') : 'No data'}.`;
}

/**
 * Charts as inline SVG, drawn once when the report is built, with Apache ECharts'
 * server-side SVG renderer (echarts.init(null, null, { renderer: "svg", ssr: true,
 * width, height }), setOption, renderToSVGString, dispose). Nothing runs when the
 * report is read.
 *
 * The caller passes the ECharts module (the CLI loads it only for `kaohe report`, so
 * other commands start without it); anything with the same `init` works.
 */
import type { GradeCount, PortraitAxis } from "./model.js";
import { wrapLabel } from "./text.js";

/** The part of the ECharts module the report uses. */
export interface ChartLibrary {
  init(dom: null, theme: null, opts: { renderer: "svg"; ssr: true; width: number; height: number }): ChartInstance;
}

export interface ChartInstance {
  setOption(option: object): void;
  renderToSVGString(opts?: { useViewBox?: boolean }): string;
  dispose(): void;
}

/**
 * Font families for charts. Unquoted: ECharts writes them into a style attribute
 * without escaping quotes. Debian (Noto CJK, WenQuanYi) first, then Windows and macOS.
 */
export const CHART_FONTS = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, WenQuanYi Micro Hei, WenQuanYi Zen Hei, Microsoft YaHei, 微软雅黑, PingFang SC, SimSun, 宋体, sans-serif";

const RED = "#b3261e";
const GREY = "#7a7a7a";
const GRADE_COLOURS = ["#b3261e", "#d9822b", "#3b7dd8", "#6b7b8c", "#8c6bb1", "#4f9a94"];

function render(lib: ChartLibrary, width: number, height: number, option: object): string {
  const chart = lib.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONTS }, ...option });
    return tidy(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * Drop what only an interactive page uses: the hover <style> (its class names repeat in
 * every chart, so they would clash in one document), the classes and the hydration
 * metadata. Text content is escaped by ECharts (a quote is &quot;), so these patterns
 * match attributes only.
 */
function tidy(svg: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, "")
    .replace(/\n+/g, "\n");
}

/** The grade distribution: one bar per grade, its count and share on top. */
export function distributionChart(lib: ChartLibrary, grades: readonly GradeCount[]): string {
  return render(lib, 600, 260, {
    grid: { left: 48, right: 24, top: 36, bottom: 36 },
    xAxis: { type: "category", data: grades.map((g) => g.label), axisLabel: { fontSize: 14, color: "#222" }, axisTick: { show: false } },
    yAxis: { type: "value", minInterval: 1, name: "单位数", nameTextStyle: { color: "#555" }, axisLabel: { color: "#555" } },
    series: [
      {
        type: "bar",
        barMaxWidth: 64,
        data: grades.map((g, i) => ({ value: g.count, itemStyle: { color: GRADE_COLOURS[i % GRADE_COLOURS.length] } })),
        label: { show: true, position: "top", fontSize: 13, color: "#222", formatter: (p: { dataIndex: number }) => `${grades[p.dataIndex]!.count}（${grades[p.dataIndex]!.share}）` },
      },
    ],
  });
}

/**
 * The unit's portrait (画像): each part's points as a share of its max, against the
 * cohort's mean share. A radar from three parts up; with one or two parts a radar has
 * no area, so paired bars instead.
 */
export function portraitChart(lib: ChartLibrary, axes: readonly PortraitAxis[], from = 0): string {
  const unit = axes.map((a) => (a.share === null ? "-" : Number(a.share)));
  const average = axes.map((a) => Number(a.average));
  // The legend (本单位 red, 平均 grey dashed) is HTML beside the chart: cheaper than an ECharts legend per sheet.
  if (axes.length >= 3) {
    // Room for labels of up to three lines (7 characters each) above and beside the web.
    return render(lib, 360, 260, {
      radar: {
        center: ["50%", "55%"],
        radius: "60%",
        indicator: axes.map((a) => ({ name: wrapLabel(a.label, 7), max: 100, min: from })),
        axisName: { color: "#333", fontSize: 11, lineHeight: 14 },
        splitNumber: 4,
      },
      series: [
        {
          type: "radar",
          symbol: "none",
          data: [
            { name: "本单位", value: unit, lineStyle: { color: RED, width: 2 }, itemStyle: { color: RED }, areaStyle: { color: RED, opacity: 0.15 } },
            { name: "平均", value: average, lineStyle: { color: GREY, width: 1.5, type: "dashed" }, itemStyle: { color: GREY } },
          ],
        },
      ],
    });
  }
  return render(lib, 360, 60 + 50 * axes.length, {
    grid: { left: 110, right: 48, top: 10, bottom: 30 },
    xAxis: { type: "value", min: from, max: 100, axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", inverse: true, data: axes.map((a) => wrapLabel(a.label, 8)) },
    series: [
      { name: "本单位", type: "bar", data: unit, itemStyle: { color: RED }, label: { show: true, position: "right", formatter: "{c}%" } },
      { name: "平均", type: "bar", data: average, itemStyle: { color: "#bdbdbd" } },
    ],
  });
}

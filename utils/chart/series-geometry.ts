/**
 * Where a series' points sit in a small line chart: time on x (a year's value at mid-year, a
 * month's mid-month, so gaps in the data show as gaps), values on y from zero to a round top,
 * with round ticks. Pure, so the chart component only draws.
 */

export interface ChartBox {
  readonly width: number;
  readonly height: number;
  /** Room for the axis labels. */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

interface PlottedPoint {
  readonly period: string;
  readonly value: number;
  readonly x: number;
  readonly y: number;
}

export interface SeriesGeometry {
  readonly points: readonly PlottedPoint[];
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  readonly xTicks: readonly { readonly label: string; readonly x: number }[];
}

/** A period ("2024", "2024-03") as a fractional year at its middle. */
export function periodYear(period: string): number {
  const [year = Number.NaN, month] = period.split('-').map(Number);
  return month === undefined ? year + 0.5 : year + (month - 0.5) / 12;
}

/** The smallest 1, 2, 2.5 or 5 × 10ⁿ step giving at most `count` steps up to `max`. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0)) return 1;
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough);
  return step ?? 10 * power;
}

/** Years worth labelling: every year if few, otherwise a round stride, always the first and last. */
function yearTicks(first: number, last: number, maxLabels: number): number[] {
  const span = last - first;
  const stride = [1, 2, 5, 10, 20, 50].find((candidate) => span / candidate < maxLabels) ?? 100;
  const ticks: number[] = [];
  for (let year = Math.ceil(first / stride) * stride; year <= last; year += stride) ticks.push(year);
  if (ticks[0] !== first) ticks.unshift(first);
  if (ticks[ticks.length - 1] !== last) ticks.push(last);
  // Labels closer than half a stride would collide: drop the round one next to an end.
  return ticks.filter(
    (year, index) =>
      index === 0 || index === ticks.length - 1 || (year - first >= stride / 2 && last - year >= stride / 2),
  );
}

export function seriesGeometry(
  points: readonly { readonly period: string; readonly value: number }[],
  box: ChartBox,
): SeriesGeometry {
  const sorted = [...points].sort((a, b) => periodYear(a.period) - periodYear(b.period));
  const years = sorted.map((point) => periodYear(point.period));
  const firstYear = Math.floor(Math.min(...years));
  const lastYear = Math.floor(Math.max(...years));
  // The axis runs from the first year's start to the last year's end.
  const from = firstYear;
  const to = lastYear + 1;
  const maxValue = Math.max(0, ...sorted.map((point) => point.value));
  const step = niceStep(maxValue, 4);
  const top = Math.max(step, Math.ceil(maxValue / step) * step);
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const xOf = (year: number) => box.left + ((year - from) / (to - from)) * plotWidth;
  const yOf = (value: number) => box.top + plotHeight - (value / top) * plotHeight;
  const yTicks = [];
  for (let value = 0; value <= top + step / 1000; value += step) yTicks.push({ value, y: yOf(value) });
  return {
    points: sorted.map((point, index) => ({ ...point, x: xOf(years[index] as number), y: yOf(point.value) })),
    yTicks,
    xTicks: yearTicks(firstYear, lastYear, Math.max(2, Math.floor(plotWidth / 44))).map((year) => ({
      label: String(year),
      x: xOf(year + 0.5),
    })),
  };
}

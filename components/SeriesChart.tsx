/**
 * A series (China–Russia trade, crude imports) as a small line chart: SVG, no chart library.
 * Accessible as one image named by its title and described by the caption under it (the range
 * and the highest value, shown to everyone); every value with its
 * sources is in the table under it ("Values and sources"), so each point's source is a link
 * away. Colours come from the theme's variables, so it follows light and dark.
 */
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { type ChartBox, seriesGeometry } from '../utils/chart/series-geometry';
import type { Series } from '../utils/dataset/schema';
import type { UiLocale } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';
import { formatDate, formatNumber } from './format';

const BOX: ChartBox = { width: 360, height: 180, left: 40, right: 12, top: 14, bottom: 24 };

export function SeriesChart({
  series,
  locale,
  sourceLinks,
}: {
  series: Series;
  locale: UiLocale;
  /** The sources a point cites, as links (the card and the popup render them alike). */
  sourceLinks: (ids: readonly string[]) => ComponentChildren;
}) {
  const id = useId();
  // One decimal at most, written the locale's way.
  const formatValue = (value: number) => formatNumber(Math.round(value * 10) / 10, locale);
  const { points, yTicks, xTicks } = seriesGeometry(series.points, BOX);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return null;
  const high = points.reduce((best, point) => (point.value > best.value ? point : best), first);
  const description = t(locale, 'chart.describe', {
    first: formatDate(first.period, locale),
    last: formatDate(last.period, locale),
    from: formatValue(first.value),
    to: formatValue(last.value),
    high: formatValue(high.value),
    highAt: formatDate(high.period, locale),
    unit: series.unit,
  });
  const line = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`);
  const baseline = BOX.height - BOX.bottom;
  return (
    <figure class="series-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${BOX.width} ${BOX.height}`}
        class="series-chart-svg"
      >
        <title id={`${id}-title`}>{series.title[locale] ?? series.title.en}</title>
        <text class="chart-unit" x={BOX.left - 6} y={BOX.top - 4} text-anchor="start">
          {series.unit}
        </text>
        {yTicks.map((tick) => (
          <g key={tick.value}>
            <line class="chart-grid" x1={BOX.left} x2={BOX.width - BOX.right} y1={tick.y} y2={tick.y} />
            <text class="chart-label" x={BOX.left - 6} y={tick.y + 4} text-anchor="end">
              {formatValue(tick.value)}
            </text>
          </g>
        ))}
        <line class="chart-axis" x1={BOX.left} x2={BOX.width - BOX.right} y1={baseline} y2={baseline} />
        {xTicks.map((tick) => (
          <text key={tick.label} class="chart-label" x={tick.x} y={baseline + 16} text-anchor="middle">
            {tick.label}
          </text>
        ))}
        <path class="chart-line" d={line.join('')} />
        {points.map((point) => (
          <circle key={point.period} class="chart-point" cx={point.x} cy={point.y} r={3}>
            <title>
              {t(locale, 'chart.point', {
                period: formatDate(point.period, locale),
                value: formatValue(point.value),
                unit: series.unit,
              })}
            </title>
          </circle>
        ))}
      </svg>
      <figcaption id={`${id}-desc`} class="chart-caption">
        {description}
      </figcaption>
      <details class="series-values">
        <summary>{t(locale, 'chart.valuesAndSources')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t(locale, 'chart.period')}</th>
              <th scope="col">{t(locale, 'chart.value', { unit: series.unit })}</th>
              <th scope="col">{t(locale, 'chart.source')}</th>
            </tr>
          </thead>
          <tbody>
            {series.points.map((point) => (
              <tr key={point.period}>
                <th scope="row">{formatDate(point.period, locale)}</th>
                <td class="chart-number">{formatValue(point.value)}</td>
                <td class="source-line">
                  {sourceLinks(point.sources)}
                  {point.note && <span class="muted-line">{point.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

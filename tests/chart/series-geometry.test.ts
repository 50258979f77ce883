import { describe, expect, it } from 'vitest';
import { niceStep, periodYear, seriesGeometry } from '../../utils/chart/series-geometry';

const BOX = { width: 360, height: 180, left: 40, right: 12, top: 14, bottom: 24 };

describe('seriesGeometry', () => {
  it('places periods at the middle of their year or month', () => {
    expect(periodYear('2024')).toBe(2024.5);
    expect(periodYear('2024-01')).toBeCloseTo(2024 + 0.5 / 12);
  });

  it('picks round steps', () => {
    expect(niceStep(244.8, 4)).toBe(100);
    expect(niceStep(175, 4)).toBe(50);
    expect(niceStep(8, 4)).toBe(2);
    expect(niceStep(0, 4)).toBe(1);
  });

  it('puts time on x in order, so a gap in the years shows, and values on y from zero', () => {
    const { points, yTicks, xTicks } = seriesGeometry(
      [
        { period: '2014', value: 95 },
        { period: '2008', value: 56 },
        { period: '2013', value: 89 },
        { period: '2024', value: 244.8 },
      ],
      BOX,
    );
    expect(points.map((point) => point.period)).toEqual(['2008', '2013', '2014', '2024']);
    const [a, b, c] = points.map((point) => point.x);
    expect((b as number) - (a as number)).toBeCloseTo(5 * ((c as number) - (b as number)));
    expect(yTicks[0]).toEqual({ value: 0, y: BOX.height - BOX.bottom });
    expect(yTicks[yTicks.length - 1]?.value).toBe(300);
    expect(yTicks[yTicks.length - 1]?.y).toBe(BOX.top);
    expect(points.every((point) => point.x >= BOX.left && point.x <= BOX.width - BOX.right)).toBe(true);
    expect(xTicks[0]?.label).toBe('2008');
    expect(xTicks[xTicks.length - 1]?.label).toBe('2024');
    // Labels do not crowd: neighbours at least 30 px apart.
    for (let i = 1; i < xTicks.length; i++) {
      expect((xTicks[i]?.x as number) - (xTicks[i - 1]?.x as number)).toBeGreaterThanOrEqual(30);
    }
  });

  it('draws a single point', () => {
    const { points, xTicks } = seriesGeometry([{ period: '2023', value: 161 }], BOX);
    expect(points).toHaveLength(1);
    expect(xTicks.map((tick) => tick.label)).toEqual(['2023']);
  });
});

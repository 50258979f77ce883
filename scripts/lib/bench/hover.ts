/** Hover latency, the same in both browsers: from the end of the hover delay to the frame that paints the card. */
import type { PageDriver } from '../../../tests/e2e/harness/page-driver';
import { cardIsClosed, cardLatencies, cardsMeasured, pointOfMention } from '../../../tests/e2e/harness/page-state';

/** Rests the pointer on the first `count` mentions of an annotated page in turn, then closes the page. */
export async function hoverLatencies(page: PageDriver, count: number, delayMs: number): Promise<number[]> {
  for (let index = 0; index < count; index++) {
    await page.moveMouse(5, 790);
    await page.waitFor(cardIsClosed);
    const point = await page.evaluate(pointOfMention, index);
    await page.moveMouse(point.x, point.y);
    await page.waitFor(cardsMeasured, index + 1);
  }
  const latencies = await page.evaluate(cardLatencies);
  await page.close();
  return latencies.map((latency) => Math.max(0, latency - delayMs));
}

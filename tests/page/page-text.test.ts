import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { textOf } from '../../utils/page/page-text';

function page(paragraphs: number): Element {
  const body = Array.from(
    { length: paragraphs },
    (_, index) => `<p>Paragraph ${index} <em>with</em> text<!-- a comment --></p>\n`,
  ).join('');
  const { document } = parseHTML(`<html><body><header><a>Home</a></header><article>${body}</article></body></html>`);
  return document.body as unknown as Element;
}

describe('textOf', () => {
  it('reads the start of textContent, at least as far as asked, through an element with many children', () => {
    const body = page(500);
    const whole = body.textContent ?? '';
    for (const atLeast of [0, 1, 50, 999, 5_000]) {
      const { text, complete } = textOf(body, atLeast);
      expect(whole.startsWith(text)).toBe(true);
      expect(text.length).toBeGreaterThanOrEqual(Math.min(atLeast, whole.length));
      // A paragraph at a time, not the whole article: it stops soon after.
      expect(text.length).toBeLessThan(atLeast + 100);
      expect(complete).toBe(false);
    }
  });

  it('says when it read everything, and reads everything when asked', () => {
    const body = page(5);
    const whole = body.textContent ?? '';
    expect(textOf(body, 10_000)).toEqual({ text: whole, complete: true });
    expect(textOf(page(500), Number.POSITIVE_INFINITY)).toEqual({ text: page(500).textContent, complete: true });
  });
});

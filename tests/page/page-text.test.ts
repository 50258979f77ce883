import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { LIGHT_PROSE_PARAGRAPHS, openShadowRoots, READ_WHOLE_ELEMENTS, textOf } from '../../utils/page/page-text';

function page(paragraphs: number): Element {
  const body = Array.from(
    { length: paragraphs },
    (_, index) => `<p>Paragraph ${index} <em>with</em> text<!-- a comment --></p>\n`,
  ).join('');
  const { document } = parseHTML(`<html><body><header><a>Home</a></header><article>${body}</article></body></html>`);
  const root = document.body as unknown as Element;
  // linkedom has no `getElementsByTagName('*')`; browsers do (textOf counts a root's elements with it).
  const byTagName = root.getElementsByTagName.bind(root);
  root.getElementsByTagName = ((name: string) =>
    name === '*' ? root.querySelectorAll('*') : byTagName(name)) as never;
  return root;
}

describe('textOf', () => {
  // Each paragraph is two elements.
  const large = READ_WHOLE_ELEMENTS;

  it('reads the start of a large root, at least as far as asked, through an element with many children', () => {
    const body = page(large);
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
    expect(textOf(page(large), Number.POSITIVE_INFINITY)).toEqual({ text: page(large).textContent, complete: true });
  });

  it('reads a root of few elements whole, in one call', () => {
    const body = page(100);
    let childReads = 0;
    for (const paragraph of body.querySelectorAll('p')) {
      Object.defineProperty(paragraph, 'textContent', {
        get: () => {
          childReads++;
          return '';
        },
      });
    }
    expect(textOf(body, 10)).toEqual({ text: body.textContent, complete: true });
    expect(childReads).toBe(0);
  });
});

describe('openShadowRoots', () => {
  /** A body with an open shadow root holding another, a closed one, and `filler` paragraphs. */
  function shadowPage(filler: number) {
    const { document } = parseHTML(
      `<html><body><main><x-article id="outer"></x-article><div id="closed"></div>${'<p>x</p>'.repeat(filler)}</main></body></html>`,
    );
    const body = document.body as unknown as Element;
    const byTagName = body.getElementsByTagName.bind(body);
    body.getElementsByTagName = ((name: string) =>
      name === '*' ? body.querySelectorAll('*') : byTagName(name)) as never;
    const outer = (document.getElementById('outer') as unknown as Element).attachShadow({ mode: 'open' });
    outer.innerHTML = '<section><x-quote id="inner"></x-quote></section>';
    const inner = (outer.querySelector('#inner') as Element).attachShadow({ mode: 'open' });
    inner.innerHTML = '<p>Gazprom</p>';
    (document.getElementById('closed') as unknown as Element).attachShadow({ mode: 'closed' });
    return { body, outer, inner };
  }

  it('finds open shadow roots, inside others too, and not closed ones', () => {
    const { body, outer, inner } = shadowPage(3);
    expect(openShadowRoots(body)).toEqual([outer, inner]);
  });

  it('looks through no page with more elements than it may visit', () => {
    const { body } = shadowPage(READ_WHOLE_ELEMENTS);
    expect(openShadowRoots(body)).toEqual([]);
  });

  it('looks through no page whose own tree holds its prose', () => {
    const { body, outer, inner } = shadowPage(LIGHT_PROSE_PARAGRAPHS - 1);
    expect(openShadowRoots(body)).toEqual([outer, inner]);
    expect(openShadowRoots(shadowPage(LIGHT_PROSE_PARAGRAPHS).body)).toEqual([]);
  });
});

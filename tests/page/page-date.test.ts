import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { publicationDate } from '../../utils/page/page-date';

const doc = (head: string, body = '') => parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document;

describe('publicationDate', () => {
  it('reads Open Graph, schema.org JSON-LD and <time> in that order', () => {
    expect(publicationDate(doc('<meta property="article:published_time" content="2019-12-02T08:00:00+03:00">'))).toBe(
      '2019-12-02',
    );
    expect(
      publicationDate(
        doc('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2014-05-21"}</script>'),
      ),
    ).toBe('2014-05-21');
    expect(publicationDate(doc('', '<article><time datetime="2023-03-21">21 March</time></article>'))).toBe(
      '2023-03-21',
    );
  });

  it('ignores missing or malformed dates', () => {
    expect(publicationDate(doc(''))).toBeUndefined();
    expect(publicationDate(doc('<meta property="article:published_time" content="yesterday">'))).toBeUndefined();
    expect(publicationDate(doc('<meta name="date" content="2019-13-45">'))).toBeUndefined();
  });
});

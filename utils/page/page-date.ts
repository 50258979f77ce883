/**
 * The date an article says it was published, from the metadata news sites publish (Open Graph,
 * schema.org, Dublin Core, <time>), as YYYY-MM-DD. Cards use it to show the deals of that time
 * first. Reads only.
 */
const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

function isoDay(value: string | null | undefined): string | undefined {
  const match = value?.trim().match(ISO_DAY);
  if (!match) return undefined;
  const [, year, month, day] = match;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : `${year}-${month}-${day}`;
}

export function publicationDate(doc: Document): string | undefined {
  for (const selector of META_SELECTORS) {
    const day = isoDay(doc.querySelector(selector)?.getAttribute('content'));
    if (day) return day;
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const day = isoDay(script.textContent?.match(/"datePublished"\s*:\s*"([^"]+)"/)?.[1]);
    if (day) return day;
  }
  const time = doc.querySelector('article time[datetime], time[pubdate][datetime], time[itemprop="datePublished"]');
  return isoDay(time?.getAttribute('datetime'));
}

/**
 * News sites annotated without asking (the content script's static matches). Any other site
 * is enabled by the user, one click each (issue: site control).
 */
const CURATED_NEWS_DOMAINS = [
  // English
  'apnews.com',
  'bbc.co.uk',
  'bbc.com',
  'bloomberg.com',
  'cnbc.com',
  'cnn.com',
  'dw.com',
  'economist.com',
  'france24.com',
  'ft.com',
  'nikkei.com',
  'nytimes.com',
  'politico.com',
  'reuters.com',
  'rferl.org',
  'scmp.com',
  'theguardian.com',
  'themoscowtimes.com',
  'thediplomat.com',
  'washingtonpost.com',
  'wsj.com',
  'aljazeera.com',
  'chinadigitaltimes.net',
  // Russian
  'interfax.ru',
  'kommersant.ru',
  'meduza.io',
  'rbc.ru',
  'rg.ru',
  'ria.ru',
  'tass.com',
  'tass.ru',
  'vedomosti.ru',
  'lenta.ru',
  // Chinese
  'caixin.com',
  'chinadaily.com.cn',
  'globaltimes.cn',
  'news.cn',
  'people.com.cn',
  'thepaper.cn',
  'xinhuanet.com',
  'zaobao.com',
  'ftchinese.com',
  'rfa.org',
  'voachinese.com',
  'cna.com.tw',
  'udn.com',
] as const;

/** Match patterns for a domain and its subdomains, http and https. */
function matchPatternsFor(domain: string): string[] {
  return [`*://${domain}/*`, `*://*.${domain}/*`];
}

export const CURATED_MATCH_PATTERNS: readonly string[] = CURATED_NEWS_DOMAINS.flatMap(matchPatternsFor);

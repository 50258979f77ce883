/**
 * The listed news sites: granted in one click on the first-run page (optional host permissions,
 * nothing at install), the scout then registered for them at run time. Any other site
 * is enabled by the user, one click each: an optional host permission and a content script
 * registered at run time (entrypoints/background.ts).
 */
export const CURATED_NEWS_DOMAINS = [
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

/** Is this host a listed news site (or a subdomain of one)? */
export function isListedSite(host: string): boolean {
  return CURATED_NEWS_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** The host permission for every site (the manifest's optional host permission). */
export const ALL_SITES_PATTERN = '*://*/*';

/** The host permission pattern that lets the lens run on one site. */
export function sitePattern(host: string): string {
  return `*://${host}/*`;
}

export type SiteState =
  /** The lens runs here. */
  | 'on'
  /** The reader turned it off here. */
  | 'off'
  /** Not a listed site, and not turned on: it needs the reader's permission first. */
  | 'not-enabled';

export function siteState(
  host: string,
  settings: {
    readonly disabledSites: readonly string[];
    readonly enabledSites: readonly string[];
    readonly allSites: boolean;
  },
): SiteState {
  if (settings.disabledSites.includes(host)) return 'off';
  if (isListedSite(host) || settings.enabledSites.includes(host) || settings.allSites) return 'on';
  return 'not-enabled';
}

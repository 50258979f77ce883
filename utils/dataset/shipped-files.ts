/**
 * Where each dataset file lies in the built extension (as `runtime.getURL` takes it): apart from
 * the code that writes and reads them, so the background's first statement can ask for one
 * without evaluating that code first (utils/browser/lexicon-request.ts).
 */
export const SHIPPED_FILES = {
  lexicon: '/data/lexicon.bin',
  records: '/data/records.json',
  search: '/data/search.json',
} as const;

/**
 * The popup's words (and the chart's), in one place until they move into the UI-strings module
 * with their Russian and Chinese translations.
 */
export const POPUP_TEXT = {
  title: 'China–Russia Lens',
  datasetLine: (entities: number, deals: number, asOf: string) =>
    `${entities} entities · ${deals} deals · data to ${asOf}`,
  datasetVersion: (version: string) => `Dataset ${version}`,
  searchLabel: 'Search people, firms, projects, deals and figures',
  searchPlaceholder: 'Search: Gazprom, Сила Сибири, 中石油, trade…',
  onThisPage: 'On this page',
  readingPage: 'Reading the page…',
  lensNotRunning: 'The lens is not running on this page. Search still works.',
  lensOffHere: 'The lens is off on this site: nothing is marked. Search still works.',
  loading: 'Loading…',
  notInDataset: 'Not in this version of the dataset.',
  settings: 'Settings',
  shortcuts: 'Keyboard shortcuts',
  back: 'Back',
  backHint: 'Esc or Alt+← goes back',
  resultsLabel: 'Search results',
  figuresGroup: 'Figures',
  noMatch: (query: string) =>
    `Nothing matches “${query}”. Try another spelling, a Russian or Chinese name (Газпром, 中石油), or part of a deal title.`,
  whyAlias: 'alias',
  whyRole: (title: string, org: string | undefined) => (org ? `${title} at ${org}` : title),
  whySummary: 'in summary',
  figureKind: (unit: string, points: number) => `chart · ${points} values in ${unit}`,
  figureSeriesKind: (unit: string) => `chart · ${unit}`,
  figurePublisher: (name: string) => `Published by ${name}`,
  openPublisher: (name: string) => `About ${name}`,
  shortcutsIntro: 'Keys that work on a page where the lens is on:',
  shortcutUnset: 'not set',
  shortcutsChange: 'Change shortcuts',
  shortcutsFirefox: 'To change them in Firefox: about:addons → the gear menu → Manage Extension Shortcuts.',
  shortcutsNone: 'This browser lists no shortcuts for the extension.',
} as const;

export const CHART_TEXT = {
  valuesAndSources: 'Values and sources',
  period: 'Year',
  value: (unit: string) => `Value (${unit})`,
  source: 'Source',
  /** What a screen reader hears after the title: the range and the extremes. */
  describe: (first: string, last: string, from: string, to: string, high: string, highAt: string, unit: string) =>
    `${first} to ${last}: from ${from} to ${to} ${unit}; highest ${high} ${unit} in ${highAt}.`,
  point: (period: string, value: string, unit: string) => `${period}: ${value} ${unit}`,
} as const;

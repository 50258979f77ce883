/**
 * The reader's settings: their shape, defaults, and how a stored value is read back. A stored
 * value from an older version, or one a bug or a hand edit broke, never throws: each field that
 * is valid is kept, each that is not falls back to its default. Storage itself lives in
 * `settings-store.ts` (browser only).
 */
import * as v from 'valibot';
import { LANGUAGE_CHOICES } from './i18n/locale';
import { DEFAULT_HOVER_DELAY_MS } from './page/card-controller';

/** Highlight categories (entity types group into these; see components/format.ts). */
export const CATEGORIES = ['person', 'firm', 'project', 'org'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * The colours a highlight can take. Each is a pair of rules (utils/highlight-names.ts)
 * (fill and underline), tuned to stay readable on light and dark pages.
 */
export const COLORS = ['yellow', 'blue', 'green', 'purple', 'red', 'teal'] as const;
export type HighlightColor = (typeof COLORS)[number];

/** Each colour's solid tone (the underline in utils/highlight-names.ts): card accents and swatches. */
export const COLOR_TONE: Record<HighlightColor, string> = {
  yellow: '#ca8a04',
  blue: '#0284c7',
  green: '#16a34a',
  purple: '#9333ea',
  red: '#dc2626',
  teal: '#0d9488',
};

/** CSS custom properties that give each category its chosen colour (entity-card.css reads them). */
export function categoryColorProperties(categories: Settings['categories']): [string, string][] {
  return CATEGORIES.map((category) => [`--lens-${category}`, COLOR_TONE[categories[category].color]]);
}

export const STYLES = ['fill', 'underline'] as const;
const TRIGGERS = ['hover', 'hover-alt', 'click'] as const;
const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * The theme to paint, always explicit (CSS has no colour-scheme media rules, so the reader's
 * "Light" wins over a dark system): the choice, or for "auto" what the context prefers (the page
 * under a card, the system for the extension's pages).
 */
export function resolveTheme(choice: Theme, contextIsDark: () => boolean): 'light' | 'dark' {
  if (choice !== 'auto') return choice;
  return contextIsDark() ? 'dark' : 'light';
}
export const MIN_HOVER_DELAY_MS = 0;
export const MAX_HOVER_DELAY_MS = 2000;

/** At most this many muted entities are kept (a stored list cannot grow without bound). */
const MAX_MUTED = 500;
const MutedEntity = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), v.maxLength(200)),
  /** The name as the reader saw it when muting, for the options page's list. */
  name: v.pipe(v.string(), v.maxLength(200)),
});

/** A hostname as the user sees it in the address bar ("www.example.com"). */
const Hostname = v.pipe(v.string(), v.maxLength(253), v.regex(/^[a-z0-9.-]+$/));

const CategorySetting = v.object({ enabled: v.boolean(), color: v.picklist(COLORS) });

const FIELDS = {
  categories: v.object(
    Object.fromEntries(CATEGORIES.map((category) => [category, CategorySetting])) as Record<
      Category,
      typeof CategorySetting
    >,
  ),
  style: v.picklist(STYLES),
  mentions: v.picklist(['all', 'first']),
  trigger: v.picklist(TRIGGERS),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(MIN_HOVER_DELAY_MS), v.maxValue(MAX_HOVER_DELAY_MS)),
  theme: v.picklist(THEMES),
  /** The interface language; "auto": cards follow the page, the extension's pages the browser. */
  language: v.picklist(LANGUAGE_CHOICES),
  /** Entities the reader asked not to mark ("Don't mark this" on a card). */
  mutedEntities: v.pipe(v.array(MutedEntity), v.maxLength(MAX_MUTED)),
  /** Listed news sites the reader turned off. */
  disabledSites: v.array(Hostname),
  /** Other sites the reader turned on (their host permission was granted). */
  enabledSites: v.array(Hostname),
  /** The reader granted every site (and the lens runs on all of them unless turned off). */
  allSites: v.boolean(),
};

const SettingsSchema = v.object(FIELDS);
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  categories: {
    person: { enabled: true, color: 'yellow' },
    firm: { enabled: true, color: 'blue' },
    project: { enabled: true, color: 'green' },
    org: { enabled: true, color: 'purple' },
  },
  style: 'fill',
  mentions: 'all',
  trigger: 'hover',
  hoverDelayMs: DEFAULT_HOVER_DELAY_MS,
  theme: 'auto',
  language: 'auto',
  mutedEntities: [],
  disabledSites: [],
  enabledSites: [],
  allSites: false,
};

/** The settings with one more entity muted (first in the list; the oldest go past the limit). */
export function withMuted(settings: Settings, entity: { id: string; name: string }): Settings {
  const others = settings.mutedEntities.filter((muted) => muted.id !== entity.id);
  return {
    ...settings,
    mutedEntities: [{ id: entity.id, name: entity.name.slice(0, 200) }, ...others].slice(0, MAX_MUTED),
  };
}

/** The stored value read back: valid fields kept (categories one by one), others defaulted. */
export function readSettings(stored: unknown): Settings {
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    if (key === 'categories') return readCategories(source.categories) as Settings[K];
    const result = v.safeParse(FIELDS[key], source[key]);
    return result.success ? (result.output as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  return Object.fromEntries(Object.keys(FIELDS).map((key) => [key, field(key as keyof Settings)])) as Settings;
}

function readCategories(stored: unknown): Settings['categories'] {
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return Object.fromEntries(
    CATEGORIES.map((category) => {
      const result = v.safeParse(CategorySetting, source[category]);
      return [category, result.success ? result.output : DEFAULT_SETTINGS.categories[category]];
    }),
  ) as Settings['categories'];
}

/** Lower-cased hostname of a URL the lens could run on (http or https), or undefined. */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

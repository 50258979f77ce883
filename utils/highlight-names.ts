/**
 * The highlights' names and their `::highlight()` rules. The names are shared with the page (the
 * `CSS.highlights` registry is the page's), so they are random per install: a page cannot spot
 * the extension by a fixed, product-identifying name. The rules are made here, for those names,
 * and inserted by the background into each frame the lens runs in.
 */
import { COLORS, type HighlightColor, type Settings, STYLES } from './settings';

type Style = Settings['style'];

/** Every style and colour, in the order of the names list. */
const KEYS: readonly (readonly [Style, HighlightColor])[] = STYLES.flatMap((style) =>
  COLORS.map((color) => [style, color] as const),
);

/** Translucent fills and solid underlines stay readable on light and dark pages alike. */
const LOOKS: Record<HighlightColor, { readonly fill: string; readonly tone: string }> = {
  yellow: { fill: 'rgb(250 204 21 / 0.3)', tone: 'rgb(202 138 4)' },
  blue: { fill: 'rgb(56 189 248 / 0.25)', tone: 'rgb(2 132 199)' },
  green: { fill: 'rgb(74 222 128 / 0.25)', tone: 'rgb(22 163 74)' },
  purple: { fill: 'rgb(192 132 252 / 0.25)', tone: 'rgb(147 51 234)' },
  red: { fill: 'rgb(248 113 113 / 0.25)', tone: 'rgb(220 38 38)' },
  teal: { fill: 'rgb(45 212 191 / 0.25)', tone: 'rgb(13 148 136)' },
};

const NAME = /^[a-z][a-z0-9]{5,31}$/;

/** A new set of names: one random stem, a number per style and colour. */
export function newHighlightNames(random: (length: number) => Uint8Array): string[] {
  // A letter first: a CSS identifier cannot start with a digit.
  const stem =
    String.fromCharCode(97 + ((random(1)[0] ?? 0) % 26)) +
    [...random(8)].map((byte) => (byte % 36).toString(36)).join('');
  return KEYS.map((_, index) => `${stem}${index.toString(36)}`);
}

/** The stored names, if they are a complete, valid set. */
export function readHighlightNames(stored: unknown): string[] | undefined {
  if (!Array.isArray(stored) || stored.length !== KEYS.length) return undefined;
  const names = stored.filter((name): name is string => typeof name === 'string' && NAME.test(name));
  return names.length === KEYS.length && new Set(names).size === names.length ? names : undefined;
}

/** The name of a style and colour's highlight. */
export function highlightNameIn(names: readonly string[], style: Style, color: HighlightColor): string {
  const index = KEYS.findIndex(([s, c]) => s === style && c === color);
  return names[index] ?? '';
}

/** The `::highlight()` rules for these names. */
export function highlightRules(names: readonly string[]): string {
  return KEYS.map(([style, color], index) => {
    const { fill, tone } = LOOKS[color];
    const look =
      style === 'fill'
        ? `background-color: ${fill}; text-decoration: underline ${tone};`
        : `text-decoration: underline 2px ${tone};`;
    return `::highlight(${names[index]}) { ${look} }`;
  }).join('\n');
}

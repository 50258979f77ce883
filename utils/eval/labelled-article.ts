/**
 * Labelled test articles: plain text with the expected mentions marked inline as
 * `[[surface|entity-id]]` (or `[[习普|xi-jinping+vladimir-putin]]` for a contracted form).
 * Parsing yields the clean text and the gold mentions with their offsets in it.
 */

export interface GoldMention {
  readonly start: number;
  readonly end: number;
  readonly entity: string;
  readonly text: string;
}

export interface LabelledArticle {
  readonly text: string;
  readonly gold: readonly GoldMention[];
}

export class LabelError extends Error {}

const LABEL = /\[\[([^[\]|]+)\|([a-z0-9+-]+)\]\]/g;

export function parseLabelledArticle(source: string): LabelledArticle {
  const gold: GoldMention[] = [];
  let text = '';
  let last = 0;
  for (const match of source.matchAll(LABEL)) {
    const index = match.index ?? 0;
    text += source.slice(last, index);
    const surface = match[1] as string;
    const start = text.length;
    text += surface;
    for (const entity of (match[2] as string).split('+')) {
      if (!entity) throw new LabelError(`empty entity id in "${match[0]}"`);
      gold.push({ start, end: text.length, entity, text: surface });
    }
    last = index + match[0].length;
  }
  text += source.slice(last);
  const stray = /\[\[|\]\]/.exec(text);
  if (stray) {
    const at = text.slice(Math.max(0, stray.index - 30), stray.index + 30).replace(/\s+/g, ' ');
    throw new LabelError(`malformed label near "…${at}…" (expected [[surface|entity-id]])`);
  }
  return { text, gold };
}

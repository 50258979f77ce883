/**
 * What the engine finds in a text, for maintainers (`npm run annotate`): the mentions with their
 * entities (the names it does not know are in unknown-names.ts). The same matcher as the extension.
 */
import type { LensIndex } from '../dataset/lens-index';
import type { EntityType } from '../dataset/schema';
import type { Mention } from '../matcher/matcher';

/** One row of the annotate contract (DESIGN.md §7). */
export interface AnnotatedMention {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  /** The exact characters found. */
  readonly text: string;
  /** UTF-16 offsets into the text; `end` is exclusive. */
  readonly start: number;
  readonly end: number;
}

/** One row per entity a mention names (a contracted form yields one row per entity). */
export function describeMentions(text: string, mentions: readonly Mention[], index: LensIndex): AnnotatedMention[] {
  return mentions.flatMap((mention) =>
    mention.entities.flatMap((id) => {
      const entity = index.entityById.get(id);
      if (!entity) return [];
      return [
        {
          id,
          name: entity.names.en,
          type: entity.type,
          text: text.slice(mention.start, mention.end),
          start: mention.start,
          end: mention.end,
        },
      ];
    }),
  );
}

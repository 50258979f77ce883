/**
 * What the engine finds in a text, for maintainers (`npm run annotate`): the mentions with their
 * entities, and the capitalised or CJK names the dataset does not know. The same matcher as the
 * extension.
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

export interface UnknownName {
  readonly text: string;
  readonly count: number;
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

/** Runs of capitalised Latin or Cyrillic words, e.g. "Arctic LNG 2", "Сергей Лавров". */
const CAPITALISED_RUN =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’-]*(?:[ \u00a0](?:of )?\p{Lu}[\p{L}\p{N}'’-]*|[ \u00a0]\d+\b)*/gu;
/** CJK names: transliterated names joined by a middle dot, and organisation-like endings. */
const CJK_NAME =
  /[\p{Script=Han}]{1,8}[·・•][\p{Script=Han}]{1,8}|[\p{Script=Han}]{2,10}?(?:公司|集团|集團|银行|銀行|基金|组织|組織|管道|项目|項目|核电站|核電站|大学|大學|研究院|委员会|委員會|部)/gu;
/** Capitalised words that start sentences or name months and days, not entities. */
const COMMON_WORDS = new Set(
  'The A An In On At By For From To Of And But Or As It Its This That These Those He She They We I You His Her Their Our Then When While After Before Since Under Over With Without Also However Meanwhile Earlier Later Last Next Mr Ms Mrs Dr President Minister Chairman Chief January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday China Russia Chinese Russian Moscow Beijing В На И Но По Для С Как Это Он Она Они Мы'.split(
    ' ',
  ),
);

export function unknownNames(text: string, mentions: readonly Mention[]): UnknownName[] {
  const covered = (start: number, end: number) => mentions.some((m) => start < m.end && end > m.start);
  const counts = new Map<string, number>();
  const note = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    // Sentence starters and titles in front of a name are not part of it ("Then Lavrov").
    const words = match[0].replace(/['’-]+$/, '').split(/[ \u00a0]/);
    let skipped = 0;
    while (words.length > 0 && COMMON_WORDS.has(words[0] as string)) skipped += (words.shift() as string).length + 1;
    const name = words.join(' ');
    const start = (match.index ?? 0) + skipped;
    if (name.length < 2 || covered(start, start + name.length)) continue;
    note(name);
  }
  for (const match of text.matchAll(CJK_NAME)) {
    // A conjunction or preposition before a name is not part of it (与弗拉基米尔·普京).
    const name = match[0].replace(/^[与和同及在对向称据]/, '');
    const start = (match.index ?? 0) + match[0].length - name.length;
    if (!covered(start, start + name.length)) note(name);
  }
  return [...counts]
    .map(([name, count]) => ({ text: name, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/**
 * Mentions per text packed into one array of numbers, for the `find-mentions` reply: a long
 * page has thousands of mentions, and a message of numbers is parsed and copied several times
 * faster than one of objects.
 */
import type { Mention } from './matcher';

export interface PackedMentions {
  /** Per mention: its text's index, start, end, how many entities, then their indexes in `entities`. */
  readonly numbers: readonly number[];
  readonly entities: readonly string[];
}

export function packMentions(perText: readonly (readonly Mention[])[]): PackedMentions {
  const numbers: number[] = [];
  const entityIndex = new Map<string, number>();
  for (const [text, mentions] of perText.entries()) {
    for (const { start, end, entities } of mentions) {
      numbers.push(text, start, end, entities.length);
      for (const id of entities) {
        let index = entityIndex.get(id);
        if (index === undefined) {
          index = entityIndex.size;
          entityIndex.set(id, index);
        }
        numbers.push(index);
      }
    }
  }
  return { numbers, entities: [...entityIndex.keys()] };
}

/**
 * Calls `visit` for each packed mention, in order, with its text's index; mentions naming the
 * same single entity share one `entities` array.
 */
export function forEachMention(
  { numbers, entities }: PackedMentions,
  visit: (text: number, start: number, end: number, entities: readonly string[]) => void,
): void {
  const single = entities.map((id) => [id]);
  for (let at = 0; at < numbers.length; ) {
    const count = numbers[at + 3] as number;
    const named =
      count === 1
        ? (single[numbers[at + 4] as number] as string[])
        : numbers.slice(at + 4, at + 4 + count).map((index) => entities[index] as string);
    visit(numbers[at] as number, numbers[at + 1] as number, numbers[at + 2] as number, named);
    at += 4 + count;
  }
}

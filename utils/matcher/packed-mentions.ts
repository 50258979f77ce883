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

/** The mentions of each of `texts` texts; mentions naming the same entities share one array. */
export function unpackMentions({ numbers, entities }: PackedMentions, texts: number): Mention[][] {
  const perText: Mention[][] = Array.from({ length: texts }, () => []);
  const shared = new Map<string, readonly string[]>();
  for (let at = 0; at < numbers.length; ) {
    const text = numbers[at] as number;
    const start = numbers[at + 1] as number;
    const end = numbers[at + 2] as number;
    const count = numbers[at + 3] as number;
    const indexes = numbers.slice(at + 4, at + 4 + count);
    at += 4 + count;
    const key = indexes.join(',');
    let named = shared.get(key);
    if (!named) {
      named = indexes.map((index) => entities[index] as string);
      shared.set(key, named);
    }
    const list = perText[text];
    if (!list) throw new Error(`Packed mentions name text ${text} of ${texts}`);
    list.push({ start, end, entities: named });
  }
  return perText;
}

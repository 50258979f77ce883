/** Gold mentions summarised as `{surface, entity, count}` rows: what is committed for a real article. */
import type { GoldMention } from './labelled-article';

export interface LabelRow {
  readonly surface: string;
  readonly entity: string;
  readonly count: number;
}

/** One row per surface and entity, in order of first appearance. */
export function labelRows(gold: readonly GoldMention[]): LabelRow[] {
  const rows = new Map<string, { surface: string; entity: string; count: number }>();
  for (const mention of gold) {
    const key = `${mention.entity}\u0000${mention.text}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { surface: mention.text, entity: mention.entity, count: 1 });
  }
  return [...rows.values()];
}

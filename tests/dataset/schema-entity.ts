/** A schema entity with every list empty, for unit tests of dataset tools. */
import type { Entity } from '../../utils/dataset/schema';

export function schemaEntity(id: string, extra: Partial<Entity> = {}): Entity {
  return {
    id,
    type: 'company',
    country: 'RU',
    names: { en: id },
    aliases: [],
    notMentionedBy: [],
    summary: { en: id },
    facts: [],
    roles: [],
    series: [],
    sanctions: [],
    related: [],
    ...extra,
  };
}

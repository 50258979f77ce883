/**
 * What the matcher's page rules need to know about an entity beyond its aliases: its type (for
 * the generic nouns a name may take), its country (for country cues), the initials of a person's
 * given name in each script (for "I. Sechin", «И. Сечин», 德·尼·帕特鲁舍夫), and the hosts an outlet
 * publishes on (its own name there is a byline).
 */
import type { EntityRecord } from '../dataset/records';

export interface EntityInfo {
  readonly type: string;
  readonly country: string;
  /** First letters of a person's given name, one per script ("SС谢"). */
  readonly initials?: string;
  readonly sites?: readonly string[];
}

/** The first letter (Latin, Cyrillic) or character (Han) of a full name's first part. */
function initialOf(name: string | undefined): string {
  if (!name) return '';
  const first = name.split(/[\s·・•∙‧]/u)[0] ?? '';
  return first.length > 1 || /\p{Script=Han}/u.test(first) ? first.charAt(0) : '';
}

export function entityInfoOf(record: EntityRecord): EntityInfo {
  const initials =
    record.type === 'person'
      ? [...new Set([record.names.en, record.names.ru, record.names.zh].map(initialOf))].join('')
      : '';
  return {
    type: record.type,
    country: record.country,
    ...(initials ? { initials } : {}),
    ...(record.sites?.length ? { sites: record.sites } : {}),
  };
}

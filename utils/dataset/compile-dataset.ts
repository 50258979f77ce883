/**
 * Turns the validated dataset into what the extension ships: records for cards and search,
 * and the lexicon for the matcher, with traditional Chinese forms generated from simplified
 * ones (at build time, so pages are never converted at run time).
 */
import { createHash } from 'node:crypto';
import * as OpenCC from 'opencc-js';
import { languageOfAlias } from '../text/normalize';
import { currentStatus } from './deal-status';
import {
  type CompiledDataset,
  type DealRecord,
  type EntityRecord,
  type LexiconEntry,
  nameList,
  type SourceRecord,
} from './records';
import type { Deal, Entity, Source } from './schema';
import type { Dataset } from './validate-dataset';

const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });

/**
 * Characters opencc turns into another character by meaning (里 → 裡 "inside", 周 → 週 "week")
 * that are also traditional characters in their own right, and that names and titles keep:
 * 鮑里索夫, 建交75周年 (Hong Kong and Taiwan papers write 周年 as often as 週年).
 */
const KEPT_IN_NAMES: Readonly<Record<string, string>> = { 裡: '里', 裏: '里', 週: '周' };
const keptInNames = (text: string) => text.replace(/[裡裏週]/g, (char) => KEPT_IN_NAMES[char] ?? char);

/** Simplified → the traditional forms used in Taiwan and Hong Kong (none if identical). */
export function traditionalForms(text: string): string[] {
  if (languageOfAlias(text) !== 'zh') return [];
  const forms = [toTaiwan(text), toHongKong(text)];
  return [...new Set([...forms, ...forms.map(keptInNames)])].filter((form) => form !== text);
}

function lexiconOf(entity: Entity): LexiconEntry[] {
  const entries: LexiconEntry[] = [];
  const add = (text: string, flags: Omit<LexiconEntry, 'text' | 'entity'> = {}) => {
    for (const form of [text, ...traditionalForms(text)]) entries.push({ text: form, entity: entity.id, ...flags });
  };
  for (const name of nameList(entity.names)) add(name);
  for (const alias of entity.aliases) {
    if (typeof alias === 'string') {
      add(alias);
      continue;
    }
    add(alias.text, {
      ...(alias.caseSensitive ? { caseSensitive: true as const } : {}),
      ...(alias.needsContext ? { needsContext: true as const } : {}),
      ...(alias.alsoNames ? { alsoNames: alias.alsoNames } : {}),
    });
  }
  for (const phrase of entity.notMentionedBy) add(phrase, { notAMention: true });
  // The same string twice for one entity (a name repeated as an alias) is one entry.
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = [entry.text, entry.caseSensitive, entry.needsContext, entry.notAMention].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function recordOf(entity: Entity, lexicon: readonly LexiconEntry[]): EntityRecord {
  const zhHant = entity.names.zhHant ?? (entity.names.zh ? traditionalForms(entity.names.zh)[0] : undefined);
  return {
    id: entity.id,
    type: entity.type,
    ...(entity.kind ? { kind: entity.kind } : {}),
    country: entity.country,
    names: { ...entity.names, ...(zhHant ? { zhHant } : {}) },
    aliases: [...new Set(lexicon.filter((entry) => !entry.notAMention).map((entry) => entry.text))],
    summary: entity.summary,
    facts: entity.facts,
    roles: entity.roles,
    series: entity.series,
    sanctions: entity.sanctions,
    related: entity.related,
    ...(entity.sites?.length ? { sites: entity.sites } : {}),
  };
}

function dealRecordOf(deal: Deal): DealRecord {
  return { ...deal, status: currentStatus(deal).status };
}

function sourceRecordOf(source: Source): SourceRecord {
  return source.url?.startsWith('http://') ? { ...source, insecure: true } : source;
}

function newestDate(dataset: Dataset): string {
  const dates = [
    ...dataset.deals.map((deal) => deal.date),
    ...dataset.entities.flatMap((entity) => entity.facts.map((fact) => fact.asOf)),
  ];
  return dates.reduce((newest, date) => (date > newest ? date : newest), '0000');
}

export function compileDataset(dataset: Dataset): CompiledDataset {
  const entities = [...dataset.entities].sort((a, b) => a.id.localeCompare(b.id));
  const lexicons = entities.map(lexiconOf);
  const body = {
    dataAsOf: newestDate(dataset),
    entities: entities.map((entity, index) => recordOf(entity, lexicons[index] ?? [])),
    deals: [...dataset.deals]
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
      .map(dealRecordOf),
    sources: Object.fromEntries(Object.entries(dataset.sources).map(([id, source]) => [id, sourceRecordOf(source)])),
    lexicon: lexicons.flat(),
  };
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 10);
  return { version, ...body };
}

/**
 * What in the dataset needs a second look (`npm run data:review`): facts and roles that may have
 * gone stale, deals whose status nobody has confirmed lately, weak sources. Pure: the caller
 * passes the validated dataset and the cut-off date.
 */
import { currentStatus } from './deal-status';
import type { Entity, Source } from './schema';
import type { Dataset } from './validate-dataset';

export const REVIEW_GROUPS = [
  'stale-facts',
  'open-roles',
  'unconfirmed-deals',
  'copy-only',
  'sources-without-url',
  'placeholder-titles',
] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];

export interface ReviewFinding {
  readonly group: ReviewGroup;
  /** Where the entry lives: an entity, a deal or a source. */
  readonly kind: 'entity' | 'deal' | 'source';
  readonly entry: string;
  readonly field?: string;
  readonly message: string;
}

/** What each group means, for the text output and the docs. */
export const REVIEW_GROUP_TITLE: Record<ReviewGroup, string> = {
  'stale-facts': 'Active entities whose facts are older than the cut-off',
  'open-roles': 'Open roles that started before the cut-off or that someone else now holds',
  'unconfirmed-deals': 'Deals whose current status was last confirmed before the cut-off',
  'copy-only': 'Facts and deals whose only sources are copies (aggregator)',
  'sources-without-url': 'Sources without a URL',
  'placeholder-titles': 'Sources whose title is not the published headline',
};

/** A status after which nothing more happens to a deal, so it needs no re-confirmation. */
const FINAL_STATUSES = new Set(['completed', 'cancelled']);

/** True when a date of any precision certainly lies before the cut-off (2023 is not before 2023-05-01). */
function isBefore(date: string, cutoff: string): boolean {
  return date < cutoff.slice(0, date.length);
}

/**
 * Whether an entity's facts can go out of date: a person while they hold an open role; an
 * event never (it is over); anything else always, as the schema records no end for it.
 */
export function isActive(entity: Entity): boolean {
  if (entity.type === 'person') return entity.roles.some((role) => !role.to);
  return entity.type !== 'event';
}

/** Titles that stand in for a headline nobody recorded (see docs/DATASET.md, "Sources"). */
const GENERIC_TITLE = /^(?:untitled|no title|news|article|press release|home(?:page)?|document|page|report|index)$/i;
const NOT_PRESERVED = /\bnot preserved\b/i;
const URL_LIKE = /^(?:https?:\/\/|www\.)\S+$|^[a-z0-9.-]+\.[a-z]{2,}(?:\/\S*)?$/i;
const SLUG_LIKE = /^[a-z0-9]+(?:[-_][a-z0-9]+){3,}$|^\d+$/;
const TITLE_FROM_URL = /title (?:was |is )?taken from the (?:page )?(?:address|url)/i;

const comparable = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Why a source's title is a placeholder, or undefined when it reads as a real headline. */
export function placeholderReason(id: string, source: Source): string | undefined {
  const title = source.title.trim();
  if (NOT_PRESERVED.test(title)) return 'marked "headline not preserved"';
  const publisher = comparable(source.publisher);
  const publisherBase = comparable(source.publisher.replace(/\s*\(.*\)\s*$/, ''));
  if (comparable(title) === publisher || comparable(title) === publisherBase) return 'title is the publisher';
  if (GENERIC_TITLE.test(title)) return 'generic title';
  if (title === id || URL_LIKE.test(title) || SLUG_LIKE.test(title)) return 'title is an address or id';
  if (source.note && TITLE_FROM_URL.test(source.note)) return 'title rebuilt from the page address';
  return undefined;
}

export interface ReviewOptions {
  /** Dated things before this day (YYYY-MM-DD) are due a second look. */
  readonly cutoff: string;
}

export function reviewDataset(dataset: Dataset, { cutoff }: ReviewOptions): ReviewFinding[] {
  const findings: ReviewFinding[] = [];
  const isCopy = (id: string) => dataset.sources[id]?.kind === 'aggregator';

  // Who holds each title at each organisation now, to spot a role someone else has taken over.
  const holders = new Map<string, { person: string; from?: string }[]>();
  for (const entity of dataset.entities) {
    for (const role of entity.roles) {
      if (role.to || !role.org) continue;
      const key = `${role.org}\u0000${comparable(role.title)}`;
      holders.set(key, [...(holders.get(key) ?? []), { person: entity.id, from: role.from }]);
    }
  }

  for (const entity of dataset.entities) {
    if (isActive(entity)) {
      const old = entity.facts.flatMap((fact, index) => (isBefore(fact.asOf, cutoff) ? [index] : []));
      if (old.length > 0) {
        const newest = entity.facts.map((fact) => fact.asOf).sort()[entity.facts.length - 1] as string;
        findings.push({
          group: 'stale-facts',
          kind: 'entity',
          entry: entity.id,
          field: 'facts',
          message: `${old.length} of ${entity.facts.length} facts are as of before ${cutoff} (facts ${old.join(', ')}); newest ${newest}`,
        });
      }
    }
    entity.roles.forEach((role, index) => {
      if (role.to) return;
      const reasons: string[] = [];
      if (!role.from) reasons.push('open, with no start date');
      else if (isBefore(role.from, cutoff)) reasons.push(`open since ${role.from}`);
      const key = role.org ? `${role.org}\u0000${comparable(role.title)}` : undefined;
      for (const other of key ? (holders.get(key) ?? []) : []) {
        if (other.person !== entity.id && other.from && (!role.from || other.from > role.from))
          reasons.push(`${other.person} holds the same title there since ${other.from}`);
      }
      // The person moved on: a role elsewhere started later, yet this one never ended.
      for (const later of entity.roles) {
        if (later !== role && later.org !== role.org && later.from && role.from && later.from > role.from)
          reasons.push(`a later role (${later.title}${later.org ? `, ${later.org}` : ''}) started ${later.from}`);
      }
      if (reasons.length > 0)
        findings.push({
          group: 'open-roles',
          kind: 'entity',
          entry: entity.id,
          field: `roles.${index}`,
          message: `${role.title}${role.org ? ` (${role.org})` : ''}: ${reasons.join('; ')}`,
        });
    });
    entity.facts.forEach((fact, index) => {
      if (fact.sources.every(isCopy))
        findings.push({
          group: 'copy-only',
          kind: 'entity',
          entry: entity.id,
          field: `facts.${index}`,
          message: `cites only copies: ${fact.sources.join(', ')}`,
        });
    });
  }

  for (const deal of dataset.deals) {
    const current = currentStatus(deal);
    if (!FINAL_STATUSES.has(current.status) && isBefore(current.date, cutoff))
      findings.push({
        group: 'unconfirmed-deals',
        kind: 'deal',
        entry: deal.id,
        field: `statuses.${deal.statuses.length - 1}`,
        message: `"${current.status}" last confirmed ${current.date}`,
      });
    if (deal.sources.every(isCopy))
      findings.push({
        group: 'copy-only',
        kind: 'deal',
        entry: deal.id,
        field: 'sources',
        message: `cites only copies: ${deal.sources.join(', ')}`,
      });
  }

  for (const [id, source] of Object.entries(dataset.sources)) {
    if (!source.url)
      findings.push({
        group: 'sources-without-url',
        kind: 'source',
        entry: id,
        message: `${source.publisher}, ${source.date}`,
      });
    const reason = placeholderReason(id, source);
    if (reason)
      findings.push({
        group: 'placeholder-titles',
        kind: 'source',
        entry: id,
        field: 'title',
        message: `${reason}: "${source.title}"`,
      });
  }
  return findings;
}

/** The day `years` years before `today` (both YYYY-MM-DD). */
export function yearsBefore(today: string, years: number): string {
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  return `${String(year - years).padStart(4, '0')}${rest === '-02-29' ? '-02-28' : rest}`;
}

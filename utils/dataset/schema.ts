/**
 * The one source of truth for the dataset's shape. Maintainers edit YAML under `data/`;
 * `scripts/lib/load-dataset.ts` parses it, this module validates each file, and
 * `validate-dataset.ts` checks the rules that span files (ids, references, collisions).
 */

import * as v from 'valibot';
import { MAX_ALIAS_LENGTH } from './limits';

export const LANGUAGES = ['en', 'ru', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const ENTITY_TYPES = [
  'person',
  'company',
  'bank',
  'fund',
  'project',
  'organization',
  'initiative',
  'event',
  /** A border crossing, bridge, terminal, field, city or range the relationship is about. */
  'place',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const DEAL_STATUSES = ['signed', 'mou', 'in-progress', 'completed', 'stalled', 'cancelled'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/**
 * What kind of outlet a source is, so a reader can weigh it and `data:review` can find facts
 * that rest only on copies. State-owned news agencies (TASS, Xinhua) are `state-media`, not
 * `wire`; a third-party copy of someone else's text (a mirror, a portal, "X via Y") is
 * `aggregator` whatever the original was.
 */
export const SOURCE_KINDS = [
  'wire',
  'newspaper',
  'state-media',
  'company',
  'government',
  'research',
  'reference',
  'aggregator',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Who can list an entity under sanctions: ISO-2 codes of states, EU and UN. China's and
 * Russia's countermeasures count as listings too.
 */
const SANCTION_AUTHORITIES = ['US', 'EU', 'UK', 'JP', 'CH', 'CA', 'AU', 'NZ', 'KR', 'UA', 'CN', 'RU', 'UN'] as const;

const SECTORS = [
  'oil',
  'gas',
  'lng',
  'nuclear',
  'coal',
  'power',
  'metals',
  'chemicals',
  'finance',
  'trade',
  'agriculture',
  'telecom',
  'technology',
  'autos',
  'transport',
  'infrastructure',
  'aerospace',
  'defence',
  'tourism',
  'diplomacy',
  'other',
] as const;

const CONFIDENCE = ['high', 'medium', 'low'] as const;

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A date with the precision it is known to: year, month or day. */
const DATE_PATTERN = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

const Id = v.pipe(
  v.string(),
  v.regex(ID_PATTERN, 'must be kebab-case: lower-case letters and digits joined by single hyphens'),
);

/** YAML reads a bare year as a number; accept it and keep every date a string. */
const PartialDate = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.integer())], 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD'),
  v.transform((value) => String(value)),
  v.regex(DATE_PATTERN, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD'),
  v.check(isRealDate, 'is not a real calendar date'),
);

function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  if (day === undefined || month === undefined) return true;
  const date = new Date(Date.UTC(year ?? 0, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const NonEmptyText = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));

/** https preferred; plain http is accepted (many archives and older sites have nothing else) and marked when shipped. */
const WebUrl = v.pipe(
  v.string(),
  v.url('must be a URL'),
  v.regex(/^https?:\/\//, 'must be an https:// (or, if the site has no https, http://) URL'),
);

const SourceIds = v.pipe(v.array(Id), v.minLength(1, 'needs at least one source'));

/** Text per language; English is required because the UI falls back to it. */
const LocalizedText = v.strictObject({
  en: NonEmptyText,
  ru: v.optional(NonEmptyText),
  zh: v.optional(NonEmptyText),
});

export const Source = v.strictObject({
  publisher: NonEmptyText,
  kind: v.picklist(SOURCE_KINDS, `must be one of: ${SOURCE_KINDS.join(', ')}`),
  title: NonEmptyText,
  date: PartialDate,
  url: v.optional(WebUrl),
  /** Where the same facts could be reported differently, say how this source differs. */
  note: v.optional(NonEmptyText),
});
export type Source = v.InferOutput<typeof Source>;

export const SourcesFile = v.record(Id, Source);

const AliasText = v.pipe(
  NonEmptyText,
  v.maxLength(MAX_ALIAS_LENGTH, `an alias is at most ${MAX_ALIAS_LENGTH} characters`),
);

const AliasObject = v.strictObject({
  text: AliasText,
  /** Acronyms whose lower-case form is a common word ("MTS", "CIC") match only as written. */
  caseSensitive: v.optional(v.boolean()),
  /** Surname-only or ambiguous: counts only when the page corroborates it. */
  needsContext: v.optional(v.boolean()),
  /** A contracted form that names other entities too (习普 names Xi and Putin). */
  alsoNames: v.optional(v.array(Id)),
});
/** A bare string is an alias with no flags; its language follows from its script. */
const Alias = v.union([AliasText, AliasObject], 'must be a string or {text, ...flags}');

export const Fact = v.strictObject({
  text: NonEmptyText,
  asOf: PartialDate,
  sources: SourceIds,
});
export type Fact = v.InferOutput<typeof Fact>;

/** One value of a yearly or monthly series, with where it was published. */
const SeriesPoint = v.strictObject({
  period: PartialDate,
  value: v.number(),
  sources: SourceIds,
  note: v.optional(NonEmptyText),
});

/** A figure readers follow over time: bilateral trade, gas through a pipeline. */
export const Series = v.strictObject({
  title: LocalizedText,
  /** Unit of every value: "USD bn", "bcm", "million tonnes". */
  unit: NonEmptyText,
  /** Other words readers look the figure up by, in any language ("trade", «торговля», 贸易). */
  terms: v.optional(v.array(NonEmptyText), []),
  points: v.pipe(v.array(SeriesPoint), v.minLength(1, 'needs at least one point')),
});
export type Series = v.InferOutput<typeof Series>;

export const Role = v.strictObject({
  title: NonEmptyText,
  /** The organisation as an entity id, when the dataset has it. */
  org: v.optional(Id),
  from: v.optional(PartialDate),
  to: v.optional(PartialDate),
});
export type Role = v.InferOutput<typeof Role>;

/** One listing of an entity under a sanctions regime. */
export const Sanction = v.strictObject({
  by: v.picklist(SANCTION_AUTHORITIES, `must be one of: ${SANCTION_AUTHORITIES.join(', ')}`),
  /** The regime or list as its authority names it: "SDN (EO 14024)", "Regulation 269/2014". */
  programme: NonEmptyText,
  since: PartialDate,
  /** When the listing was lifted; absent while it stands. */
  until: v.optional(PartialDate),
  sources: SourceIds,
  note: v.optional(NonEmptyText),
});
export type Sanction = v.InferOutput<typeof Sanction>;

const Country = v.pipe(
  v.string(),
  v.regex(/^(?:[A-Z]{2}|INTL)$/, 'must be an ISO 3166-1 alpha-2 code (RU, CN, …) or INTL'),
);

export const Entity = v.strictObject({
  id: Id,
  type: v.picklist(ENTITY_TYPES),
  /** What kind of person/thing, shown under the name: "state gas company", "pipeline". */
  kind: v.optional(NonEmptyText),
  country: Country,
  names: v.strictObject({
    en: NonEmptyText,
    ru: v.optional(NonEmptyText),
    zh: v.optional(NonEmptyText),
    /** Only where opencc's conversion of `zh` is wrong; otherwise generated at build. */
    zhHant: v.optional(NonEmptyText),
  }),
  aliases: v.optional(v.array(Alias), []),
  /** Longer phrases that contain an alias but name something else (Xi'an, Gazprom Neft). */
  notMentionedBy: v.optional(v.array(NonEmptyText), []),
  summary: LocalizedText,
  facts: v.optional(v.array(Fact), []),
  roles: v.optional(v.array(Role), []),
  series: v.optional(v.array(Series), []),
  sanctions: v.optional(v.array(Sanction), []),
  related: v.optional(v.array(Id), []),
  /** An outlet's own hosts, without "www." ("tass.com"): there its name is a byline, not a mention. */
  sites: v.optional(v.array(v.pipe(v.string(), v.regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/, 'must be a host name')))),
});
export type Entity = v.InferOutput<typeof Entity>;

/**
 * A status as the sources report it on a date: "signed" on the day of signing, "completed" as of
 * the report that says so. A later report of the same status is a newer entry (it confirms it).
 */
const DealStatusEntry = v.strictObject({
  status: v.picklist(DEAL_STATUSES),
  date: PartialDate,
  sources: SourceIds,
});
export type DealStatusEntry = v.InferOutput<typeof DealStatusEntry>;

export const Deal = v.strictObject({
  id: Id,
  title: LocalizedText,
  date: PartialDate,
  parties: v.pipe(v.array(Id), v.minLength(1, 'needs at least one party')),
  /** Entities the deal is about without being a party: a pipeline, a plant. */
  related: v.optional(v.array(Id), []),
  value: v.optional(
    v.strictObject({
      amount: v.pipe(v.number(), v.minValue(0, 'must not be negative')),
      currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code (USD, CNY, RUB, EUR)')),
      approximate: v.optional(v.boolean()),
      note: v.optional(NonEmptyText),
    }),
  ),
  sector: v.picklist(SECTORS),
  /** Oldest first; the last entry is the deal's current status. */
  statuses: v.pipe(v.array(DealStatusEntry), v.minLength(1, 'needs at least one status')),
  summary: LocalizedText,
  confidence: v.picklist(CONFIDENCE),
  sources: SourceIds,
});
export type Deal = v.InferOutput<typeof Deal>;

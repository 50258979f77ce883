/** The compiled dataset the extension ships: what the card, the popup and the matcher read. */
import type { Deal, DealStatus, EntityType, Fact, Role, Sanction, Series, Source } from './schema';

interface LocalizedText {
  readonly en: string;
  readonly ru?: string;
  readonly zh?: string;
}

export interface EntityRecord {
  readonly id: string;
  readonly type: EntityType;
  readonly kind?: string;
  readonly country: string;
  readonly names: { readonly en: string; readonly ru?: string; readonly zh?: string; readonly zhHant?: string };
  /** Every alias as written, for search and display (traditional forms included). */
  readonly aliases: readonly string[];
  readonly summary: LocalizedText;
  readonly facts: readonly Fact[];
  readonly roles: readonly Role[];
  readonly series: readonly Series[];
  readonly sanctions: readonly Sanction[];
  readonly related: readonly string[];
  /** An outlet's hosts ("tass.com"): where its own name is a byline, not a mention. */
  readonly sites?: readonly string[];
}

/** A deal with its current status (the last of `statuses`) spelled out for lists and cards. */
export type DealRecord = Deal & { readonly status: DealStatus };

/** A source as shipped: `insecure` marks an http:// URL, which the card shows but does not link. */
export type SourceRecord = Source & { readonly insecure?: true };

/** One string the matcher looks for, and what a match of it means. */
export interface LexiconEntry {
  readonly text: string;
  readonly entity: string;
  readonly caseSensitive?: true;
  readonly needsContext?: true;
  readonly alsoNames?: readonly string[];
  /** A phrase that contains an alias of `entity` but is not a mention of it: a match is dropped. */
  readonly notAMention?: true;
}

export interface CompiledDataset {
  /** Content hash: changes whenever any data changes. */
  readonly version: string;
  /** The newest date anywhere in the data: how current it is. */
  readonly dataAsOf: string;
  readonly entities: readonly EntityRecord[];
  readonly deals: readonly DealRecord[];
  readonly sources: Readonly<Record<string, SourceRecord>>;
  readonly lexicon: readonly LexiconEntry[];
}

/** What cards and deal views are made from: the compiled dataset without the matcher's lexicon. */
export type DatasetRecords = Omit<CompiledDataset, 'lexicon'>;

/** An entity's names in every language, in one order: the one list of them (matcher, checks, search). */
export function nameList(names: {
  readonly en: string;
  readonly ru?: string;
  readonly zh?: string;
  readonly zhHant?: string;
}): string[] {
  return [names.en, names.ru, names.zh, names.zhHant].filter((name): name is string => Boolean(name));
}

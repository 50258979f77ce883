/**
 * The dataset as the extension ships it: three files written at build time, each read only by
 * what needs it, so no start pays for the whole dataset.
 * - the lexicon (`lexicon.bin`): the compiled matcher and each entity's type, packed so the
 *   background answers a page's first question with no compiling (`binary-pack.ts`);
 * - the records (`records.json`): everything a card or a deal view shows, read by the
 *   background at the first card;
 * - the search data (`search.json`): names, aliases and summaries, for the popup.
 */
import { pack, unpack } from '../binary-pack';
import { Matcher, type PackedMatcherMeta } from '../matcher/matcher';
import { type SearchData, searchDataOf } from '../search/search-data';
import { buildLensIndex } from './lens-index';
import type { CompiledDataset, DatasetRecords } from './records';
import type { EntityType } from './schema';
import type { SHIPPED_FILES } from './shipped-files';

interface LexiconMeta {
  readonly version: string;
  readonly matcher: PackedMatcherMeta;
  readonly types: Readonly<Record<string, EntityType>>;
}

/** What the background matches pages with. */
export interface ShippedLexicon {
  readonly version: string;
  readonly matcher: Matcher;
  readonly types: Readonly<Record<string, EntityType>>;
}

function packLexicon(data: CompiledDataset): ArrayBuffer {
  const { meta, arrays } = buildLensIndex(data).matcher.toPacked();
  const types = Object.fromEntries(data.entities.map((entity) => [entity.id, entity.type]));
  return pack<LexiconMeta>({ version: data.version, matcher: meta, types }, arrays);
}

export function unpackLexicon(buffer: ArrayBuffer): ShippedLexicon {
  const packed = unpack<LexiconMeta>(buffer);
  const { version, types } = packed.meta;
  return { version, matcher: Matcher.fromPacked(packed), types };
}

/** Every shipped file's contents, from the compiled dataset. */
export function shippedFiles(data: CompiledDataset): Record<keyof typeof SHIPPED_FILES, string | Uint8Array> {
  const { lexicon: _lexicon, ...records } = data;
  const search: SearchData = searchDataOf(data);
  return {
    lexicon: new Uint8Array(packLexicon(data)),
    records: JSON.stringify(records satisfies DatasetRecords),
    search: JSON.stringify(search),
  };
}

/**
 * Reads the dataset files built into the extension (utils/dataset/shipped-data.ts says which), from
 * the background or an extension page: a root path is the extension's own file there, as it is for
 * the background's early request (lexicon-request.ts).
 */
import type { DatasetRecords } from '../dataset/records';
import { type ShippedLexicon, unpackLexicon } from '../dataset/shipped-data';
import { SHIPPED_FILES } from '../dataset/shipped-files';
import type { SearchData } from '../search/search-data';

async function read(
  path: (typeof SHIPPED_FILES)[keyof typeof SHIPPED_FILES],
  requested?: Promise<Response>,
): Promise<Response> {
  const response = await (requested ?? fetch(path));
  if (!response.ok) throw new Error(`The extension's ${path} could not be read (${response.status})`);
  return response;
}

/** `requested`: the file's request if one is already out (utils/browser/lexicon-request.ts). */
export const readLexicon = async (requested?: Promise<Response>): Promise<ShippedLexicon> =>
  unpackLexicon(await (await read(SHIPPED_FILES.lexicon, requested)).arrayBuffer());

export const readRecords = async (): Promise<DatasetRecords> =>
  (await (await read(SHIPPED_FILES.records)).json()) as DatasetRecords;

export const readSearchData = async (): Promise<SearchData> =>
  (await (await read(SHIPPED_FILES.search)).json()) as SearchData;

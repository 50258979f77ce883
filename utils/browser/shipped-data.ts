/** Reads the dataset files built into the extension (utils/dataset/shipped-data.ts says which). */
import { browser } from '#imports';
import type { DatasetRecords } from '../dataset/records';
import { SHIPPED_FILES, type ShippedLexicon, unpackLexicon } from '../dataset/shipped-data';
import type { SearchData } from '../search/search-data';

async function read(path: (typeof SHIPPED_FILES)[keyof typeof SHIPPED_FILES]): Promise<Response> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`The extension's ${path} could not be read (${response.status})`);
  return response;
}

export const readLexicon = async (): Promise<ShippedLexicon> =>
  unpackLexicon(await (await read(SHIPPED_FILES.lexicon)).arrayBuffer());

export const readRecords = async (): Promise<DatasetRecords> =>
  (await (await read(SHIPPED_FILES.records)).json()) as DatasetRecords;

export const readSearchData = async (): Promise<SearchData> =>
  (await (await read(SHIPPED_FILES.search)).json()) as SearchData;

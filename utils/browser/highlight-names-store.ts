/**
 * This install's highlight names (utils/highlight-names.ts), made at the first need and kept in
 * `storage.local`; a missing or damaged stored value is replaced by a new set.
 */
import { storage } from '#imports';
import { newHighlightNames, readHighlightNames } from '../highlight-names';

const namesItem = storage.defineItem<unknown>('local:highlightNames');

let cached: Promise<string[]> | undefined;

/** The names as stored, if a valid set is: a content script reads them without the background. */
export async function storedHighlightNames(): Promise<string[] | undefined> {
  return readHighlightNames(await namesItem.getValue());
}

async function loadOrMake(): Promise<string[]> {
  const stored = await storedHighlightNames();
  if (stored) return stored;
  const names = newHighlightNames((length) => crypto.getRandomValues(new Uint8Array(length)));
  await namesItem.setValue(names);
  return names;
}

export function highlightNames(): Promise<string[]> {
  cached ??= loadOrMake().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

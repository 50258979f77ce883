/**
 * Where the settings live: `browser.storage.local`, through @wxt-dev/storage (versioned, so a
 * later shape can migrate the stored one). Every read goes through `readSettings`, so a broken
 * stored value costs only its broken fields.
 */
import { storage } from '#imports';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../settings';

const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  // Version 1 is the first shape; a change of shape adds a version and its migration here.
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue());
}

export async function saveSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = readSettings(change(await loadSettings()));
  await settingsItem.setValue(next);
  return next;
}

export function resetSettings(): Promise<void> {
  return settingsItem.setValue(DEFAULT_SETTINGS);
}

/** Calls back with every change, from any page or tab; returns the unsubscribe. */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(readSettings(value)));
}

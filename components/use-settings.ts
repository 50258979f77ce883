/**
 * The reader's settings in an extension page (popup, options): loaded, kept current as they
 * change anywhere, and applied to the page itself (theme, category colours).
 */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, watchSettings } from '../utils/browser/settings-store';
import { categoryColorProperties, DEFAULT_SETTINGS, type Settings } from '../utils/settings';

export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    loadSettings().then(setSettings, () => undefined);
    return watchSettings(setSettings);
  }, []);
  useEffect(() => {
    const dark =
      settings.theme === 'dark' || (settings.theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  }, [settings.theme]);
  useEffect(() => {
    for (const [property, value] of categoryColorProperties(settings.categories)) {
      document.documentElement.style.setProperty(property, value);
    }
  }, [settings.categories]);
  return settings;
}

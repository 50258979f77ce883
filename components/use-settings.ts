/**
 * The reader's settings in an extension page (popup, options): loaded, kept current as they
 * change anywhere, and applied to the page itself (theme, category colours).
 */
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, watchSettings } from '../utils/browser/settings-store';
import { categoryColorProperties, DEFAULT_SETTINGS, resolveTheme, type Settings } from '../utils/settings';

export function useSettings(): Settings {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    loadSettings().then(setSettings, () => undefined);
    return watchSettings(setSettings);
  }, []);
  useEffect(() => {
    // Always explicit: the stylesheets have no colour-scheme media rules to overrule the reader.
    document.documentElement.dataset.theme = resolveTheme(
      settings.theme,
      () => matchMedia('(prefers-color-scheme: dark)').matches,
    );
  }, [settings.theme]);
  useEffect(() => {
    for (const [property, value] of categoryColorProperties(settings.categories)) {
      document.documentElement.style.setProperty(property, value);
    }
  }, [settings.categories]);
  return settings;
}

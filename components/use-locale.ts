/**
 * The interface language of an extension page (popup, options, welcome): the reader's choice,
 * else the browser's UI language, else English; set on the document for screen readers and fonts.
 */
import { useEffect } from 'preact/hooks';
import { chooseLocale, LOCALE_TAG, localeOfTag, type UiLocale } from '../utils/i18n/locale';
import type { Settings } from '../utils/settings';

export function useUiLocale(settings: Settings): UiLocale {
  const locale = chooseLocale(settings.language, localeOfTag(navigator.language));
  useEffect(() => {
    document.documentElement.lang = LOCALE_TAG[locale];
  }, [locale]);
  return locale;
}

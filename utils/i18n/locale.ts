/**
 * The languages the interface speaks, and how a locale is chosen: the reader's choice in the
 * settings wins; otherwise the page's language (the card) or the browser's (popup, options).
 */

export const UI_LOCALES = ['en', 'ru', 'zh'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** The reader's language setting: a locale, or "auto" (follow the page or the browser). */
export const LANGUAGE_CHOICES = ['auto', ...UI_LOCALES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

/** The UI locale of a BCP 47 tag ("ru-RU" → ru, "zh-Hant-TW" → zh), or undefined for any other language. */
export function localeOfTag(tag: string | null | undefined): UiLocale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isUiLocale(primary) ? primary : undefined;
}

/** The locale to use: the reader's choice, else what the context suggests, else English. */
export function chooseLocale(choice: LanguageChoice, contextLocale: UiLocale | undefined): UiLocale {
  return choice === 'auto' ? (contextLocale ?? 'en') : choice;
}

/** Each locale's tag for `lang` attributes and Intl (Chinese is written in simplified characters). */
export const LOCALE_TAG: Record<UiLocale, string> = { en: 'en', ru: 'ru', zh: 'zh-Hans' };

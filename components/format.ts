/** How the card, popup and options write types, countries, dates, sums and text in the reader's language. */
import type { DealRecord } from '../utils/dataset/records';
import type { EntityType } from '../utils/dataset/schema';
import { LOCALE_TAG, type UiLocale } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';
import type { Category } from '../utils/settings';

/** The highlight category of a type (the reader picks each category's colour: utils/settings.ts). */
export const TYPE_CATEGORY: Record<EntityType, Category> = {
  person: 'person',
  company: 'firm',
  bank: 'firm',
  fund: 'firm',
  project: 'project',
  organization: 'org',
  initiative: 'org',
  event: 'org',
  // Crossings, bridges and terminals are the infrastructure projects run through.
  place: 'project',
};

/** Text in the reader's language where the data has it, else English, and which language it is in. */
export interface Localized {
  readonly text: string;
  readonly lang: UiLocale;
}

export function localized(
  text: { readonly en: string; readonly ru?: string; readonly zh?: string },
  locale: UiLocale,
): Localized {
  const own = text[locale];
  return own ? { text: own, lang: locale } : { text: text.en, lang: 'en' };
}

/** Formats by locale: English as the project writes it (British: "2 Dec 2019"). */
const FORMAT_TAG: Record<UiLocale, string> = { en: 'en-GB', ru: 'ru', zh: 'zh-Hans' };

const regionNames = new Map<UiLocale, Intl.DisplayNames>();
export function countryName(code: string, locale: UiLocale): string {
  if (code === 'INTL') return t(locale, 'card.international');
  try {
    let names = regionNames.get(locale);
    if (!names) {
      names = new Intl.DisplayNames([LOCALE_TAG[locale]], { type: 'region' });
      regionNames.set(locale, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: UiLocale, precision: 'year' | 'month' | 'day'): Intl.DateTimeFormat {
  const key = `${locale}-${precision}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(FORMAT_TAG[locale], {
      timeZone: 'UTC',
      year: 'numeric',
      ...(precision === 'year' ? {} : { month: 'short' }),
      ...(precision === 'day' ? { day: 'numeric' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** "2019", "Dec 2019" or "2 Dec 2019" (in the locale's way): as precise as the data. */
export function formatDate(date: string, locale: UiLocale): string {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) return date;
  const precision = day ? 'day' : month ? 'month' : 'year';
  return dateFormat(locale, precision).format(new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1)));
}

/** "US$400B", "400 млрд $", "US$4000亿": the locale's compact currency; "≈" when the sources say "about". */
export function formatMoney(value: NonNullable<DealRecord['value']>, locale: UiLocale): string {
  const { amount, currency, approximate } = value;
  let money: string;
  try {
    money = new Intl.NumberFormat(FORMAT_TAG[locale], {
      style: 'currency',
      currency,
      notation: amount >= 1e6 ? 'compact' : 'standard',
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
    }).format(amount);
  } catch {
    // Not an ISO currency code: the number and the code as written.
    money = `${new Intl.NumberFormat(FORMAT_TAG[locale], { notation: 'compact' }).format(amount)} ${currency}`;
  }
  return approximate ? `≈ ${money}` : money;
}

/** A number in the locale's way ("1,234.5", "1 234,5"). */
export function formatNumber(value: number, locale: UiLocale): string {
  return value.toLocaleString(FORMAT_TAG[locale]);
}

/** Only https links are ever rendered. */
export function safeUrl(url: string | undefined): string | undefined {
  return url?.startsWith('https://') ? url : undefined;
}

/**
 * A fact as the reader pastes it elsewhere: its text and date, then each source with publisher,
 * title, date and address ("—" lines), so the citation travels with the claim.
 */
export function factCitation(
  fact: { readonly text: string; readonly asOf: string; readonly sources: readonly string[] },
  sources: Readonly<Record<string, { publisher: string; title: string; date: string; url?: string }>>,
  locale: UiLocale,
): string {
  const lines = [`${fact.text} (${t(locale, 'card.asOf', { date: formatDate(fact.asOf, locale) })})`];
  for (const id of fact.sources) {
    const source = sources[id];
    if (!source) continue;
    const parts = [source.publisher, `“${source.title}”`, formatDate(source.date, locale), source.url];
    lines.push(`— ${parts.filter(Boolean).join(', ')}`);
  }
  return lines.join('\n');
}

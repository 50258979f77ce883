/** How the card and popup write types, countries, dates and sums. */
import type { DealRecord } from '../utils/dataset/records';
import type { EntityType, SourceKind } from '../utils/dataset/schema';
import type { Category } from '../utils/settings';

export const TYPE_LABEL: Record<EntityType, string> = {
  person: 'Person',
  company: 'Company',
  bank: 'Bank',
  fund: 'Fund',
  project: 'Project',
  organization: 'Organisation',
  initiative: 'Initiative',
  event: 'Event',
  place: 'Place',
};

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

let regionNames: Intl.DisplayNames | undefined;
export function countryName(code: string): string {
  if (code === 'INTL') return 'International';
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2019", "Dec 2019" or "2 Dec 2019": as precise as the data. */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year ?? date;
  const monthName = MONTHS[Number(month) - 1] ?? month;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

const CURRENCY_PREFIX: Record<string, string> = { USD: 'US$', EUR: '€', CNY: 'CN¥', RUB: '₽', GBP: '£' };

function trimNumber(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Number(value.toFixed(1)));
}

/** "US$400 bn", "≈ ₽1.2 trn"; a currency without a symbol keeps its code. */
export function formatMoney(value: NonNullable<DealRecord['value']>): string {
  const { amount, currency, approximate } = value;
  const scaled =
    amount >= 1e12
      ? `${trimNumber(amount / 1e12)} trn`
      : amount >= 1e9
        ? `${trimNumber(amount / 1e9)} bn`
        : amount >= 1e6
          ? `${trimNumber(amount / 1e6)} mn`
          : amount.toLocaleString('en');
  const prefix = CURRENCY_PREFIX[currency];
  const money = prefix ? `${prefix}${scaled}` : `${scaled} ${currency}`;
  return approximate ? `≈ ${money}` : money;
}

export const STATUS_LABEL: Record<DealRecord['status'], string> = {
  signed: 'signed',
  mou: 'memorandum',
  'in-progress': 'in progress',
  completed: 'completed',
  stalled: 'stalled',
  cancelled: 'cancelled',
};

/** How a source's kind reads after its publisher, so a reader can weigh it. */
export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  wire: 'news agency',
  newspaper: 'news outlet',
  'state-media': 'state media',
  company: 'company',
  government: 'official',
  research: 'research',
  reference: 'reference',
  aggregator: 'copy',
};

/** Only https links are ever rendered. */
export function safeUrl(url: string | undefined): string | undefined {
  return url?.startsWith('https://') ? url : undefined;
}

/**
 * `t(locale, key, params)`: an interface string in the reader's language, its `{placeholders}`
 * filled, its plural form chosen by `params.count`. Usable anywhere (card, popup, options,
 * welcome, Node tests): no browser globals.
 */
import type { UiLocale } from './locale';
import { MESSAGES, type Message, type MessageKey } from './messages';

export type { MessageKey } from './messages';

type Params = Readonly<Record<string, string | number>>;

const pluralRules = new Map<UiLocale, Intl.PluralRules>();

function pick(message: Message, locale: UiLocale, count: number | undefined): string {
  if (typeof message === 'string') return message;
  if (count === undefined) return message.other;
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return message[rules.select(count)] ?? message.other;
}

export function t(locale: UiLocale, key: MessageKey, params?: Params): string {
  const count = typeof params?.count === 'number' ? params.count : undefined;
  const text = pick(MESSAGES[locale][key], locale, count);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

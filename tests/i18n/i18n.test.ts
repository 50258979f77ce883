import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseLocale, localeOfTag, UI_LOCALES } from '../../utils/i18n/locale';
import { MESSAGES, type MessageKey } from '../../utils/i18n/messages';
import { t } from '../../utils/i18n/t';

const KEYS = Object.keys(MESSAGES.en) as MessageKey[];
const PLACEHOLDER = /\{(\w+)\}/g;
const placeholders = (text: string) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();
const forms = (message: (typeof MESSAGES.en)[MessageKey]) =>
  typeof message === 'string' ? [message] : Object.values(message);

describe('UI strings', () => {
  it.each(UI_LOCALES)('%s has every key, none empty, with the same placeholders as English', (locale) => {
    const table = MESSAGES[locale];
    expect(Object.keys(table).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      // A plural form may leave the count out ("once"); every other placeholder is in each form.
      const english = new Set(forms(MESSAGES.en[key]).flatMap(placeholders));
      for (const form of forms(table[key])) {
        expect(form.trim(), `${locale} ${key}`).not.toBe('');
        expect(
          placeholders(form).filter((name) => !english.has(name)),
          `${locale} ${key}`,
        ).toEqual([]);
        expect([...english].filter((name) => name !== 'count' && !placeholders(form).includes(name))).toEqual([]);
      }
    }
  });

  it('fills placeholders and picks plural forms per language', () => {
    expect(t('en', 'card.mentions', { count: 1 })).toBe('Mentioned once on this page');
    expect(t('en', 'card.mentions', { count: 3 })).toBe('Mentioned 3 times on this page');
    expect(t('ru', 'card.mentions', { count: 2 })).toBe('Упоминается на странице 2 раза');
    expect(t('ru', 'card.mentions', { count: 5 })).toBe('Упоминается на странице 5 раз');
    expect(t('ru', 'card.mentions', { count: 21 })).toBe('Упоминается на странице 21 раз');
    expect(t('zh', 'card.mentions', { count: 4 })).toBe('本页提及 4 次');
    expect(t('ru', 'options.delayRange', { min: 0, max: 2000 })).toBe('Задержка должна быть от 0 до 2000 мс.');
    // A value that looks like a placeholder is not filled again.
    expect(t('en', 'options.removeLabel', { site: '{site}' })).toBe('Remove {site}');
  });

  it('speaks each language in its own script', () => {
    expect(t('ru', 'card.facts')).toMatch(/\p{Script=Cyrillic}/u);
    expect(t('zh', 'card.facts')).toMatch(/\p{Script=Han}/u);
    expect(t('en', 'card.facts')).toBe('Key facts');
  });

  it('chooses the locale: the reader’s choice, else the context’s, else English', () => {
    expect(localeOfTag('ru-RU')).toBe('ru');
    expect(localeOfTag('zh-Hant-TW')).toBe('zh');
    expect(localeOfTag('ZH_cn')).toBe('zh');
    expect(localeOfTag('en-GB')).toBe('en');
    expect(localeOfTag('de')).toBeUndefined();
    expect(localeOfTag('')).toBeUndefined();
    expect(localeOfTag(null)).toBeUndefined();
    expect(chooseLocale('auto', 'zh')).toBe('zh');
    expect(chooseLocale('auto', undefined)).toBe('en');
    expect(chooseLocale('ru', 'zh')).toBe('ru');
  });

  it('has the manifest’s name and description in every shipped locale', () => {
    for (const folder of ['en', 'ru', 'zh_CN']) {
      const messages = JSON.parse(readFileSync(`public/_locales/${folder}/messages.json`, 'utf8')) as Record<
        string,
        { message: string }
      >;
      for (const key of ['extName', 'extShortName', 'extDescription']) {
        expect(messages[key]?.message.trim(), `${folder} ${key}`).toBeTruthy();
      }
    }
  });
});

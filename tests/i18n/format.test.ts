import { describe, expect, it } from 'vitest';
import { countryName, factCitation, formatDate, formatMoney, localized } from '../../components/format';
import { DEFAULT_SETTINGS, readSettings, resolveTheme, withMuted } from '../../utils/settings';

describe('localised formats', () => {
  it('writes dates as precisely as the data, in each language', () => {
    expect(formatDate('2019-12-02', 'en')).toBe('2 Dec 2019');
    expect(formatDate('2019-12', 'en')).toBe('Dec 2019');
    expect(formatDate('2019', 'en')).toBe('2019');
    expect(formatDate('2019-12-02', 'ru')).toMatch(/^2 дек\.? 2019/);
    expect(formatDate('2019-12-02', 'zh')).toBe('2019年12月2日');
    expect(formatDate('2019', 'zh')).toBe('2019年');
  });

  it('writes sums in each language’s compact form', () => {
    expect(formatMoney({ amount: 400e9, currency: 'USD' }, 'en')).toBe('US$400bn');
    expect(formatMoney({ amount: 400e9, currency: 'USD', approximate: true }, 'en')).toBe('≈ US$400bn');
    expect(formatMoney({ amount: 1.2e12, currency: 'RUB' }, 'en')).toMatch(/^(₽|RUB\s)1\.2tn$/);
    expect(formatMoney({ amount: 400e9, currency: 'USD' }, 'ru')).toMatch(/^400\sмлрд\s\$$/);
    expect(formatMoney({ amount: 400e9, currency: 'USD' }, 'zh')).toMatch(/4000亿/);
  });

  it('names countries in each language', () => {
    expect(countryName('RU', 'en')).toBe('Russia');
    expect(countryName('RU', 'ru')).toBe('Россия');
    expect(countryName('CN', 'zh')).toBe('中国');
    expect(countryName('INTL', 'ru')).toBe('Международная');
  });

  it('takes data text in the reader’s language, else English, and says which', () => {
    expect(localized({ en: 'Gazprom', ru: 'Газпром' }, 'ru')).toEqual({ text: 'Газпром', lang: 'ru' });
    expect(localized({ en: 'Gazprom', ru: 'Газпром' }, 'zh')).toEqual({ text: 'Gazprom', lang: 'en' });
  });

  it('cites a fact with every source’s publisher, title, date and address', () => {
    const sources = {
      a: { publisher: 'Reuters', title: 'Gazprom signs', date: '2014-05-21', url: 'https://example.com/a' },
      b: { publisher: 'TASS', title: 'Газпром подписал', date: '2014-05' },
    };
    expect(
      factCitation(
        { text: 'Signed a 30-year contract.', asOf: '2014-05-21', sources: ['a', 'b', 'gone'] },
        sources,
        'en',
      ),
    ).toBe(
      'Signed a 30-year contract. (As of 21 May 2014)\n' +
        '— Reuters, “Gazprom signs”, 21 May 2014, https://example.com/a\n' +
        '— TASS, “Газпром подписал”, May 2014',
    );
  });
});

describe('reader settings for the card', () => {
  it('resolves the theme explicitly: the choice wins over the context', () => {
    expect(resolveTheme('light', () => true)).toBe('light');
    expect(resolveTheme('dark', () => false)).toBe('dark');
    expect(resolveTheme('auto', () => true)).toBe('dark');
    expect(resolveTheme('auto', () => false)).toBe('light');
  });

  it('mutes an entity once, newest first, and reads a damaged list back as empty', () => {
    const once = withMuted(DEFAULT_SETTINGS, { id: 'gazprom', name: 'Газпром' });
    const twice = withMuted(withMuted(once, { id: 'cnpc', name: 'CNPC' }), { id: 'gazprom', name: 'Gazprom' });
    expect(twice.mutedEntities).toEqual([
      { id: 'gazprom', name: 'Gazprom' },
      { id: 'cnpc', name: 'CNPC' },
    ]);
    expect(readSettings({ ...twice }).mutedEntities).toEqual(twice.mutedEntities);
    expect(readSettings({ mutedEntities: [{ id: 'Not An Id', name: 'x' }] }).mutedEntities).toEqual([]);
    expect(readSettings({ language: 'fr' }).language).toBe('auto');
    expect(readSettings({ language: 'zh' }).language).toBe('zh');
  });
});

import { describe, expect, it } from 'vitest';
import { pageLanguage, scriptLanguage } from '../../utils/page/page-language';

describe('page language', () => {
  it('takes the lang attribute when it names one of our languages', () => {
    expect(pageLanguage('ru', 'Gazprom and CNPC signed')).toBe('ru');
    expect(pageLanguage('zh-CN', 'Газпром')).toBe('zh');
    expect(pageLanguage('en-US', '俄罗斯天然气工业股份公司')).toBe('en');
  });

  it('else reads the script of the text', () => {
    expect(pageLanguage('', '«Газпром» и CNPC подписали соглашение о поставках газа')).toBe('ru');
    expect(pageLanguage(undefined, '俄罗斯天然气工业股份公司与中国石油天然气集团签署协议 (Gazprom, CNPC)')).toBe('zh');
    expect(pageLanguage('de', 'Gazprom und CNPC unterzeichnen einen Vertrag')).toBe('en');
    expect(pageLanguage(null, '')).toBe('en');
  });

  it('weighs Han characters as words, not letters', () => {
    // Eight Han characters against sixteen Latin letters: a Chinese sentence quoting a name.
    expect(scriptLanguage('普京会见习近平主席 Vladimir Putin')).toBe('zh');
    expect(scriptLanguage('Xi Jinping (习近平) met Vladimir Putin in Moscow on Tuesday')).toBe('en');
    expect(scriptLanguage('Си Цзиньпин (习近平) встретился с Путиным')).toBe('ru');
  });
});

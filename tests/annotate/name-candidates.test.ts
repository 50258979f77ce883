import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessType } from '../../utils/annotate/guess-type';
import { rankCandidates } from '../../utils/annotate/name-candidates';
import { findUnknownNames, nameKey } from '../../utils/annotate/unknown-names';
import type { Mention } from '../../utils/matcher/matcher';

const names = (text: string, mentions: readonly Mention[] = []) =>
  findUnknownNames(text, mentions).map((occurrence) => occurrence.text);

const article = (file: string, text: string) => ({ file, text, occurrences: findUnknownNames(text, []) });

describe('unknown names', () => {
  it('finds names in three scripts, without titles, possessives, countries or sentence words', () => {
    const text =
      'Then Chinese Premier Wen Jiabao met Alibaba’s chief in Heihe. Russia and China signed. ' +
      'Глава «Роснефтегаза» посетил Благовещенск и Китайской стороной. ' +
      '中方表示，“西伯利亚力量”管道和中国工商银行以及弗拉基米尔·普京。';
    const found = names(text);
    expect(found).toEqual(
      expect.arrayContaining(['Wen Jiabao', 'Alibaba', 'Heihe', 'Роснефтегаза', 'Благовещенск', '西伯利亚力量']),
    );
    expect(found).toEqual(expect.arrayContaining(['中国工商银行', '弗拉基米尔·普京']));
    for (const word of ['Then', 'Russia', 'China', 'Chinese Premier Wen Jiabao', 'Китайской', 'Alibaba’s'])
      expect(found).not.toContain(word);
  });

  it('keeps a title as a hint, and skips what a mention covers', () => {
    const text = 'President Xi met Governor Vasily Orlov.';
    const [xi, orlov] = findUnknownNames(text, []);
    expect(orlov).toMatchObject({ text: 'Vasily Orlov', title: 'Governor' });
    expect(xi?.text).toBe('President Xi'.replace('President ', ''));
    expect(names(text, [{ start: 26, end: 38, entities: ['x'] } as unknown as Mention])).toEqual(['Xi']);
  });

  it('groups the case forms of a Russian name', () => {
    expect(nameKey('Мишустина')).toBe(nameKey('Мишустин'));
    expect(nameKey('Тяньцзине')).toBe(nameKey('Тяньцзинь'));
  });
});

describe('type guesses', () => {
  const guess = (name: string, before = '', after = '') => guessType([{ name, before, after }]);

  it('reads suffixes and words in the name', () => {
    expect(guess('Bank of Ningbo')).toBe('bank');
    expect(guess('Сбербанк')).toBe('bank');
    expect(guess('中国工商银行')).toBe('bank');
    expect(guess('Alibaba Group')).toBe('company');
    expect(guess('中国石化集团')).toBe('company');
    expect(guess('ПАО Новатэк')).toBe('company');
    expect(guess('Vostok-2018 exercises')).toBe('event');
    expect(guess('Восток-2018 учения')).toBe('event');
    expect(guess('海上联合-2012演习')).toBe('event');
    expect(guess('Zabaikalsk checkpoint')).toBe('place');
    expect(guess('Eastern Military District')).toBe('place');
    expect(guess('Northern Fleet')).toBe('organization');
    expect(guess('Ministry of Commerce')).toBe('organization');
    expect(guess('Power of Siberia 2 pipeline')).toBe('project');
  });

  it('reads a title or a preposition of place around the name', () => {
    expect(guess('Orlov', 'said Governor ')).toBe('person');
    expect(guess('Мишустин', 'премьер-министр ')).toBe('person');
    expect(guess('李强', '', '总理表示')).toBe('person');
    expect(guess('Heihe', 'arrived in ')).toBe('place');
    expect(guess('Благовещенск', 'прибыл в ')).toBe('place');
    expect(guess('AP', 'according to ')).toBe('unknown');
    expect(guess('Wen Jiabao')).toBe('person');
    expect(guess('弗拉基米尔·普京')).toBe('person');
    expect(guess('Alibaba')).toBe('unknown');
  });

  it('takes the most frequent real cue over all uses', () => {
    expect(
      guessType([
        { name: 'Heihe', before: 'in ', after: '' },
        { name: 'Heihe', before: 'the ', after: '' },
        { name: 'Heihe', before: 'to ', after: '' },
      ]),
    ).toBe('place');
  });
});

describe('candidates', () => {
  it('ranks by articles, then uses, with one line of context and a minimum', () => {
    const ranked = rankCandidates([
      article('a.txt', 'The Heihe bridge opened. Officials in Heihe cheered. Alibaba rose.'),
      article('b.txt', 'Trucks crossed at Heihe. Alibaba and Alibaba again, said Alibaba.'),
      article('c.txt', 'Alibaba is big.'),
    ]);
    expect(ranked.slice(0, 2).map((c) => [c.name, c.articles, c.count])).toEqual([
      ['Alibaba', 3, 5],
      ['Heihe', 2, 3],
    ]);
    expect(ranked.find((c) => c.name === 'Heihe')?.type).toBe('place');
    expect(ranked[0]?.context).toContain('[Alibaba]');
    // "Trucks" and "Officials" only ever start sentences.
    expect(ranked.map((c) => c.name)).not.toContain('Trucks');
    expect(rankCandidates([article('a.txt', 'Heihe and Heihe.')], 2)).toEqual([]);
  });

  it('groups Russian case forms under the most frequent one', () => {
    const [candidate] = rankCandidates([
      article('a.txt', 'Встреча в Благовещенске. Мост у Благовещенска.'),
      article('b.txt', 'Жители города Благовещенска.'),
    ]);
    expect(candidate).toMatchObject({ name: 'Благовещенска', articles: 2, count: 3 });
    expect(candidate?.forms).toEqual(['Благовещенска', 'Благовещенске']);
  });

  it('counts a span labelled with an id the dataset lacks under that id, found or not', () => {
    const text = 'Premier Modi spoke. Narendra Modi left. The defence ministry agreed.';
    const [modi, ministry] = rankCandidates([
      {
        file: 'a.txt',
        text,
        occurrences: findUnknownNames(text, []),
        labels: [
          { start: 8, end: 12, entity: 'narendra-modi' },
          { start: 20, end: 33, entity: 'narendra-modi' },
          { start: 44, end: 60, entity: 'indian-defence-ministry' },
        ],
      },
    ]);
    expect(modi).toMatchObject({ name: 'Narendra Modi', count: 2, labelledAs: 'narendra-modi' });
    expect(ministry).toMatchObject({ name: 'defence ministry', labelledAs: 'indian-defence-ministry' });
  });

  it('data:candidates reads labelled .txt and .html, and prints JSON', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'lens-candidates-'));
    writeFileSync(
      join(dir, 'one.txt'),
      'Officials from [[Novozavodsk|novozavodsk]] met [[Gazprom|gazprom]] in Lianfengkou.',
    );
    writeFileSync(join(dir, 'three.txt'), 'Trucks wait in [[Novozavodsk|novozavodsk]].');
    writeFileSync(
      join(dir, 'two.html'),
      '<html><body><p>Trucks queue at Novozavodsk and Lianfengkou.</p></body></html>',
    );
    writeFileSync(join(dir, 'skip.md'), 'Novozavodsk Novozavodsk');
    const root = join(import.meta.dirname, '..', '..');
    const output = execFileSync(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(root, 'scripts', 'data-candidates.ts'), '--json', '--min-articles', '2', dir],
      { cwd: root, encoding: 'utf8' },
    );
    const candidates = JSON.parse(output);
    expect(candidates.map((c: { name: string; articles: number }) => [c.name, c.articles])).toEqual([
      ['Novozavodsk', 3],
      ['Lianfengkou', 2],
    ]);
    expect(candidates[0].labelledAs).toBe('novozavodsk');
    for (const candidate of candidates) {
      expect(Object.keys(candidate)).toEqual(
        expect.arrayContaining(['articles', 'context', 'count', 'file', 'forms', 'name', 'type']),
      );
      expect(candidate.context).not.toContain('[[');
    }
  });
});

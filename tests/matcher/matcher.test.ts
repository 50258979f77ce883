import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { traditionalForms } from '../../utils/dataset/compile-dataset';
import type { LexiconEntry } from '../../utils/dataset/records';
import { compiledForms, isWordCode, Matcher } from '../../utils/matcher/matcher';
import { normalizeForMatch } from '../../utils/text/normalize';
import { stemWord } from '../../utils/text/russian-endings';

const LEXICON: LexiconEntry[] = [
  { text: 'Gazprom', entity: 'gazprom' },
  { text: 'Газпром', entity: 'gazprom' },
  { text: '俄气', entity: 'gazprom' },
  { text: 'Gazprombank', entity: 'gazprombank' },
  { text: 'Газпромбанк', entity: 'gazprombank' },
  { text: 'Power of Siberia', entity: 'power-of-siberia' },
  { text: 'Сила Сибири', entity: 'power-of-siberia' },
  { text: 'Power of Siberia 2', entity: 'power-of-siberia-2' },
  { text: 'Arctic LNG 2', entity: 'arctic-lng-2' },
  { text: 'Vladimir Putin', entity: 'vladimir-putin' },
  { text: 'Putin', entity: 'vladimir-putin' },
  { text: 'Путин', entity: 'vladimir-putin' },
  { text: 'Владимир Путин', entity: 'vladimir-putin' },
  { text: '普京', entity: 'vladimir-putin' },
  { text: '普廷', entity: 'vladimir-putin' },
  { text: 'Xi Jinping', entity: 'xi-jinping' },
  { text: '习近平', entity: 'xi-jinping' },
  { text: '習近平', entity: 'xi-jinping' },
  { text: 'Xi', entity: 'xi-jinping', needsContext: true },
  { text: '习普', entity: 'xi-jinping', alsoNames: ['vladimir-putin'] },
  { text: 'Alexey Miller', entity: 'alexey-miller' },
  { text: 'Miller', entity: 'alexey-miller', needsContext: true },
  { text: 'Sinopec', entity: 'sinopec' },
  { text: 'MTS', entity: 'mts', caseSensitive: true },
  { text: 'Роснефть', entity: 'rosneft' },
];
const matcher = Matcher.of(LEXICON, { related: new Map([['xi-jinping', ['vladimir-putin']]]) });

/** "text[entity]" for each mention, in order. */
function found(text: string, m: Matcher = matcher): string[] {
  return m.matchText(text).map((mention) => `${text.slice(mention.start, mention.end)}[${mention.entities.join('+')}]`);
}

describe('Matcher: English', () => {
  it('prefers the longest match and respects word boundaries', () => {
    expect(found('Gazprombank lent to Gazprom for Power of Siberia 2 and Power of Siberia.')).toEqual([
      'Gazprombank[gazprombank]',
      'Gazprom[gazprom]',
      'Power of Siberia 2[power-of-siberia-2]',
      'Power of Siberia[power-of-siberia]',
    ]);
  });

  it('folds hyphens, dashes, spaces and soft hyphens', () => {
    expect(found('Power of Siberia-2; Arctic LNG–2; Power\u00a0of  Siberia; Gaz\u00adprom')).toEqual([
      'Power of Siberia-2[power-of-siberia-2]',
      'Arctic LNG–2[arctic-lng-2]',
      'Power\u00a0of  Siberia[power-of-siberia]',
      'Gaz\u00adprom[gazprom]',
    ]);
  });

  it('matches possessives and curly apostrophes, not longer words', () => {
    expect(found("Gazprom’s plan, Gazprom's plan, Gazproms, preGazprom")).toEqual([
      'Gazprom[gazprom]',
      'Gazprom[gazprom]',
    ]);
  });

  it('keeps case-sensitive acronyms as written', () => {
    expect(found('MTS signed; mts is not a name; Mts neither.')).toEqual(['MTS[mts]']);
  });

  it('ignores names inside URLs, e-mail addresses and paths', () => {
    expect(
      found('See https://example.com/sinopec-deal, www.sinopec.com, press@sinopec.com and /news/sinopec/ today.'),
    ).toEqual([]);
    expect(found('Sinopec (www.example.com) said.')).toEqual(['Sinopec[sinopec]']);
    expect(found('figures on its website, sinopec.com, and at sinopec.com.')).toEqual([]);
    expect(found('公司在官网（www.sinopec.com）发布')).toEqual([]);
  });

  it('drops phrases that contain an alias but name something else', () => {
    const m = Matcher.of([
      ...LEXICON,
      { text: "Xi'an", entity: 'xi-jinping', notAMention: true },
      { text: 'Gazprom Neft', entity: 'gazprom', notAMention: true },
      { text: '中俄油气', entity: 'rosneft', notAMention: true },
      { text: '俄油', entity: 'rosneft' },
    ]);
    expect(found("Xi Jinping flew to Xi'an; Gazprom Neft and Gazprom; 俄油和中俄油气合作", m)).toEqual([
      'Xi Jinping[xi-jinping]',
      'Gazprom[gazprom]',
      '俄油[rosneft]',
    ]);
  });

  it('counts ambiguous aliases only with corroboration', () => {
    expect(found('Miller said the plan would go ahead.')).toEqual([]);
    expect(found('Alexey Miller spoke. Later, Miller added details.')).toEqual([
      'Alexey Miller[alexey-miller]',
      'Miller[alexey-miller]',
    ]);
    // A title confirms it when a related entity is on the page; then it counts page-wide.
    expect(found('President Xi met Putin. Xi later left.')).toEqual([
      'Xi[xi-jinping]',
      'Putin[vladimir-putin]',
      'Xi[xi-jinping]',
    ]);
    expect(found('President Xi spoke.')).toEqual([]);
  });

  it('corroborates across the texts of one page', () => {
    const mentions = matcher.matchTexts(['Xi spoke first.', 'Then Xi Jinping left.']);
    expect(mentions.map((list) => list.length)).toEqual([1, 1]);
  });
});

describe('Matcher: Russian', () => {
  it('matches case endings of names', () => {
    expect(
      found(
        '«Газпрома», Газпромом, Газпрому, «Силы Сибири», Силой Сибири, Путиным, Путину, Владимиром Путиным, Роснефтью',
      ),
    ).toEqual([
      'Газпрома[gazprom]',
      'Газпромом[gazprom]',
      'Газпрому[gazprom]',
      'Силы Сибири[power-of-siberia]',
      'Силой Сибири[power-of-siberia]',
      'Путиным[vladimir-putin]',
      'Путину[vladimir-putin]',
      'Владимиром Путиным[vladimir-putin]',
      'Роснефтью[rosneft]',
    ]);
  });

  it('does not match unrelated or longer words', () => {
    expect(found('путь, путина, Путинизм, путинский, Газпромбанка')).toEqual([
      'путина[vladimir-putin]',
      'Газпромбанка[gazprombank]',
    ]);
  });

  it('matches first names in -й and plurals in their bare genitive', () => {
    const m = Matcher.of([
      { text: 'Алексей Миллер', entity: 'alexey-miller' },
      { text: 'Дмитрий Песков', entity: 'dmitry-peskov' },
      { text: 'Мобильные ТелеСистемы', entity: 'mts' },
    ]);
    expect(found('Алексеем Миллером, Алексея Миллера, Дмитрием Песковым, «Мобильных ТелеСистем»', m)).toEqual([
      'Алексеем Миллером[alexey-miller]',
      'Алексея Миллера[alexey-miller]',
      'Дмитрием Песковым[dmitry-peskov]',
      'Мобильных ТелеСистем[mts]',
    ]);
  });

  it('reads a dateline agency in slashes as a mention, not a path', () => {
    const m = Matcher.of([{ text: 'ТАСС', entity: 'tass' }]);
    expect(found('ПЕКИН, 9 сентября. /ТАСС/. «Газпром»', m)).toEqual(['ТАСС[tass]']);
  });

  it('treats every kind of quotation mark alike', () => {
    const m = Matcher.of([
      { text: 'форум «Один пояс, один путь»', entity: 'bri-forum' },
      { text: '“一带一路”国际合作高峰论坛', entity: 'bri-forum' },
    ]);
    expect(found('на форуме "Один пояс, один путь"', m)).toEqual(['форуме "Один пояс, один путь"[bri-forum]']);
    expect(found('第三届「一带一路」国际合作高峰论坛', m)).toEqual(['「一带一路」国际合作高峰论坛[bri-forum]']);
  });

  it('treats ё as е', () => {
    const m = Matcher.of([{ text: 'Королёв', entity: 'korolev' }]);
    expect(found('Королев и Королёва', m)).toEqual(['Королев[korolev]', 'Королёва[korolev]']);
  });

  it('stems words the same way on both sides', () => {
    expect(stemWord('газпромом')).toBe('газпром');
    expect(stemWord('сибири')).toBe('сибир');
    expect(stemWord('си')).toBe('си');
    expect(compiledForms('Газпром')).toEqual(expect.arrayContaining(['газпром']));
  });

  it('stems text as it normalises it, a stem spanning its whole inflected word', () => {
    const input = 'С «Газпромом» — и Сибири, Си';
    const { text, starts, ends } = normalizeForMatch(input, { stemRussian: true });
    expect(text).toBe('с "газпром" и сибир, си');
    const stem = text.indexOf('газпром');
    expect(input.slice(starts[stem], ends[stem + 'газпром'.length - 1])).toBe('Газпромом');
    const last = text.indexOf('сибир') + 'сибир'.length - 1;
    expect(input.slice(starts[last], ends[last])).toBe('ри');
  });
});

describe('Matcher: Chinese', () => {
  it('needs no word boundaries and finds transliteration variants', () => {
    expect(found('普京与习近平会谈；普廷访华；俄罗斯Gazprom公司')).toEqual([
      '普京[vladimir-putin]',
      '习近平[xi-jinping]',
      '普廷[vladimir-putin]',
      'Gazprom[gazprom]',
    ]);
  });

  it('yields both entities for a contracted form', () => {
    expect(found('习普会晤')).toEqual(['习普[xi-jinping+vladimir-putin]']);
  });

  it('generates traditional forms at compile time', () => {
    expect(traditionalForms('俄罗斯天然气工业股份公司')).toContain('俄羅斯天然氣工業股份公司');
    expect(traditionalForms('普京')).toEqual([]);
    expect(traditionalForms('Gazprom')).toEqual([]);
  });

  it('keeps 周年 beside 週年: Hong Kong and Taiwan papers write both', () => {
    expect(traditionalForms('建交75周年之际')).toContain('建交75周年之際');
  });

  it('normalises full-width forms', () => {
    expect(found('ＧＡＺＰＲＯＭ和俄气')).toEqual(['ＧＡＺＰＲＯＭ[gazprom]', '俄气[gazprom]']);
  });
});

describe('Matcher invariants (property tests)', () => {
  const aliasParts = [
    'Gazprom',
    'Газпрома',
    '普京',
    'Power of Siberia',
    'Сила Сибири',
    'Xi Jinping',
    'MTS',
    'Путиным',
    '习普',
  ];
  const noise = fc.string({ unit: 'grapheme', maxLength: 6 });
  const text = fc
    .array(fc.oneof(noise, fc.constantFrom(...aliasParts), fc.constantFrom(' ', '-', '’s', '\u00ad', 'ё')), {
      maxLength: 30,
    })
    .map((parts) => parts.join(''));
  const anyText = fc.oneof(text, fc.string({ unit: 'binary', maxLength: 80 }));

  it('handles any Unicode input without throwing, deterministically', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        expect(matcher.matchText(input)).toEqual(matcher.matchText(input));
      }),
      { numRuns: 500 },
    );
  });

  it('returns ordered, non-overlapping mentions within the text', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        let reached = 0;
        for (const mention of matcher.matchText(input)) {
          expect(mention.start).toBeGreaterThanOrEqual(reached);
          expect(mention.end).toBeGreaterThan(mention.start);
          expect(mention.end).toBeLessThanOrEqual(input.length);
          reached = mention.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('maps each mention back to text that normalises to one of its aliases', () => {
    const keys = new Map<string, Set<string>>();
    for (const entry of LEXICON) {
      const set = keys.get(entry.entity) ?? new Set();
      for (const form of compiledForms(entry.text)) set.add(form);
      keys.set(entry.entity, set);
    }
    fc.assert(
      fc.property(text, (input) => {
        for (const mention of matcher.matchText(input)) {
          const slice = input.slice(mention.start, mention.end);
          const forms = compiledForms(slice);
          const entity = mention.entities[0] as string;
          expect(forms.some((form) => keys.get(entity)?.has(form))).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a Latin or Cyrillic match touch a letter of its own script on a bounded side', () => {
    // Latin run into Cyrillic is a boundary ("GazpromРентген"); anything else of a word is not.
    const cyrillic = (code: number) => code >= 0x400 && code <= 0x52f;
    const letter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code >= 0xc0;
    const sameWord = (a: number, b: number) =>
      isWordCode(b) && (cyrillic(a) === cyrillic(b) || !letter(a) || !letter(b));
    fc.assert(
      fc.property(text, (input) => {
        for (const mention of matcher.matchText(input)) {
          const first = normalizeForMatch(input.slice(mention.start, mention.end)).text;
          const before = normalizeForMatch(input.slice(0, mention.start)).text;
          const after = normalizeForMatch(input.slice(mention.end)).text;
          const head = first.charCodeAt(0);
          const tail = first.charCodeAt(first.length - 1);
          if (isWordCode(head) && before.length > 0)
            expect(sameWord(head, before.charCodeAt(before.length - 1))).toBe(false);
          if (isWordCode(tail) && after.length > 0) expect(sameWord(tail, after.charCodeAt(0))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * The matcher's page rules, in English, Russian and Chinese, on sentences written for these tests:
 * abbreviations a page defines, person-name variants, numbered successors and yearly editions,
 * short forms resolved by a country word, a name plus a generic noun, the publisher's own name,
 * capitalised names in lower case. Each case fails without its rule.
 */
import { describe, expect, it } from 'vitest';
import type { LexiconEntry } from '../../utils/dataset/records';
import type { EntityInfo } from '../../utils/matcher/entity-info';
import { Matcher, type PageContext } from '../../utils/matcher/matcher';

const LEXICON: LexiconEntry[] = [
  { text: 'Russian Direct Investment Fund', entity: 'rdif' },
  { text: 'Российский фонд прямых инвестиций', entity: 'rdif' },
  { text: '中国投资有限责任公司', entity: 'cic' },
  { text: 'Igor Sechin', entity: 'igor-sechin' },
  { text: 'Sechin', entity: 'igor-sechin', needsContext: true },
  { text: 'Игорь Сечин', entity: 'igor-sechin' },
  { text: 'Сечин', entity: 'igor-sechin', needsContext: true },
  { text: 'Alexey Miller', entity: 'alexey-miller' },
  { text: 'Miller', entity: 'alexey-miller', needsContext: true },
  { text: 'Dmitry Patrushev', entity: 'dmitry-patrushev' },
  { text: 'Nikolai Patrushev', entity: 'nikolai-patrushev' },
  { text: '德米特里·帕特鲁舍夫', entity: 'dmitry-patrushev' },
  { text: '尼古拉·帕特鲁舍夫', entity: 'nikolai-patrushev' },
  { text: '帕特鲁舍夫', entity: 'dmitry-patrushev', needsContext: true },
  { text: '帕特鲁舍夫', entity: 'nikolai-patrushev', needsContext: true },
  { text: '尤里·乌沙科夫', entity: 'yury-ushakov' },
  { text: '梅德韦杰夫', entity: 'dmitry-medvedev', needsContext: true },
  { text: 'Medvedev', entity: 'dmitry-medvedev', needsContext: true },
  { text: 'Медведев', entity: 'dmitry-medvedev', needsContext: true },
  { text: 'Power of Siberia', entity: 'power-of-siberia' },
  { text: 'Сила Сибири', entity: 'power-of-siberia' },
  { text: '西伯利亚力量', entity: 'power-of-siberia' },
  { text: '田湾核电站', entity: 'tianwan-npp' },
  { text: 'Joint Sea', entity: 'joint-sea-exercise' },
  { text: 'Морское взаимодействие', entity: 'joint-sea-exercise' },
  { text: '海上联合', entity: 'joint-sea-exercise' },
  { text: 'Мирная миссия', entity: 'peace-mission-exercises' },
  { text: 'Минобороны', entity: 'russia-defence-ministry', needsContext: true },
  { text: 'Минобороны', entity: 'china-defence-ministry', needsContext: true },
  { text: 'defence ministry', entity: 'russia-defence-ministry', needsContext: true },
  { text: 'defence ministry', entity: 'china-defence-ministry', needsContext: true },
  { text: '央行', entity: 'peoples-bank-of-china', needsContext: true },
  { text: '央行', entity: 'bank-of-russia', needsContext: true },
  { text: 'Rosatom', entity: 'rosatom' },
  { text: '俄罗斯国家原子能公司', entity: 'rosatom' },
  { text: 'Росатом', entity: 'rosatom' },
  { text: '北极航道', entity: 'northern-sea-route', needsContext: true },
  { text: 'Northern route', entity: 'northern-sea-route', needsContext: true },
  { text: 'Севморпуть', entity: 'northern-sea-route', needsContext: true },
  { text: 'COSCO Shipping', entity: 'cosco-shipping' },
  { text: '诺瓦泰克', entity: 'novatek' },
  { text: 'Госдума', entity: 'state-duma' },
  { text: 'Vostok 2018', entity: 'vostok-2018' },
  { text: 'Xinhua', entity: 'xinhua' },
  { text: '新华社', entity: 'xinhua' },
  { text: 'TASS', entity: 'tass', caseSensitive: true },
  { text: 'ТАСС', entity: 'tass', caseSensitive: true },
  { text: 'Sputnik', entity: 'sputnik' },
  { text: '卫星通讯社', entity: 'sputnik' },
  { text: 'New Development Bank', entity: 'new-development-bank' },
  { text: 'Газпромбанк', entity: 'gazprombank' },
  { text: 'Банк Китая', entity: 'bank-of-china' },
  { text: 'Bank of China', entity: 'bank-of-china' },
  { text: '中国银行', entity: 'bank-of-china' },
  { text: '中行', entity: 'bank-of-china', needsContext: true },
  { text: 'РЖД', entity: 'russian-railways' },
  { text: 'Rosneft', entity: 'rosneft' },
  { text: 'Gazprom', entity: 'gazprom' },
  { text: 'Новый банк развития', entity: 'new-development-bank' },
  { text: 'RIA Novosti', entity: 'ria-novosti' },
  { text: 'РИА Новости', entity: 'ria-novosti' },
  { text: '俄新社', entity: 'ria-novosti' },
  { text: 'Harbin', entity: 'harbin' },
  { text: 'Харбин', entity: 'harbin' },
  { text: '哈尔滨', entity: 'harbin' },
  { text: 'Забайкальск', entity: 'zabaikalsk' },
  { text: '«Авилон»', entity: 'avilon' },
  { text: 'Joint Sea exercise', entity: 'joint-sea-exercise' },
  { text: 'Baikonur', entity: 'baikonur' },
];

const person = (country: string, initials: string): EntityInfo => ({ type: 'person', country, initials });
const INFO = new Map<string, EntityInfo>([
  ['rdif', { type: 'fund', country: 'RU' }],
  ['cic', { type: 'fund', country: 'CN' }],
  ['igor-sechin', person('RU', 'IИ伊')],
  ['alexey-miller', person('RU', 'AА阿')],
  ['dmitry-patrushev', person('RU', 'DД德')],
  ['nikolai-patrushev', person('RU', 'NН尼')],
  ['yury-ushakov', person('RU', 'YЮ尤')],
  ['dmitry-medvedev', person('RU', 'DД德')],
  ['power-of-siberia', { type: 'project', country: 'RU' }],
  ['tianwan-npp', { type: 'project', country: 'CN' }],
  ['joint-sea-exercise', { type: 'event', country: 'INTL' }],
  ['joint-sea-2019', { type: 'event', country: 'INTL' }],
  ['peace-mission-exercises', { type: 'event', country: 'INTL' }],
  ['russia-defence-ministry', { type: 'organization', country: 'RU' }],
  ['china-defence-ministry', { type: 'organization', country: 'CN' }],
  ['peoples-bank-of-china', { type: 'bank', country: 'CN' }],
  ['bank-of-russia', { type: 'bank', country: 'RU' }],
  ['rosatom', { type: 'company', country: 'RU' }],
  ['northern-sea-route', { type: 'project', country: 'RU' }],
  ['cosco-shipping', { type: 'company', country: 'CN' }],
  ['novatek', { type: 'company', country: 'RU' }],
  ['state-duma', { type: 'organization', country: 'RU' }],
  ['vostok-2018', { type: 'event', country: 'RU' }],
  ['xinhua', { type: 'organization', country: 'CN', sites: ['xinhuanet.com', 'news.cn'] }],
  ['tass', { type: 'organization', country: 'RU', sites: ['tass.ru', 'tass.com'] }],
  ['sputnik', { type: 'organization', country: 'RU', sites: ['sputniknews.cn'] }],
  ['new-development-bank', { type: 'bank', country: 'INTL' }],
  ['gazprombank', { type: 'bank', country: 'RU' }],
  ['bank-of-china', { type: 'bank', country: 'CN' }],
  ['russian-railways', { type: 'company', country: 'RU' }],
  ['rosneft', { type: 'company', country: 'RU' }],
  ['gazprom', { type: 'company', country: 'RU' }],
  ['ria-novosti', { type: 'organization', country: 'RU', sites: ['ria.ru'] }],
  ['harbin', { type: 'place', country: 'CN' }],
  ['zabaikalsk', { type: 'place', country: 'RU' }],
  ['avilon', { type: 'company', country: 'RU' }],
  ['baikonur', { type: 'place', country: 'KZ' }],
]);
const RELATED = new Map([['northern-sea-route', ['rosatom']]]);
const matcher = Matcher.of(LEXICON, { info: INFO, related: RELATED });

/** "text[entity]" for each mention of one page, its paragraphs matched together. */
function found(page: string | readonly string[], context: PageContext = {}): string[] {
  const texts = typeof page === 'string' ? [page] : page;
  return matcher
    .matchTexts(texts, [], context)
    .flatMap((mentions, index) =>
      mentions.map((m) => `${(texts[index] as string).slice(m.start, m.end)}[${m.entities.join('+')}]`),
    );
}

describe('abbreviations a page defines', () => {
  it('a bracketed short form after a name names that entity later on the same page', () => {
    expect(found(['The Russian Direct Investment Fund (RDIF) has a new partner.', 'RDIF will invest.'])).toEqual([
      'Russian Direct Investment Fund[rdif]',
      'RDIF[rdif]',
      'RDIF[rdif]',
    ]);
    expect(found('Российский фонд прямых инвестиций (РФПИ) вложит деньги; РФПИ уже выбрал проект.')).toContain(
      'РФПИ[rdif]',
    );
    expect(found('中国投资有限责任公司（中投）今年又增持。中投表示看好。')).toEqual([
      '中国投资有限责任公司[cic]',
      '中投[cic]',
      '中投[cic]',
    ]);
  });

  it('only on that page, and only a short form of the name (not a gloss)', () => {
    expect(found('RDIF will invest.')).toEqual([]);
    expect(found('The Russian Direct Investment Fund (UAE) office opened; UAE firms came.')).toEqual([
      'Russian Direct Investment Fund[rdif]',
    ]);
    expect(found('Российский фонд прямых инвестиций (ОАЭ) открыл офис в ОАЭ.')).toEqual([
      'Российский фонд прямых инвестиций[rdif]',
    ]);
    expect(found('中国投资有限责任公司（北京）表示，北京方面同意。')).toEqual(['中国投资有限责任公司[cic]']);
  });

  it('outweighs an ambiguous alias inside the short form', () => {
    expect(found('中国银行在俄子行(简称“俄中行”)表示，俄中行运营正常。')).toEqual([
      '中国银行[bank-of-china]',
      '俄中行[bank-of-china]',
      '俄中行[bank-of-china]',
    ]);
  });

  it('an explicit 简称 may follow a longer description of the entity', () => {
    expect(found('中国投资有限责任公司驻俄代表处(简称“中投俄处”)成立，中投俄处负责联络。')).toEqual([
      '中国投资有限责任公司[cic]',
      '中投俄处[cic]',
      '中投俄处[cic]',
    ]);
  });
});

describe('person-name variants', () => {
  it('initials or a given name before a surname name the person whose initial it is', () => {
    expect(found('Oil was discussed with I. Sechin on Monday.')).toEqual(['I. Sechin[igor-sechin]']);
    expect(found('Igor I Sechin and Alexei B. Miller spoke.')).toEqual([
      'Igor I Sechin[igor-sechin]',
      'Alexei B. Miller[alexey-miller]',
    ]);
    expect(found('Говорил И. Сечин, а затем Игорь Иванович Сечин повторил.')).toEqual([
      'И. Сечин[igor-sechin]',
      'Игорь Иванович Сечин[igor-sechin]',
    ]);
    expect(found('会见了德·尼·帕特鲁舍夫。')).toEqual(['德·尼·帕特鲁舍夫[dmitry-patrushev]']);
    expect(found('会见了尼·帕特鲁舍夫。')).toEqual(['尼·帕特鲁舍夫[nikolai-patrushev]']);
  });

  it('a wrong initial is no evidence', () => {
    expect(found('Then M. Miller, a trader, spoke.')).toEqual([]);
  });

  it('every dot between the parts of a transliterated name is the same', () => {
    for (const separator of ['·', '∙', '•', '‧', '・']) {
      expect(found(`尤里${separator}乌沙科夫说。`)).toEqual([`尤里${separator}乌沙科夫[yury-ushakov]`]);
    }
  });

  it('a title with the person’s country names the person', () => {
    expect(found('俄罗斯总统梅德韦杰夫抵达北京。')).toEqual(['梅德韦杰夫[dmitry-medvedev]']);
    expect(found('Russian President Medvedev arrived.')).toEqual(['Medvedev[dmitry-medvedev]']);
    expect(found('Прилетел президент России Медведев.')).toEqual(['Медведев[dmitry-medvedev]']);
    expect(found('Chinese President Medvedev is not a thing.')).toEqual([]);
  });
});

describe('numbered successors and yearly editions', () => {
  it('a number after a project never yields the first generation', () => {
    expect(found('Power of Siberia No. 3 is only an idea.')).toEqual([]);
    expect(found('Газопровод «Сила Сибири — 3» пока не начат.')).toEqual([]);
    expect(found('西伯利亚力量三号尚在规划。')).toEqual([]);
  });

  it('a unit’s number or a phase is still the plant', () => {
    expect(found('田湾核电站7号机组开工。')).toEqual(['田湾核电站[tianwan-npp]']);
    expect(found('田湾核电站3、4号机组投运。')).toEqual(['田湾核电站[tianwan-npp]']);
  });

  it('a year names that edition when it is an entity, else the series, year included', () => {
    expect(found('Joint Sea-2019 began in April.')).toEqual(['Joint Sea-2019[joint-sea-2019]']);
    expect(found('Учения «Мирная миссия — 2009» прошли летом.')).toEqual([
      'Мирная миссия — 2009[peace-mission-exercises]',
    ]);
    expect(found('海上联合-2021演习开始。')).toEqual(['海上联合-2021[joint-sea-exercise]']);
  });
});

describe('short forms resolved in context', () => {
  it('a country word right before a short form decides which one', () => {
    expect(found('Управление китайского Минобороны попало под санкции.')).toEqual([
      'Минобороны[china-defence-ministry]',
    ]);
    expect(found('Представитель российского Минобороны ответил.')).toEqual(['Минобороны[russia-defence-ministry]']);
    expect(found('The Chinese defence ministry said nothing.')).toEqual(['defence ministry[china-defence-ministry]']);
    expect(found('俄罗斯的央行降息。')).toEqual(['央行[bank-of-russia]']);
  });

  it('never against the country word, whatever else the page names', () => {
    const ministries: LexiconEntry[] = [{ text: 'Минобороны', entity: 'russia-defence-ministry', needsContext: true }];
    const onlyRussian = Matcher.of(ministries, { info: INFO });
    expect(onlyRussian.matchTexts(['Сотрудник китайского Минобороны.'], ['russia-defence-ministry'])).toEqual([[]]);
  });

  it('between two entities, a related name on the page is no evidence', () => {
    const related = new Map([['russia-defence-ministry', ['rosatom']]]);
    const two = Matcher.of(LEXICON, { info: INFO, related });
    expect(two.matchTexts(['«Росатом» и Минобороны подписали план.'])[0]?.length).toBe(1);
    const one = Matcher.of(
      LEXICON.filter((entry) => entry.entity !== 'china-defence-ministry'),
      { info: INFO, related },
    );
    expect(one.matchTexts(['«Росатом» и Минобороны подписали план.'])[0]?.length).toBe(2);
  });

  it('an ambiguous place or route counts where the page names a related entity', () => {
    expect(found('俄罗斯国家原子能公司负责北极航道的航行。')).toContain('北极航道[northern-sea-route]');
    expect(found('Rosatom runs the Northern route.')).toContain('Northern route[northern-sea-route]');
    expect(found('«Росатом» отвечает за Севморпуть.')).toContain('Севморпуть[northern-sea-route]');
    expect(found('北极航道很长。')).toEqual([]);
  });
});

describe('a name plus a generic noun of its type', () => {
  it('is one mention', () => {
    expect(found('Gas flows through the Power of Siberia gas pipeline.')).toEqual([
      'Power of Siberia gas pipeline[power-of-siberia]',
    ]);
    expect(found('COSCO Shipping Co. sent a ship.')).toEqual(['COSCO Shipping Co.[cosco-shipping]']);
    expect(found('诺瓦泰克公司表示。')).toEqual(['诺瓦泰克公司[novatek]']);
    expect(found('Депутат Госдумы РФ высказался.')).toEqual(['Госдумы РФ[state-duma]']);
  });

  it('and a legal form before a company’s name', () => {
    expect(found('По данным ОАО РЖД, погрузка выросла.')).toEqual(['ОАО РЖД[russian-railways]']);
    expect(found('PJSC Rosneft said so.')).toEqual(['PJSC Rosneft[rosneft]']);
  });

  it('not for an exercise, whose name the noun only describes', () => {
    expect(found('Troops joined the Vostok 2018 war games.')).toEqual(['Vostok 2018[vostok-2018]']);
  });
});

describe('the publisher’s own name', () => {
  it('is not a mention on its own site', () => {
    expect(found('TASS has learned that talks resumed.', { host: 'tass.com' })).toEqual([]);
    expect(found('TASS has learned that talks resumed.', { host: 'example.com' })).toEqual(['TASS[tass]']);
    expect(found('卫星通讯社获悉。', { host: 'big5.sputniknews.cn' })).toEqual([]);
  });

  it('is not a mention in a dateline or a credit line on any site', () => {
    expect(found('ПЕКИН, 3 марта. /ТАСС/. Переговоры продолжились.')).toEqual([]);
    expect(found('MOSCOW, May 4 (Xinhua) -- Talks went on.')).toEqual([]);
    expect(found('新华社北京12月5日电 双方会谈。')).toEqual([]);
    expect(found('Photo: Xinhua. © Sputnik / a photographer')).toEqual([]);
  });

  it('is not a mention in a credit line that names the photographer first, in any language', () => {
    expect(found('Фото: Иван Петров / РИА Новости. Банки ужесточили проверки.')).toEqual([]);
    expect(found('Photo: Jane Doe / RIA Novosti. Banks tightened checks.')).toEqual([]);
    expect(found('图片：张三 / 俄新社。银行加强审查。')).toEqual([]);
    expect(found('Officials told RIA Novosti that banks tightened checks.')).toEqual(['RIA Novosti[ria-novosti]']);
  });

  it('a place, a dash and the outlet open a dispatch; /NAME/ in Latin script is a dateline, not a path', () => {
    expect(found(['Baikonur - RIA Novosti', 'An engineer told RIA Novosti the launch went well.'])).toEqual([
      'Baikonur[baikonur]',
    ]);
    expect(found(['MOSCOW, May 4. /TASS/. Talks went on.', 'TASS has learned more.'])).toEqual([]);
  });

  it('takes the kind of outlet after its name', () => {
    expect(found('The state-run RIA Novosti news agency reported it.')).toEqual([
      'RIA Novosti news agency[ria-novosti]',
    ]);
  });

  it('a page whose dateline names an outlet carries its copy: its name is a byline there too', () => {
    expect(found(['BEIJING, May 4 (Xinhua) -- Talks went on.', 'An official told Xinhua that…'])).toEqual([]);
    expect(found('An official told Xinhua that talks went on.')).toEqual(['Xinhua[xinhua]']);
  });
});

describe('places that are not the place', () => {
  it('a ship named after a city is the ship', () => {
    expect(found('The destroyer DDG-112 Harbin joined the drill.')).toEqual([]);
    expect(found('В учениях участвовал эсминец «Харбин».')).toEqual([]);
    expect(found('哈尔滨号驱逐舰参加演习。')).toEqual([]);
    expect(found('The drill was planned in Harbin.')).toEqual(['Harbin[harbin]']);
    expect(found('哈尔滨号称冰城。')).toEqual(['哈尔滨[harbin]']);
  });

  it('where a reporter filed from, in a byline, is not what the story is about', () => {
    expect(found('By Li Ming in Beijing and Wang Fang in Harbin')).toEqual([]);
    expect(found('Friday, May 3, 2024, 10:15 By Wang Fang in Harbin')).toEqual([]);
    expect(found('Traders in Harbin buy Russian timber.')).toEqual(['Harbin[harbin]']);
  });

  it('an adjective made from a town in -ск is not the town', () => {
    expect(found('Забайкальский губернатор высказался о земле.')).toEqual([]);
    expect(found('Грузы идут через Забайкальск и под Забайкальском.')).toEqual([
      'Забайкальск[zabaikalsk]',
      'Забайкальском[zabaikalsk]',
    ]);
  });

  it('a name in a file name is not a mention', () => {
    expect(found('Harbin Winter Banner.gif')).toEqual([]);
  });
});

describe('quotation marks around a name', () => {
  it('are not part of the mention', () => {
    expect(found('В «Авилоне» фиксируют нехватку машин.')).toEqual(['Авилоне[avilon]']);
  });
});

describe('a name inside a longer quoted name', () => {
  it('is part of that name', () => {
    expect(found('Об этом сообщили в «Газпромбанк Лизинге».')).toEqual([]);
    expect(found('Расчёты ведёт «Банк Китая (Москва)».')).toEqual([]);
    expect(found('The lender "Bank of China Leasing" grew.')).toEqual([]);
    expect(found('开户行为“中国银行（香港）”。')).toEqual([]);
  });

  it('not where the quotes close after it', () => {
    expect(found('Кредит выдал «Газпромбанк». The lender "Bank of China" grew; 开户行为“中国银行”。')).toEqual([
      'Газпромбанк[gazprombank]',
      'Bank of China[bank-of-china]',
      '中国银行[bank-of-china]',
    ]);
  });
});

describe('a quantifier before a Chinese organisation name', () => {
  it('makes it a plural common noun', () => {
    expect(found('数家中国银行放慢了结算。')).toEqual([]);
    expect(found('一些中国银行收紧审查，中国银行表示正常。')).toEqual(['中国银行[bank-of-china]']);
  });
});

describe('word boundaries', () => {
  it('a Latin name run into Cyrillic text still ends there', () => {
    expect(found('© фото: GazpromРентген сварных швов')).toEqual(['Gazprom[gazprom]']);
    expect(found('Gazpromneft and Газпромбанк')).toEqual(['Газпромбанк[gazprombank]']);
  });
});

describe('capitalised names', () => {
  it('are not matched by the same words in lower case', () => {
    expect(found('They plan a new development bank for the bloc.')).toEqual([]);
    expect(found('The New Development Bank lent again.')).toEqual(['New Development Bank[new-development-bank]']);
  });

  it('nor a name with a generic noun by the same words in lower case', () => {
    expect(found('Warships start a joint sea exercise.')).toEqual([]);
    expect(found('The Joint Sea exercise began.')).toEqual(['Joint Sea exercise[joint-sea-exercise]']);
  });
});

describe('explainTexts', () => {
  it('says why a candidate was dropped', () => {
    const { mentions, rejected } = matcher.explainTexts(['Miller spoke; TASS reported from tass.com/x/TASS/y.'], [], {
      host: 'tass.com',
    });
    expect(mentions).toEqual([[]]);
    expect(rejected[0]?.map((r) => r.reason)).toEqual(expect.arrayContaining(['needsContext', 'publisher', 'url']));
  });
});

describe('a long name misspelled by one slip', () => {
  const names = Matcher.of([
    { text: 'Rosoboronexport', entity: 'rosoboronexport' },
    { text: 'Рособоронэкспорт', entity: 'rosoboronexport' },
    { text: 'Rosneft', entity: 'rosneft' },
    { text: 'Transneft', entity: 'transneft' },
    { text: 'Transnet', entity: 'transnet' },
  ]);
  const entities = (text: string) => names.matchText(text).map((m) => `${text.slice(m.start, m.end)}[${m.entities}]`);

  it('is still the name: a letter dropped or two swapped, in Latin or Cyrillic', () => {
    expect(entities('A deal with Rosoboronexprot was signed.')).toEqual(['Rosoboronexprot[rosoboronexport]']);
    expect(entities('A deal with Rosoboronxport was signed.')).toEqual(['Rosoboronxport[rosoboronexport]']);
    expect(entities('Контракт с Рособоронэкспротом подписан.')).toEqual(['Рособоронэкспротом[rosoboronexport]']);
  });

  it('keeps precision: short names, lower case, a slip that is another name', () => {
    expect(entities('Rosnet and Rosneft.')).toEqual(['Rosneft[rosneft]']);
    expect(entities('the rosoboronexprot typo in lower case')).toEqual([]);
    expect(entities('Transnet is South African.')).toEqual(['Transnet[transnet]']);
  });
});

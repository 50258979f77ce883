/**
 * Names in a text that the dataset does not know: capitalised Latin or Cyrillic word runs,
 * «quoted» Russian names, transliterated (dot-joined) and organisation-like Chinese names, and
 * “quoted” Chinese names, minus everything a mention already covers. The maintainer commands
 * `annotate` and `data:candidates` both list them from here.
 */
import type { Mention } from '../matcher/matcher';
import { stemWord } from '../text/russian-endings';

export interface UnknownName {
  readonly text: string;
  readonly count: number;
}

/** One place a name occurs; `start`/`end` are UTF-16 offsets into the text. */
export interface NameOccurrence {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** First word of a sentence: a capitalised single word there is usually not a name. */
  readonly sentenceStart: boolean;
  /** Words stripped in front of the name that make it a person's ("President", "министр"). */
  readonly title?: string;
}

/** Runs of capitalised Latin or Cyrillic words, e.g. "Arctic LNG 2", "Сергей Лавров". */
const CAPITALISED_RUN =
  /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’-]*(?:[ \u00a0](?:of (?:the )?)?\p{Lu}[\p{L}\p{N}'’-]*|[ \u00a0]\d+\b)*/gu;
/** Russian names in guillemets, as news writes firms, projects and exercises: «Сила Сибири», «Восток-2018». */
const GUILLEMET_NAME = /«(?=[\p{Lu}\d])([^«»\n]{2,60})»/gu;
/** Chinese names in quotation marks before what they name: “西伯利亚力量”管道 (quotes alone also mark emphasis). */
const CJK_QUOTED =
  /[“「]([\p{Script=Han}\d·-]{2,14})[”」](?=管道|项目|項目|号|號|计划|計劃|倡议|倡議|演习|演習|工程|论坛|論壇|联演|系统|系統)/gu;
/** Transliterated names joined by a middle dot, and organisation- or place-like endings. */
const CJK_NAME =
  /[\p{Script=Han}]{1,8}[·・•][\p{Script=Han}]{1,8}|[\p{Script=Han}]{2,10}?(?:公司|集团|集團|银行|銀行|交易所|基金|组织|組織|管道|项目|項目|核电站|核電站|大学|大學|研究院|研究所|委员会|委員會|航天局|总局|部|口岸|大桥|油田|气田|舰队|战区|军区|演习|联演|峰会|论坛|博览会|汽车)/gu;

/** Capitalised words that start sentences or name months and days, not entities. */
const COMMON_WORDS = new Set(
  'The A An In On At By For From To Of And But Or As It Its This That These Those He She They We I You His Her Their Our Then When While After Before Since Under Over With Without Also However Meanwhile Earlier Later Last Next If Not All Some Most There What Why How Who According Both Such Mr Ms Mrs Dr Sources Сейчас January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday В На И Но По Для С Как Это Он Она Они Мы А О Об Из К У Не Что При После Ранее Кроме Однако Также Так Его Ее Её Их Во Со'.split(
    ' ',
  ),
);
/** Nationalities that go with a title in front of a name ("Chinese Premier Wen Jiabao"). */
const NATIONALITY_WORDS = new Set(
  "Chinese Russian China's China’s Russia's Russia’s US U.S. American Kazakh Mongolian Российский Китайский".split(' '),
);
/** Titles in front of a name: stripped when a name follows, and a sign the name is a person's. */
const TITLE_WORDS = new Set(
  'President Premier Prime Minister Deputy Vice Foreign Defence Defense Chairman Chairwoman Chief Executive General Governor Ambassador Spokesman Spokeswoman Director Secretary Senator Admiral Colonel Mayor Head CEO Президент Премьер Министр Глава Председатель Генерал Губернатор Посол Директор Вице-премьер Замминистра'.split(
    ' ',
  ),
);
/**
 * The key that groups the forms of one name: case folded, Russian case endings removed
 * (Мишустина and Мишустин are one name), spaces and quotes evened out.
 */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, "'")
    .split(/\s+/)
    .map((word) => stemWord(word))
    .join(' ');
}

/**
 * Countries, capitals, nationalities and broad regions: news uses them as places or as
 * shorthand for governments, and the dataset does not explain them (tests/fixtures/real/README.md).
 * Compared by `nameKey`, so every case form and capitalisation is covered.
 */
const GEOGRAPHY = [
  'United States',
  'US',
  'U.S.',
  'USA',
  'America',
  'American',
  'Americans',
  'Washington',
  'Europe',
  'European',
  'Ukraine',
  'Ukrainian',
  'Kyiv',
  'Kiev',
  'Japan',
  'Japanese',
  'Tokyo',
  'India',
  'Indian',
  'New Delhi',
  'Iran',
  'Iranian',
  'Tehran',
  'Mongolia',
  'Mongolian',
  'Kazakhstan',
  'North Korea',
  'South Korea',
  'Korea',
  'Korean',
  'Pyongyang',
  'Seoul',
  'Taiwan',
  'Taiwanese',
  'Germany',
  'German',
  'Berlin',
  'France',
  'French',
  'Paris',
  'Britain',
  'British',
  'UK',
  'London',
  'Turkey',
  'Turkish',
  'Pakistan',
  'Belarus',
  'Asia',
  'Asian',
  'Africa',
  'African',
  'Middle East',
  'West',
  'Western',
  'East',
  'Eastern',
  'Soviet',
  'Soviet Union',
  'USSR',
  'Earth',
  'Arctic',
  'Siberia',
  'Far East',
  'Russian Far East',
  'China',
  'Russia',
  'Moscow',
  'Beijing',
  'People’s Republic of China',
  "People's Republic of China",
  'Russian Federation',
  'PRC',
  'Chinese',
  'Russian',
  'China-Russia',
  'Russia-China',
  'Sino-Russian',
  'Chinese-Russian',
  'Russian-Chinese',
  'Россия',
  'Китай',
  'КНР',
  'РФ',
  'США',
  'Москва',
  'Пекин',
  'Вашингтон',
  'Европа',
  'Украина',
  'Киев',
  'Япония',
  'Индия',
  'Иран',
  'Монголия',
  'Казахстан',
  'Корея',
  'КНДР',
  'Тайвань',
  'Германия',
  'Франция',
  'Великобритания',
  'Турция',
  'Азия',
  'Африка',
  'Запад',
  'СССР',
  'Советский Союз',
  'Земля',
  'Сибирь',
  'Дальний Восток',
  'Арктика',
  'Российская Федерация',
  'Китайская Народная Республика',
];
const GEOGRAPHY_KEYS = new Set(GEOGRAPHY.map((name) => nameKey(name)));
/** A lone Russian adjective ("Китайской", "Восточного") is the start of a name written in lower case after it. */
const RUSSIAN_ADJECTIVE = /^\p{Script=Cyrillic}+(?:ий|ый|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ую|юю|ых|их)$/u;

/** Whether a found name is worth listing at all. */
function isCandidate(name: string): boolean {
  if (!/\p{L}/u.test(name) || /-based$/.test(name) || TITLE_WORDS.has(name)) return false;
  if (RUSSIAN_ADJECTIVE.test(name)) return false;
  return !GEOGRAPHY_KEYS.has(nameKey(name));
}

/** Function words before a Chinese name are not part of it (与弗拉基米尔·普京, 管道和中国工商银行); 和平 is a word. */
const CHINESE_LEAD = /^.*(?:以及|表示|指出|和(?!平)|与|同|及|在|对|向|称|据|由|从|的|是|了|将|为)/u;
/** Just before a word: the start of the text or of a line, or the end of a sentence. */
const SENTENCE_BOUNDARY = /(?:^|[.!?…:"“”»]\s*|\n\s*)$/;

function isSentenceStart(text: string, start: number): boolean {
  return SENTENCE_BOUNDARY.test(text.slice(Math.max(0, start - 4), start));
}

/** Every name occurrence the mentions do not cover, in text order. */
export function findUnknownNames(text: string, mentions: readonly Mention[]): NameOccurrence[] {
  const covered = (start: number, end: number) => mentions.some((m) => start < m.end && end > m.start);
  const found: NameOccurrence[] = [];
  const add = (name: string, start: number, title?: string) => {
    if (name.length < 2 || !isCandidate(name) || covered(start, start + name.length)) return;
    found.push({
      text: name,
      start,
      end: start + name.length,
      sentenceStart: !title && isSentenceStart(text, start),
      ...(title ? { title } : {}),
    });
  };
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    // Sentence starters in front of a name are not part of it ("Then Lavrov"), nor a possessive.
    const words = match[0]
      .replace(/['’]s$|['’-]+$/u, '')
      .split(/[ \u00a0]/)
      .filter(Boolean);
    let skipped = 0;
    const shift = () => {
      const word = words.shift() as string;
      skipped += word.length + 1;
      return word;
    };
    while (words.length > 0 && COMMON_WORDS.has(words[0] as string)) shift();
    // A title goes only when a name of its own follows ("Prime Minister Li Qiang", not "General Staff").
    const titles: string[] = [];
    if (NATIONALITY_WORDS.has(words[0] as string) && TITLE_WORDS.has(words[1] as string)) titles.push(shift());
    while (words.length > 1 && TITLE_WORDS.has(words[0] as string)) titles.push(shift());
    while (words.length > 0 && COMMON_WORDS.has(words[0] as string)) shift();
    add(words.join(' '), (match.index ?? 0) + skipped, titles.length > 0 ? titles.join(' ') : undefined);
  }
  for (const match of text.matchAll(GUILLEMET_NAME)) add((match[1] as string).trim(), (match.index ?? 0) + 1);
  for (const match of text.matchAll(CJK_QUOTED)) add(match[1] as string, (match.index ?? 0) + 1);
  for (const match of text.matchAll(CJK_NAME)) {
    // A conjunction or preposition before a name is not part of it (与弗拉基米尔·普京).
    const name = match[0].replace(CHINESE_LEAD, '');
    add(name, (match.index ?? 0) + match[0].length - name.length);
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((occurrence) => {
      // The same span found twice («Сила Сибири» is also a capitalised run) counts once.
      const key = `${occurrence.start}:${occurrence.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** The unknown names of one text with their counts, most frequent first (for `annotate`). */
export function unknownNames(text: string, mentions: readonly Mention[]): UnknownName[] {
  const counts = new Map<string, number>();
  for (const { text: name } of findUnknownNames(text, mentions)) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ text: name, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

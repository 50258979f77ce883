/**
 * Words right around an ambiguous alias that say what it names: a title ("President Xi",
 * 普京总统), a country ("китайского Минобороны", "Russian President", 俄罗斯总统), initials of a
 * person's given name ("I. Sechin", «И. Сечин», 德·尼·帕特鲁舍夫, "Alexei B. Miller").
 */
import { normalizeForMatch } from '../../text/normalize';

/** Titles that, right before an ambiguous alias, say a person is meant (Russian stemmed as text is). */
const TITLE_CUES = new Set([
  'president',
  'premier',
  'minister',
  'mr',
  'ms',
  'mrs',
  'chairman',
  'chairwoman',
  'chair',
  'ceo',
  'chief',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'secretary',
  'envoy',
  'leader',
  'deputy',
  'vice',
  'presidents',
  'aide',
  'adviser',
  'general',
  'президент',
  'министр',
  'глав',
  'посол',
  'председател',
  'господин',
  'премьер',
  'лидер',
  'помощник',
]);
/** Chinese titles that come before a name (商务部新闻发言人高峰, 俄罗斯总统普京). */
const CJK_TITLES_BEFORE = [
  '发言人',
  '發言人',
  '总统',
  '總統',
  '总理',
  '總理',
  '主席',
  '部长',
  '部長',
  '外长',
  '外長',
  '大使',
  '董事长',
  '董事長',
  '总裁',
  '總裁',
  '总经理',
  '總經理',
  '书记',
  '書記',
  '助理',
];
/** Chinese titles that follow a name (普京总统, 习近平主席). */
const CJK_TITLE_CUES = [
  '主席',
  '总统',
  '總統',
  '总理',
  '總理',
  '部长',
  '部長',
  '大使',
  '先生',
  '总裁',
  '總裁',
  '董事长',
  '董事長',
];

const prepare = (text: string) => normalizeForMatch(text, { stemRussian: true }).text;

export function hasTitleCue(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 3);
  if (CJK_TITLE_CUES.some((cue) => after.startsWith(cue))) return true;
  const justBefore = text.slice(Math.max(0, start - 3), start);
  if (CJK_TITLES_BEFORE.some((cue) => justBefore.endsWith(cue))) return true;
  const words = prepare(text.slice(Math.max(0, start - 40), start))
    .trimEnd()
    .split(' ')
    .map((word) => word.replace(/[.,]$/, ''));
  const last = words.pop() ?? '';
  // «президент России Медведев»: a country in the genitive may stand between title and name.
  return TITLE_CUES.has(last) || (COUNTRY_GENITIVES.has(last) && TITLE_CUES.has(words.pop() ?? ''));
}

/** Country genitives as the text is stemmed (России, РФ, Китая, КНР). */
const COUNTRY_GENITIVES = new Set(['росс', 'рф', 'кита', 'кнр']);

/** Country words, as written (Russian by stem): an adjective or a genitive right by a name. */
const COUNTRY_CUES: readonly (readonly [RegExp, string])[] = [
  [/(?:китайск|кнр|китая|china'?s?|chinese|prc|中国|中國|中方|我国|我國)/iu, 'CN'],
  [/(?:российск|росси[ия]|рф|russia'?s?|russian|俄罗斯|俄羅斯|俄方|俄)/iu, 'RU'],
];
const COUNTRY_JUST_BEFORE: readonly (readonly [RegExp, string])[] = COUNTRY_CUES.map(([pattern, country]) => [
  // Latin and Cyrillic words inflect ("китайского"); a Chinese one stands right before, or with 的.
  new RegExp(`${pattern.source}[\\p{Script=Latin}\\p{Script=Cyrillic}]*(?:的)?[\\s"«“]*$`, 'iu'),
  country,
]);

/** The country an adjective or genitive right before the alias names ("китайского Минобороны"). */
export function countryJustBefore(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 24), start);
  return COUNTRY_JUST_BEFORE.find(([pattern]) => pattern.test(before))?.[1];
}

/** The country named nearest before a name, in its title phrase ("Russian President", 俄羅斯總統, "президент России"). */
const COUNTRY_CUES_GLOBAL = COUNTRY_CUES.map(
  ([pattern, country]) => [new RegExp(pattern.source, 'giu'), country] as const,
);

export function countryNear(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 20), start);
  let nearest: { at: number; country: string } | undefined;
  for (const [pattern, country] of COUNTRY_CUES_GLOBAL) {
    for (const match of before.matchAll(pattern)) {
      if (!nearest || match.index > nearest.at) nearest = { at: match.index, country };
    }
  }
  return nearest?.country;
}

/** A title right after an organisation's name makes it part of the title (国务院副总理汪洋), not a mention. */
export function titleFollows(text: string, end: number): boolean {
  const after = text.slice(end, end + 4);
  return /^(?:副|常务|常務)?(?:总理|總理|部长|部長|主席|委员|委員|秘书长|秘書長)/u.test(after);
}

const SEPARATOR = '[·・‧•∙⋅]';
/**
 * What may stand before a surname, most specific first: 德·尼·; "Igor I ", "Alexei B. ",
 * «Игорь Иванович » (a given name, then initials or a patronymic); "I. ", «И. И. » (initials);
 * "Sergi " (a given name alone, however spelled).
 */
const BEFORE_SURNAME = [
  new RegExp(`(\\p{Script=Han})${SEPARATOR}(?:\\p{Script=Han}${SEPARATOR})?$`, 'u'),
  /(?:^|[^\p{L}])(\p{Lu})\p{Ll}+\s+(?:(?:\p{Lu}\.?\s*){1,2}|\p{Lu}\p{Ll}+(?:ович|евич|ьич|овна|евна|ична|инична)\s+)$/u,
  /(?:^|[^\p{L}])(\p{Lu})\.\s*(?:\p{Lu}\.\s*)?$/u,
  /(?:^|[^\p{L}])(\p{Lu})\p{Ll}+\s+$/u,
];

/**
 * The start of a given name, initials or patronymic written right before a surname, when its
 * first letter is one of `initials` (the person's given-name initials in each script).
 */
export function initialsStart(text: string, start: number, initials: string): number | undefined {
  const before = text.slice(Math.max(0, start - 30), start);
  for (const pattern of BEFORE_SURNAME) {
    const match = pattern.exec(before);
    const letter = match?.[1];
    if (!match || !letter || !initials.includes(letter)) continue;
    return start - before.length + match.index + match[0].indexOf(letter);
  }
  return undefined;
}

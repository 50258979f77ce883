/**
 * A name followed by a generic noun of its type is one mention: "the Power of Siberia gas
 * pipeline", "Yamal LNG project", "Xudapu nuclear power plant", "COSCO Shipping Co.", 诺瓦泰克公司,
 * «Госдумы РФ». Events are not extended: "Vostok 2018 war games" names the exercise, not a kind.
 * One rule, with the generic nouns of each entity type in each language; Russian puts the noun
 * first («газопровод "Сила Сибири"») and is labelled without it, so it has none here.
 */

const PROJECT_EN =
  /^\s+(?:(?:liquefied natural gas|natural gas|LNG|gas|oil|crude|nuclear|power|fast|transit|export|pilot|trunk|rail|road|cross-border)\s+){0,3}(?:pipelines?|line|project|plant|station|NPP|reactor|field|bridge|railway|terminal|port|complex|corridor|probe|satellite|spacecraft|lander|rover|orbiter)\b/iu;
const COMPANY_EN =
  /^,?\s+(?:Co\.|Co\b|Company\b|Corp\.|Corp\b|Corporation\b|Ltd\.|Ltd\b|Inc\.|Inc\b|Group\b|PJSC\b|JSC\b|Stock Exchange\b)/u;
const PROJECT_ZH =
  /^(?:天然气|天然氣|输气|輸氣|原油|石油)?(?:管道|管线|管線|项目|項目|核电站|核電站|核电厂|核電廠|大桥|大橋|铁路|鐵路)/u;
/** 有限公司, 股份有限公司, and a bracketed place before it: 中国农业银行(莫斯科)有限公司. */
const COMPANY_ZH =
  /^(?:[(（][\p{Script=Han}]{1,6}[)）])?(?:天然气|天然氣|石油|石化|能源|电力|電力|核电|核電|航运|航運)?(?:集团|集團)?(?:股份)?(?:有限)?(?:责任|責任)?(?:总公司|總公司|公司|集团|集團)/u;
/** An outlet's kind after its name: "RIA-Novosti news agency", "Izvestia newspaper". */
const OUTLET_EN =
  /^\s+(?:(?:state|state-run|official|news|business|daily)\s+){0,2}(?:news agency|agency|newspaper|daily|broadcaster|TV channel|channel|television|website|portal)\b/iu;
/** A Russian organisation's country in the genitive: «Госдумы РФ», «Центробанком РФ». */
const COUNTRY_RU = /^\s+(?:РФ|КНР)(?![\p{L}])/u;

const GENERIC_NOUNS: Readonly<Record<string, readonly RegExp[]>> = {
  project: [PROJECT_EN, PROJECT_ZH],
  company: [COMPANY_EN, COMPANY_ZH, COUNTRY_RU],
  bank: [COMPANY_EN, COMPANY_ZH, COUNTRY_RU],
  fund: [COMPANY_EN, COMPANY_ZH, COUNTRY_RU],
  organization: [COUNTRY_RU],
  outlet: [OUTLET_EN],
};

const STICKY: Readonly<Record<string, readonly RegExp[]>> = Object.fromEntries(
  Object.entries(GENERIC_NOUNS).map(([type, patterns]) => [
    type,
    patterns.map((pattern) => new RegExp(pattern.source.replace(/^\^/u, ''), `${pattern.flags}y`)),
  ]),
);

/** Where the mention ends once a generic noun of `type` right after it is taken in. */
export function descriptiveEnd(text: string, end: number, type: string | undefined): number {
  const patterns = type ? STICKY[type] : undefined;
  if (!patterns) return end;
  for (const pattern of patterns) {
    // Sticky, from `end`: no copy of the text per mention (this runs for most mentions).
    pattern.lastIndex = end;
    const match = pattern.exec(text);
    if (match) return end + match[0].length;
  }
  return end;
}

/** A legal form before a company's name is part of it: «АО РЖД», «ПАО Газпром», "PJSC Rosneft". */
const LEGAL_FORM_BEFORE = /(?:^|[^\p{L}])((?:ПАО|ОАО|ЗАО|АО|ООО|ГК|НК|PJSC|OJSC|JSC)\s+)$/u;
const WITH_LEGAL_FORM = new Set(['company', 'bank', 'fund']);

/** Where the mention starts once a legal form right before it is taken in. */
export function descriptiveStart(text: string, start: number, type: string | undefined): number {
  if (!type || !WITH_LEGAL_FORM.has(type)) return start;
  const match = LEGAL_FORM_BEFORE.exec(text.slice(Math.max(0, start - 6), start));
  return match ? start - (match[1] as string).length : start;
}

/**
 * An outlet's own name where it is the publisher is a byline, not a mention: everywhere on the
 * outlet's own site, and, on any site, in a dateline ("(Xinhua) --", "/ТАСС/", 新华社北京12月5日电)
 * or a credit line ("Photo: Xinhua", "© Sputnik", "(Xinhua/Ding Haitao)"). A page whose dateline
 * names an outlet carries that outlet's copy (a Xinhua dispatch on another site): there too its
 * name is the publisher's, everywhere on the page.
 */

/** Is `host` one of `sites`, or a subdomain of one? */
export function isOwnSite(host: string | undefined, sites: readonly string[] | undefined): boolean {
  if (!host || !sites) return false;
  const bare = host
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/^www\d*\./, '');
  return sites.some((site) => bare === site || bare.endsWith(`.${site}`));
}

/** "Photo: Xinhua", "Фото: Нина Зотина / РИА Новости" (a photographer's name, then the outlet), "© Sputnik". */
const CREDIT_BEFORE =
  /(?:photo|photograph|image|picture|source|фото|источник|图|圖|图片|圖片|照片|来源|來源)\s*[:：]\s*(?:[^\n:：/]{1,40}\/\s*)?$|©\s*$/iu;
/** "(Xinhua) --", "(Xinhua)/", "(Xinhua/Ding Haitao)". */
const PARENTHESISED_BYLINE = { before: /[(（]\s*$/u, after: /^\s*(?:[)）]\s*(?:--|—|–|-|:|$)|\/)/u };
/** "/ТАСС/", "/Xinhua/". */
const SLASHED_DATELINE = { before: /\/\s*$/u, after: /^\s*\//u };
/** 新华社北京12月5日电, 俄罗斯卫星通讯社莫斯科11月20日电: place, date, 电. */
/** "Baikonur - Xinhua": a line that opens with a place, a dash and the outlet. */
const PLACE_DASH_DATELINE = /(?:^|\n)\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s+[-–—]\s*$/u;
const CJK_DATELINE = /^\s*[\p{Script=Han}]{0,8}\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:专|專|快)?(?:电|電)/u;

/** Is the mention at [start, end) a dateline: the outlet whose copy the page carries? */
export function isDateline(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 24);
  return (
    (PARENTHESISED_BYLINE.before.test(before) && PARENTHESISED_BYLINE.after.test(after)) ||
    (SLASHED_DATELINE.before.test(before) && SLASHED_DATELINE.after.test(after)) ||
    PLACE_DASH_DATELINE.test(text.slice(Math.max(0, start - 40), start)) ||
    CJK_DATELINE.test(after)
  );
}

/** Is the mention at [start, end) a dateline or a credit line ("Photo: Xinhua", "© Sputnik")? */
export function isBylineOrCredit(text: string, start: number, end: number): boolean {
  return CREDIT_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || isDateline(text, start, end);
}

/** A byline line: "By Chen Yingqun in Beijing, … and Zhou Huiying in Harbin". */
const BYLINE_START = /(?:^\s*|\d{1,2}:\d{2}\s+)(?:By|Reporting by|Written by)\s+\p{Lu}/u;

/**
 * Is the place at `start` where a reporter filed from, in a byline ("… Zhou Huiying in Harbin")?
 * That says where the writer sat, not what the story is about.
 */
export function isBylinePlace(text: string, start: number): boolean {
  if (!/\sin\s+$/u.test(text.slice(Math.max(0, start - 4), start))) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (start - lineStart > 200) return false;
  return BYLINE_START.test(text.slice(lineStart, start));
}

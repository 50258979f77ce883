/**
 * A first match costs several times a later one: each rule's regular expressions are compiled
 * at their first use, and the matcher's code is still unoptimised. A background that has just
 * read the lexicon (a cold start, woken by a page as it starts loading) matches these sentences
 * of ours once while that page is still loading, so the page's own question meets a warm
 * matcher. Each sentence names entities the way news does in its language, so that the rules
 * behind them run too (tests/matcher/warm-up.test.ts checks every one still finds names).
 */
import type { Matcher } from './matcher';

export const WARM_UP_TEXTS: readonly string[] = [
  'MOSCOW (Reuters) - President Xi Jinping met Vladimir V. Putin as Gazprom and China National Petroleum Corp. (CNPC) discussed the Power of Siberia 2 gas pipeline; Sberbank and the Bank of China were named too.',
  'Председатель КНР Си Цзиньпин и Владимир Путин обсудили газопровод «Сила Сибири — 2», поставки «Газпрома» и работу Банка России, сообщает ТАСС.',
  '新华社莫斯科电 国家主席习近平同俄罗斯总统普京会谈，中国石油天然气集团有限公司与俄罗斯天然气工业股份公司签署协议。',
  '中央社台北電 普廷與習近平會晤，俄羅斯天然氣工業公司表示西伯利亞力量管道運作正常。',
];

/** Matches the warm-up sentences once; what it finds is thrown away. */
export function warmUp(matcher: Matcher): void {
  matcher.mightMention(WARM_UP_TEXTS.join('\n'));
  matcher.matchTexts(WARM_UP_TEXTS, [], { host: 'example.com' });
}

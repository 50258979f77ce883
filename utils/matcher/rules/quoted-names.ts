/**
 * A name inside quotation marks that go on past it is part of a longer name: «Газпромбанк
 * Автолизинг» is a leasing firm, «Банк Китая (Элос)» a Russian subsidiary, "Rosatom Energy
 * International" another company. Only where the quotes open right before the name and the words
 * after it are capitalised or bracketed, so «Сила Сибири — 2» and lower-case descriptions are left
 * to their own rules.
 */

const OPENING = /["«“„「『]$/u;
const CONTINUES = /^(?:\s+\p{Lu}|\s*[(（])[^"»”“」』\n]{0,40}["»”“」』]/u;

export function insideLongerQuotedName(text: string, start: number, end: number): boolean {
  if (!OPENING.test(text.slice(Math.max(0, start - 1), start))) return false;
  return CONTINUES.test(text.slice(end, end + 48));
}

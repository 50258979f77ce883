/**
 * Warships and merchant ships are often named after places: the destroyer "Harbin", 南昌号,
 * the icebreaker «Мурманск». A place's name right after a ship noun (and a hull number), or
 * before 号/舰/轮, names the ship, not the place.
 */

const SHIP_BEFORE =
  /(?:destroyer|frigate|cruiser|corvette|warship|submarine|icebreaker|tanker|vessel|ship|эсминец|эсминца|эсминцем|фрегат\p{L}*|крейсер\p{L}*|корабл\p{L}*|ледокол\p{L}*|танкер\p{L}*|судн\p{L}*|驱逐舰|驅逐艦|护卫舰|護衛艦|巡洋舰|巡洋艦|破冰船)\s*(?:(?:DDG|FFG|CG)\s*-?\s*\d+\s*)?["«“「『]?\s*$/iu;
const SHIP_AFTER = /^(?:号(?!称)|號(?!稱)|舰|艦|轮|輪)/u;

/** Does the place name at [start, end) stand for a ship? */
export function namesAShip(text: string, start: number, end: number): boolean {
  return SHIP_AFTER.test(text.slice(end, end + 2)) || SHIP_BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

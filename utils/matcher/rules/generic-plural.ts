/**
 * A Chinese quantifier right before an organisation's name makes it a plural common noun: 數間中國銀行
 * and 多家中国银行 are "several Chinese banks", not the Bank of China (Chinese has no plural, so a
 * name like 中国银行 doubles as "Chinese bank"). English and Russian mark plurals on the noun.
 */

const QUANTIFIED =
  /(?:(?:[数數多几幾各两兩三四五六七八九十]|好几|好幾)(?:家|间|間|个|個)|一些|部分|许多|許多|不少|众多|眾多)$/u;

export function quantifiedBefore(text: string, start: number): boolean {
  return QUANTIFIED.test(text.slice(Math.max(0, start - 3), start));
}

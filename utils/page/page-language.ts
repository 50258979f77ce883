/**
 * The language a page is written in, for the card: the `lang` attribute when it names one of
 * ours, else the script most of its text is in (Cyrillic → ru, Han → zh, otherwise en). Pure:
 * the lens passes the attribute and a sample of the text.
 */
import { localeOfTag, type UiLocale } from '../i18n/locale';

/** Characters of the sample looked at: enough to tell the script, cheap on any page. */
const SAMPLE_CHARS = 4000;
/** A Han character carries about as much as three Latin or Cyrillic letters. */
const HAN_WEIGHT = 3;

export function pageLanguage(langAttribute: string | null | undefined, text: string): UiLocale {
  const declared = localeOfTag(langAttribute);
  if (declared) return declared;
  return scriptLanguage(text);
}

/** The locale of the script most of the text is written in. */
export function scriptLanguage(text: string): UiLocale {
  const sample = text.slice(0, SAMPLE_CHARS);
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const han = (sample.match(/\p{Script=Han}/gu)?.length ?? 0) * HAN_WEIGHT;
  if (cyrillic > latin && cyrillic >= han) return 'ru';
  if (han > latin && han > cyrillic) return 'zh';
  return 'en';
}

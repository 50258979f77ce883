/**
 * A first guess at what an unknown name is, from the words in it and a title in front of it,
 * for `data:candidates`. Only a hint for the maintainer who writes the entry.
 */
import type { EntityType } from '../dataset/schema';

export type GuessedType = EntityType | 'unknown';

/** Cues in the name itself, checked in this order (a "Bank of China Tower" is a bank first). */
const NAME_CUES: readonly (readonly [GuessedType, RegExp])[] = [
  ['bank', /\bbank\b|банк|银行|銀行/iu],
  ['fund', /\bfund\b|фонд|基金/iu],
  [
    'event',
    /\b(?:exercises?|drills?|summit|forum|games|parade|expo|mission)\b|учени|саммит|форум|парад|выставк|миссия|演习|联演|演練|峰会|论坛|博览会|阅兵/iu,
  ],
  [
    'company',
    /\b(?:corp|corporation|inc|ltd|llc|plc|pjsc|ojsc|jsc|co|group|holdings?|motors?|automobile|airlines|shipping|petroleum|oil|gas|energy|telecom)\b|^(?:ПАО|ОАО|АО|ООО|ЗАО)(?!\p{L})|компани|корпораци|групп|холдинг|公司|集团|集團|汽车|股份/iu,
  ],
  [
    'place',
    /\b(?:bridge|port|terminal|crossing|checkpoint|island|range|passage|sea|ocean|lake|oblast|krai|province|region|city|bay|strait|river|district)\b|мост|порт(?!\p{L})|терминал|переход|пункт пропуска|остров|полигон|област|край|город|口岸|大桥|港|码头|岛|省|靶场/iu,
  ],
  [
    'project',
    /\b(?:pipeline|railway|plant|project|field|lng|line|station|corridor|route)\b|провод|железн|завод|проект|месторожден|АЭС|СПГ|管道|铁路|项目|工厂|油田|气田|核电站|电站/iu,
  ],
  [
    'organization',
    /\b(?:ministry|department|committee|council|agency|administration|service|commission|organi[sz]ation|party|army|navy|fleet|command|forces|university|institute|academy|parliament|duma|assembly|bureau|office|federation|union|staff)\b|министерств|комитет|совет|агентств|служб|комисси|парти|флот|округ|арми|войск|университет|институт|академи|дума|собрани|部$|委员会|委員會|局$|署$|党$|军$|舰队|战区|军区|大学|研究院|研究所|协会|组织/iu,
  ],
];
/** Titles that make the name after them a person's. */
const PERSON_TITLE =
  /(?:president|premier|prime minister|minister|chairman|chairwoman|chief|executive|ceo|general|governor|ambassador|spokes(?:wo)?man|director|secretary|senator|admiral|colonel|mayor|head|mr|ms|mrs|президент|премьер|министр|глава|председатель|генерал|губернатор|посол|директор|замминистра)\.?\s*$/iu;
/** Chinese titles written after the name: 普京总统, 王毅外长. */
const CHINESE_TITLE_AFTER =
  /^(?:主席|总统|總統|总理|總理|部长|部長|外长|外長|大使|省长|州长|董事长|董事長|总裁|總裁|总经理|司令|将军|發言人|发言人|副总理)/u;
/** A preposition of place just before: "in Tianjin", "в Тяньцзине". */
const PLACE_BEFORE = /(?:\b(?:in|from|(?<!according )to|near|at|via)|(?<!\p{L})(?:в|во|из|под|у|до))\s+$/iu;
/** "Firstname Lastname": two or three words, each one capital and lower case. */
const PERSONAL_NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?: \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}$/u;
/** A transliterated foreign name in Chinese: 弗拉基米尔·普京. */
const CJK_TRANSLITERATED = /^[\p{Script=Han}]+[·・•][\p{Script=Han}]+$/u;

export interface NameInContext {
  readonly name: string;
  /** Text just before and just after one occurrence. */
  readonly before: string;
  readonly after: string;
  /** A title the finder stripped in front of the name. */
  readonly title?: string;
}

/** The guess for one occurrence. */
function guessOne({ name, before, after, title }: NameInContext): GuessedType {
  for (const [type, cue] of NAME_CUES) if (cue.test(name)) return type;
  if (title || PERSON_TITLE.test(before) || CHINESE_TITLE_AFTER.test(after)) return 'person';
  if (PLACE_BEFORE.test(before)) return 'place';
  if (CJK_TRANSLITERATED.test(name) || PERSONAL_NAME.test(name)) return 'person';
  return 'unknown';
}

/** The most frequent guess over a name's occurrences; a real cue outvotes "unknown". */
export function guessType(occurrences: readonly NameInContext[]): GuessedType {
  const votes = new Map<GuessedType, number>();
  for (const occurrence of occurrences) {
    const guess = guessOne(occurrence);
    votes.set(guess, (votes.get(guess) ?? 0) + 1);
  }
  votes.delete('unknown');
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : 'unknown';
}

/**
 * The lens's highlights: which mentions the reader sees (categories, first mention only), painted
 * in the reader's colours, and the table the pointer is hit-tested against.
 */
import { TYPE_CATEGORY } from '../../components/format';
import type { EntityType } from '../../utils/dataset/schema';
import { highlightNameIn, highlightRules } from '../../utils/highlight-names';
import type { PageMention } from '../../utils/page/annotate-page';
import { MentionTable } from '../../utils/page/hit-test';
import { HighlightPainter } from '../../utils/page/paint-highlights';
import { ShadowStyles } from '../../utils/page/shadow-styles';
import { CATEGORIES, type Category, type Settings } from '../../utils/settings';

export class Highlights {
  /** Every mention found, before the reader's category and first-mention choices. */
  found: PageMention[] = [];
  /** The mentions the reader sees, by block, for hit-testing and stepping. */
  readonly table = new MentionTable();
  /** Each entity's type, as the background reported it. */
  readonly typeOf = new Map<string, EntityType>();
  private readonly painter = new HighlightPainter<PageMention>();
  private readonly shadowStyles: ShadowStyles;

  constructor(
    private readonly names: readonly string[],
    private settings: () => Settings,
  ) {
    this.shadowStyles = new ShadowStyles(highlightRules(names));
  }

  /** New mentions from a scan: painted as the settings say. */
  publish(mentions: PageMention[]): void {
    this.found = mentions;
    for (const mention of mentions) if (mention.shadowRoot) this.shadowStyles.cover(mention.shadowRoot);
    this.paint();
  }

  /** Paints the mentions found as the settings now say. */
  paint(): void {
    const settings = this.settings();
    this.table.replace(this.found, this.shownFilter(settings));
    const highlights = new Map(
      CATEGORIES.map((category) => [
        category,
        highlightNameIn(this.names, settings.style, settings.categories[category].color),
      ]),
    );
    this.painter.replace(
      this.table.byBlock,
      (mention) => highlights.get(this.categoryOf(mention) as Category) as string,
    );
  }

  /** Is this mention among those the reader sees? */
  isShown(mention: PageMention): boolean {
    return this.table.byBlock.get(mention.element)?.includes(mention) ?? false;
  }

  /** A page that cleared the highlight registry gets ours back. */
  restore(): void {
    this.painter.restore();
  }

  clear(): void {
    this.painter.clear();
  }

  private categoryOf(mention: PageMention): Category | undefined {
    const type = this.typeOf.get(mention.entities[0] as string);
    return type && TYPE_CATEGORY[type];
  }

  /**
   * Whether the reader sees a mention: its category is on, and it is the first of its entity if
   * asked. A new one per paint, called on mentions in document order; decided once per entity.
   * None when every mention is seen (the default settings).
   */
  private shownFilter(settings: Settings): ((mention: PageMention) => boolean) | undefined {
    if (
      settings.mentions === 'all' &&
      settings.mutedEntities.length === 0 &&
      CATEGORIES.every((category) => settings.categories[category].enabled)
    ) {
      return undefined;
    }
    const muted = new Set(settings.mutedEntities.map((entity) => entity.id));
    const categoryShown = new Map<string, boolean>();
    const seen = new Set<string>();
    const firstOnly = settings.mentions === 'first';
    return (mention) => {
      const id = mention.entities[0] as string;
      let shown = categoryShown.get(id);
      if (shown === undefined) {
        const category = this.categoryOf(mention);
        shown = category !== undefined && settings.categories[category].enabled && !muted.has(id);
        categoryShown.set(id, shown);
      }
      if (!shown || !firstOnly) return shown;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    };
  }
}

/**
 * The highlight rules inside the page's open shadow roots that hold mentions. Firefox applies a
 * document's `::highlight()` rules to light-DOM text only (Chromium also to shadow trees), and
 * the rules the background inserts are the document's: each such root adopts a stylesheet with
 * the same rules. The page can see the adopted sheet (the root is its own); the names in it are
 * the random ones it can already read in `CSS.highlights`.
 */
export class ShadowStyles {
  private sheet: CSSStyleSheet | undefined;
  private readonly done = new WeakSet<ShadowRoot>();

  constructor(private readonly css: string) {}

  /** Gives a shadow root our rules (once). */
  cover(root: ShadowRoot): void {
    if (this.done.has(root)) return;
    this.done.add(root);
    try {
      this.sheet ??= this.makeSheet();
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.sheet];
    } catch (error) {
      // Marking elsewhere goes on; the text in this root stays unstyled.
      console.error('China–Russia Lens: highlight rules in a shadow root', error);
    }
  }

  private makeSheet(): CSSStyleSheet {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(this.css);
    return sheet;
  }
}

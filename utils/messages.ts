/**
 * Every runtime message the extension sends, in one place: its shape, its validation and the
 * reply it gets. Nothing else invents a message; receivers validate with `parseMessage` and
 * accept only messages from this extension.
 */
import * as v from 'valibot';
import type { EntityType } from './dataset/schema';
import type { PackedMentions } from './matcher/packed-mentions';

const MentionCount = v.object({ id: v.string(), count: v.pipe(v.number(), v.integer(), v.minValue(1)) });

export const LensMessage = v.variant('type', [
  /**
   * Scout → background, as a page starts loading: start now if stopped, so the page's question
   * does not wait for it (reply: true once the matcher is ready).
   */
  v.object({ type: v.literal('wake') }),
  /** Popup → content script: what does this page mention? */
  v.object({ type: v.literal('get-page-mentions') }),
  /** Content script → background: the page's mention count changed (for the badge). */
  v.object({ type: v.literal('page-mentions-changed'), total: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** Content script or popup → background: the card for an entity (reply: `CardData`, or null if unknown). */
  v.object({
    type: v.literal('get-card'),
    id: v.pipe(v.string(), v.maxLength(200)),
    pageDate: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  }),
  /** Popup → background: a deal's view (reply: `DealDetail`, or null if unknown). */
  v.object({ type: v.literal('get-deal'), id: v.pipe(v.string(), v.maxLength(200)) }),
  /**
   * Content script → background: the mentions in a page's texts, one text per block. Matching
   * runs in the background so it never holds the page's main thread. `alreadyNamed`: entities
   * the page was already found to name (they corroborate ambiguous aliases in added content).
   * `host`: the page's host (`location.host`); an outlet's own name there is a byline.
   */
  v.object({
    type: v.literal('find-mentions'),
    texts: v.array(v.string()),
    alreadyNamed: v.array(v.string()),
    host: v.optional(v.pipe(v.string(), v.maxLength(253))),
  }),
  /**
   * Scout → background: a frame's text (all of it, or what the page added), read in one call with
   * no block separators. If it may mention something, the background starts the lens in that
   * frame (reply: whether it did).
   */
  v.object({ type: v.literal('scout-text'), text: v.string() }),
  /** Lens → background: inject the card's code into this frame (at the first pointer movement). */
  v.object({ type: v.literal('load-card') }),
  /** Popup → content script: scroll to the first mention of an entity and open its card (reply: found). */
  v.object({ type: v.literal('reveal-mention'), id: v.pipe(v.string(), v.maxLength(200)) }),
  /** Popup → background: the reader just enabled the lens on this tab's site; start it there now. */
  v.object({ type: v.literal('start-lens-in-tab'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  /** Background → content script: a keyboard command stepped to the next or previous mention. */
  v.object({ type: v.literal('step-mention'), direction: v.picklist([1, -1]) }),
]);
export type LensMessage = v.InferOutput<typeof LensMessage>;

export interface PageMentions {
  readonly url: string;
  readonly mentions: readonly v.InferOutput<typeof MentionCount>[];
}

/** The reply to `find-mentions`: mentions per text, and the type of each entity they name. */
export interface FoundMentions {
  readonly mentions: PackedMentions;
  readonly types: Readonly<Record<string, EntityType>>;
}

export function parseMessage(message: unknown): LensMessage | undefined {
  const result = v.safeParse(LensMessage, message);
  return result.success ? result.output : undefined;
}

/** Only our own pages and scripts may talk to us (not web pages, not other extensions). */
export function isFromOurExtension(sender: { id?: string }, ourId: string): boolean {
  return sender.id === ourId;
}

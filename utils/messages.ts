/**
 * Every runtime message the extension sends, in one place: for each type, the schema of its
 * request (validated by the receiver) and the type of its reply (as Yomitan's API map declares
 * them). Senders go through `sendRequest`, receivers through `handleMessage` with one handler per
 * type; nothing else invents a message, casts a reply or switches on a message's type.
 */
import * as v from 'valibot';
import type { CommandName } from './commands';
import type { CardData, DealDetail } from './dataset/card-data';
import type { EntityType } from './dataset/schema';
import { UI_LOCALES } from './i18n/locale';
import type { PackedMentions } from './matcher/packed-mentions';

/**
 * Each message's request (its fields besides `type`). Built at the first message received, not
 * when a script loads: the scout, evaluated on every page of the listed sites, receives none on
 * most of them.
 */
const requestSchemas = () => {
  const EntityId = v.pipe(v.string(), v.maxLength(200));
  /** The language a card or deal view is written in (default English). */
  const Locale = v.optional(v.picklist(UI_LOCALES));
  return {
    /**
     * Scout → background, as a page starts loading: start now if stopped, so the page's question
     * does not wait for it (reply: true).
     */
    wake: v.object({}),
    /** Popup → content script: what does this page mention? */
    'get-page-mentions': v.object({}),
    /** Content script → background: the page's mention count changed (for the badge). */
    'page-mentions-changed': v.object({ total: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    /** Content script → background: the card for an entity (null if unknown). */
    'get-card': v.object({
      id: EntityId,
      pageDate: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
      locale: Locale,
    }),
    /** Popup → background: a deal's view (null if unknown). */
    'get-deal': v.object({ id: EntityId, locale: Locale }),
    /**
     * Content script → background: the mentions in a page's texts, one text per block. Matching
     * runs in the background so it never holds the page's main thread. `alreadyNamed`: entities
     * the page was already found to name (they corroborate ambiguous aliases in added content).
     * `host`: the page's host (`location.host`); an outlet's own name there is a byline.
     */
    'find-mentions': v.object({
      texts: v.array(v.string()),
      alreadyNamed: v.array(v.string()),
      host: v.optional(v.pipe(v.string(), v.maxLength(253))),
    }),
    /**
     * Scout → background: a frame's text (all of it, or what the page added), read in one call with
     * no block separators. If it may mention something, the background starts the lens in that
     * frame (reply: whether it did).
     */
    'scout-text': v.object({ text: v.string() }),
    /** Lens → background: inject the card's code into this frame (at the first pointer movement). */
    'load-card': v.object({}),
    /** Lens → background: the names of this install's highlights (random, so a page cannot spot us by them). */
    'get-highlight-names': v.object({}),
    /** Popup → content script: scroll to the first visible mention of an entity and open its card (reply: found). */
    'reveal-mention': v.object({ id: EntityId }),
    /** Popup → background: the reader just enabled the lens on this tab's site; start it there now. */
    'start-lens-in-tab': v.object({ tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    /** Background → content script: a keyboard command stepped to the next or previous mention. */
    'step-mention': v.object({ direction: v.picklist([1, -1]) }),
    /** Lens → background: the keys the keyboard commands have now (the reader may have changed them). */
    'get-shortcuts': v.object({}),
  } as const;
};
type RequestSchemas = ReturnType<typeof requestSchemas>;
let schemas: RequestSchemas | undefined;
const requests = (): RequestSchemas => (schemas ??= requestSchemas());

export interface PageMentions {
  readonly url: string;
  /** Each entity the page names, and how many times (at least once). */
  readonly mentions: readonly { readonly id: string; readonly count: number }[];
}

/** The reply to `find-mentions`: mentions per text, and the type of each entity they name. */
export interface FoundMentions {
  readonly mentions: PackedMentions;
  readonly types: Readonly<Record<string, EntityType>>;
}

/** Each message's reply. */
interface Replies {
  wake: boolean;
  'get-deal': DealDetail | null;
  'get-page-mentions': PageMentions;
  'page-mentions-changed': undefined;
  'get-card': CardData | null;
  'find-mentions': FoundMentions;
  'scout-text': boolean;
  'load-card': boolean;
  'get-highlight-names': readonly string[];
  'reveal-mention': boolean;
  'start-lens-in-tab': boolean;
  'step-mention': undefined;
  /** Each command's key as the browser binds it ('' when unbound), by command name. */
  'get-shortcuts': Readonly<Record<CommandName, string>>;
}

export type MessageType = keyof RequestSchemas;
export type Request<T extends MessageType> = v.InferOutput<RequestSchemas[T]>;
export type Reply<T extends MessageType> = Replies[T];
export type Message<T extends MessageType = MessageType> = { type: T } & Request<T>;

/** Who sent a message, as the browser tells the receiver. */
export interface Sender {
  readonly id?: string;
  readonly tab?: { readonly id?: number };
  readonly frameId?: number;
  readonly url?: string;
}

/** Handlers for the message types a receiver answers; a type without one is not answered. */
export type Handlers<K extends MessageType> = {
  readonly [T in K]: (request: Request<T>, sender: Sender) => Reply<T> | Promise<Reply<T>>;
};

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(requests(), type);
}

/** A valid message of one of `types`, or undefined. */
export function parseMessage<K extends MessageType>(
  raw: unknown,
  types: readonly K[] | Readonly<Record<K, unknown>>,
): Message<K> | undefined {
  const type = (raw as { type?: unknown } | null)?.type;
  const known = Array.isArray(types) ? types.includes(type as K) : isMessageType(type) && Object.hasOwn(types, type);
  if (!known || !isMessageType(type)) return undefined;
  const result = v.safeParse(requests()[type], raw);
  return result.success ? ({ ...result.output, type } as Message<K>) : undefined;
}

/** The message types whose request has no fields. */
type BareMessageType = { [T in MessageType]: keyof Request<T> extends never ? T : never }[MessageType];

/**
 * A message of one of `types`, all without fields, or undefined: what `parseMessage` finds,
 * checked without the schemas. For the scout, which runs on every page and answers only such a
 * message: with the schemas it carried the validator, half its code.
 */
export function parseBareMessage<K extends BareMessageType>(raw: unknown, types: readonly K[]): Message<K> | undefined {
  const type = (raw as { type?: unknown } | null)?.type;
  return typeof raw === 'object' && types.includes(type as K) ? ({ type } as Message<K>) : undefined;
}

/**
 * The receiving end (an `onMessage` listener's body): a valid message from our own extension goes
 * to its handler, and the handler's reply (a promise) back to the sender; anything else gets no
 * answer (undefined), leaving it to other listeners.
 */
export function handleMessage<K extends MessageType>(
  handlers: Handlers<K>,
  raw: unknown,
  sender: Sender,
  ourId: string,
): Promise<unknown> | undefined {
  if (!isFromOurExtension(sender, ourId)) return undefined;
  const message = parseMessage(raw, handlers);
  if (!message) return undefined;
  const handler = handlers[message.type] as (request: Request<K>, sender: Sender) => unknown;
  return Promise.resolve(handler(message, sender));
}

/** Sends one message (through `send`: runtime.sendMessage, or tabs.sendMessage to a tab) and gets its typed reply. */
export async function sendRequest<T extends MessageType>(
  send: (message: Message<T>) => Promise<unknown>,
  type: T,
  request: Request<T>,
): Promise<Reply<T>> {
  // The receiver validated the request and is our own code: its reply has the declared type.
  return (await send({ ...request, type })) as Reply<T>;
}

/** Only our own pages and scripts may talk to us (not web pages, not other extensions). */
function isFromOurExtension(sender: { id?: string }, ourId: string): boolean {
  return sender.id === ourId;
}

/**
 * The scout: the one script that runs on every page of the listed sites (and of the sites the
 * reader enabled), so it is kept as small as a script can be and costs a page without mentions
 * next to nothing. It reads the page's text in one call (`textContent`, no walk over its nodes)
 * and shows it to the background, which starts the lens in this frame if the text may mention
 * anything. Until then the scout shows it what the page adds, and tells the popup the page
 * mentions nothing.
 *
 * Unlike every other part, it uses the browser's extension API directly, not through WXT's
 * content-script context and webextension-polyfill: together they were three quarters of its
 * code, compiled on every page. It needs only sending a message and answering one.
 */
import { defineUnlistedScript } from '#imports';
import { MAX_ALIAS_LENGTH } from '../utils/dataset/limits';
import { type Message, type PageMentions, parseBareMessage, sendRequest } from '../utils/messages';
import { coalesceWork } from '../utils/page/coalesce-work';
import { frameState } from '../utils/page/frame-state';
import { openShadowRoots, type PageText, textOf } from '../utils/page/page-text';
import { watchMutations } from '../utils/page/watch-mutations';

/** Characters shown to the background at once. */
const CHARS_PER_QUESTION = 50_000;
/**
 * The first question about a page too long to read whole: a page that mentions anything
 * usually does so in its first paragraphs, and the lens then reads it all anyway.
 */
const FIRST_QUESTION = 10_000;

/** The part of the extension API the scout uses, the same in Chromium (`chrome`) and Firefox (`browser`). */
interface Runtime {
  readonly id?: string;
  sendMessage(message: Message): Promise<unknown>;
  readonly onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
}
type MessageListener = (message: unknown, sender: { id?: string }, sendResponse: (reply: unknown) => void) => void;

export default defineUnlistedScript(() => {
  // Firefox has both; its `browser` returns promises (so does Chromium's `chrome` in MV3).
  const api = globalThis as unknown as { browser?: { runtime: Runtime }; chrome?: { runtime: Runtime } };
  const runtime = (api.browser ?? api.chrome)?.runtime;
  if (!runtime || frameState().lens) return;
  // The scout runs as the page starts loading so that this wakes the background now: Chromium
  // stops an idle one after 30 s, and its start (~150 ms, a process of its own) then overlaps
  // the page's loading instead of delaying the first highlight (docs/BENCHMARKS.md).
  sendRequest((message) => runtime.sendMessage(message), 'wake', {}).catch(() => undefined);
  // The text is read once the page is parsed and the browser idle (within 200 ms), as a
  // document_idle script would. Idle callbacks run in tasks of their own: a DOMContentLoaded
  // listener would share its task with the page's first layout (and a trace count it as ours).
  const whenParsedAndIdle = () => {
    if (document.readyState === 'loading') requestIdleCallback(whenParsedAndIdle, { timeout: 200 });
    else scout(runtime);
  };
  requestIdleCallback(whenParsedAndIdle, { timeout: 200 });
});

/** Reads the page's text once it is parsed, and asks the background about it. */
function scout(runtime: Runtime): void {
  const frame = frameState();
  if (!document.body || frame.lens) return;
  // A copy injected again (a site just enabled), or left from an extension since reloaded: the
  // newest watches.
  frame.scout?.stop();
  const controller = new AbortController();
  const { signal } = controller;
  let lensStarted = false;

  const onMessage: MessageListener = (message, sender, sendResponse) => {
    // The one message the scout answers, synchronously (no promise replies in older Chromium).
    if (sender.id !== runtime.id || !parseBareMessage(message, ['get-page-mentions'])) return;
    const reply: PageMentions = { url: location.href, mentions: [] };
    sendResponse(reply);
  };
  runtime.onMessage.addListener(onMessage);
  const stop = () => {
    controller.abort();
    runtime.onMessage.removeListener(onMessage);
    if (frame.scout?.stop === stop) delete frame.scout;
  };
  frame.scout = { stop };

  // In parts, from the top: a page that mentions something usually does so early, and the rest
  // of a long page then needs neither reading nor copying into a message.
  const show = async (readText: (atLeast: number) => PageText) => {
    let { text, complete } = readText(FIRST_QUESTION);
    // A page read whole is asked about in full-size parts: its reading is paid for already.
    const firstPart = complete ? CHARS_PER_QUESTION : FIRST_QUESTION;
    for (let at = 0, end = 0; at < text.length && !lensStarted && !signal.aborted; at = end) {
      const partSize = at === 0 ? firstPart : CHARS_PER_QUESTION;
      if (!complete && at + partSize > text.length) ({ text, complete } = readText(Number.POSITIVE_INFINITY));
      end = at + partSize;
      // A short rest goes with this part: a question costs more than its characters.
      if (complete && text.length - end < CHARS_PER_QUESTION / 2) end = text.length;
      // Parts overlap by the longest a name may be, so none is cut in two.
      const part = text.slice(at > 0 ? at - MAX_ALIAS_LENGTH : 0, end);
      if (!/\S/.test(part)) continue;
      lensStarted = await sendRequest((message) => runtime.sendMessage(message), 'scout-text', { text: part });
    }
  };
  const onError = (error: unknown) => {
    // The extension was reloaded or removed: this copy has no one left to ask.
    if (runtime.id === undefined) stop();
    else console.error('China–Russia Lens:', error);
  };
  const allOf = (nodes: readonly Node[]) => (): PageText => ({
    text: nodes.map((node) => node.textContent ?? '').join('\n'),
    complete: true,
  });
  // Read at the time of asking: the page may have swapped its body since.
  const wholePage = (atLeast: number) => textOf(document.body ?? document.createElement('body'), atLeast);
  /**
   * The page's text, then, if it may mention nothing, the text of its open shadow roots (which
   * `textContent` leaves out), watched from then on like the body.
   */
  const lookAtAll = async () => {
    await show(wholePage);
    if (lensStarted || signal.aborted) return;
    const roots = openShadowRoots(document.body ?? document.documentElement);
    for (const root of roots) watch.watchShadowRoot(root);
    if (roots.length > 0) await show(allOf(roots));
  };
  const request = coalesceWork({
    run: (work) => (work === 'all' ? lookAtAll() : show(allOf(work))),
    onError,
    signal,
  });
  const watch = watchMutations(document, request, { isOwn: () => false, signal });
  request('all', true);
}

/**
 * The scout: the one script that runs on every page of the listed sites, so it is kept small and
 * costs a page without mentions next to nothing. It reads the page's text in one call
 * (`textContent`, no walk over its nodes) and shows it to the background, which starts the lens
 * in this frame if the text may mention anything. Until then the scout shows it what the page
 * adds, and tells the popup the page mentions nothing.
 */
import { browser, defineContentScript } from '#imports';
import { MAX_ALIAS_LENGTH } from '../../utils/dataset/limits';
import { isFromOurExtension, type LensMessage, type PageMentions } from '../../utils/messages';
import { frameState } from '../../utils/page/frame-state';
import { watchMutations } from '../../utils/page/watch-mutations';
import { CURATED_MATCH_PATTERNS } from '../../utils/sites';
import './highlights.css';

/** Characters shown to the background at once. */
const CHARS_PER_QUESTION = 50_000;

export default defineContentScript({
  matches: [...CURATED_MATCH_PATTERNS],
  allFrames: true,
  runAt: 'document_idle',
  // WXT's postMessage announcing the script to the page makes the browser capture where it was
  // called from, reparsing the whole script (~15 ms a page for the lens); the DOM event it also
  // sends is enough to stop an older copy of the script.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const frame = frameState();
    const body = document.body;
    if (!body || frame.lens || frame.scout) return;
    const controller = new AbortController();
    const { signal } = controller;
    let lensStarted = false;

    // A plain check of the type, not the message schemas: they would double this script.
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (!isFromOurExtension(sender, browser.runtime.id)) return undefined;
      if ((raw as { type?: unknown } | null)?.type !== 'get-page-mentions') return undefined;
      const reply: PageMentions = { url: location.href, mentions: [] };
      return Promise.resolve(reply);
    };
    browser.runtime.onMessage.addListener(onMessage);
    const stop = () => {
      controller.abort();
      browser.runtime.onMessage.removeListener(onMessage);
      delete frame.scout;
    };
    frame.scout = { stop };
    ctx.onInvalidated(stop);

    // In parts, from the top: a page that mentions something usually does so early, and the
    // rest of a long page then needs no copying into a message.
    const show = async (text: string) => {
      for (let at = 0; at < text.length && !lensStarted && !signal.aborted; at += CHARS_PER_QUESTION) {
        // Parts overlap by the longest a name may be, so none is cut in two.
        const part = text.slice(at > 0 ? at - MAX_ALIAS_LENGTH : 0, at + CHARS_PER_QUESTION);
        if (!/\S/.test(part)) continue;
        const message: LensMessage = { type: 'scout-text', text: part };
        lensStarted = (await browser.runtime.sendMessage(message)) === true;
      }
    };
    // One question at a time: text added while one is out waits for its answer.
    let queue = Promise.resolve();
    const enqueue = (text: () => string) => {
      queue = queue
        .then(() => show(text()))
        .catch((error: unknown) => {
          if (!signal.aborted) console.error('China–Russia Lens:', error);
        });
    };
    watchMutations(
      body,
      (changed) =>
        enqueue(() =>
          changed === 'all' ? (body.textContent ?? '') : changed.map((node) => node.textContent ?? '').join('\n'),
        ),
      { isOwn: () => false, signal },
    );
    enqueue(() => body.textContent ?? '');
  },
});

/**
 * The scout: the one script that runs on every page of the listed sites, so it is kept small
 * (no card, no settings) and costs a page without mentions next to nothing. It reads the page's
 * text, asks the background for mentions, and only if there are any asks for the lens, which
 * takes over from it. Until then it watches the page for added text and answers the popup.
 */
import { browser, defineContentScript } from '#imports';
import type { EntityType } from '../../utils/dataset/schema';
import { type FoundMentions, isFromOurExtension, type LensMessage, type PageMentions } from '../../utils/messages';
import { type FindMentions, findInBatches, scanPage } from '../../utils/page/annotate-page';
import { type FirstLook, frameState } from '../../utils/page/frame-state';
import { canPaint } from '../../utils/page/paint-highlights';
import { watchMutations } from '../../utils/page/watch-mutations';
import { CURATED_MATCH_PATTERNS } from '../../utils/sites';
import './highlights.css';

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
    if (!canPaint() || !document.body || frame.lens || frame.scout) return;
    const body = document.body;
    const controller = new AbortController();
    const { signal } = controller;
    let firstLook: FirstLook | undefined;
    let changedSince: Node[] | 'all' = [];
    let lensAsked = false;
    let siteOff = false;

    // The popup asks every page what it mentions: nothing, until the lens takes over. (A plain
    // check of the type: the message schemas would double this script.)
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (!isFromOurExtension(sender, browser.runtime.id)) return undefined;
      if ((raw as { type?: unknown } | null)?.type !== 'get-page-mentions') return undefined;
      const reply: PageMentions = { url: location.href, mentions: [] };
      return Promise.resolve(reply);
    };
    browser.runtime.onMessage.addListener(onMessage);

    const watch = watchMutations(
      body,
      (changed) => {
        if (lensAsked) {
          changedSince = changed === 'all' || changedSince === 'all' ? 'all' : [...changedSince, ...changed];
        } else if (!siteOff) {
          void enqueue(() => look(changed === 'all' ? [body] : changed));
        }
      },
      { isOwn: () => false, signal },
    );
    const stop = () => {
      controller.abort();
      browser.runtime.onMessage.removeListener(onMessage);
      delete frame.scout;
    };
    frame.scout = {
      stop() {
        const pending = watch.takePending();
        stop();
        const changed = pending === 'all' || changedSince === 'all' ? 'all' : [...changedSince, ...pending];
        return { firstLook, changed };
      },
    };
    ctx.onInvalidated(stop);

    const look = async (roots: readonly Node[]) => {
      const segments = await scanPage(roots, signal);
      if (segments.length === 0) return;
      const types: Record<string, EntityType> = {};
      const find: FindMentions = async (texts, alreadyNamed) => {
        const request: LensMessage = { type: 'find-mentions', texts: [...texts], alreadyNamed: [...alreadyNamed] };
        const reply = (await browser.runtime.sendMessage(request)) as FoundMentions | undefined;
        if (!reply) throw new Error('The background did not answer find-mentions');
        siteOff ||= reply.siteOff;
        Object.assign(types, reply.types);
        return reply.mentions;
      };
      const found = await findInBatches(segments, find, [], signal);
      if (siteOff || lensAsked || !found.some((mentions) => mentions.length > 0)) return;
      // The lens starts from this look if it covered the page; otherwise it looks at all of it.
      if (roots.length === 1 && roots[0] === body) firstLook = { segments, found, types };
      lensAsked = true;
      const request: LensMessage = { type: 'start-lens' };
      try {
        await browser.runtime.sendMessage(request);
      } catch (error) {
        lensAsked = false;
        throw error;
      }
    };
    // One look at a time; a look stops (rejects) when the scout stops.
    let queue = Promise.resolve();
    const enqueue = (next: () => Promise<void>) => {
      queue = queue.then(next).catch((error: unknown) => {
        if (!signal.aborted) console.error('China–Russia Lens:', error);
      });
      return queue;
    };
    void enqueue(() => look([body]));
  },
});

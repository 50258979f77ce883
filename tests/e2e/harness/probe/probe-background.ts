/**
 * Test-only: the probe's background. It loads axe-core into a frame's probe when a test asks for
 * an accessibility check: declared as a content script, its 500 kB were evaluated at the start of
 * every page the tests and the benchmark open (~150 ms of the page's main thread in Chromium).
 */
interface Sender {
  tab?: { id?: number };
  frameId?: number;
}
interface ProbeApi {
  runtime: {
    onMessage: {
      addListener(listener: (message: unknown, sender: Sender, reply: (answer: unknown) => void) => boolean): void;
    };
  };
  /** Chromium (MV3). */
  scripting?: {
    executeScript(options: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown>;
  };
  /** Firefox (MV2). */
  tabs: { executeScript(tabId: number, details: { file: string; frameId: number }): Promise<unknown> };
}

const { browser, chrome } = globalThis as unknown as { browser?: ProbeApi; chrome: ProbeApi };
const api = browser ?? chrome;

function loadAxe(tabId: number, frameId: number): Promise<unknown> {
  return api.scripting
    ? api.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: ['axe.min.js'] })
    : api.tabs.executeScript(tabId, { file: '/axe.min.js', frameId });
}

api.runtime.onMessage.addListener((message, sender, reply) => {
  const tabId = sender.tab?.id;
  if (message !== 'load-axe' || tabId === undefined) return false;
  loadAxe(tabId, sender.frameId ?? 0).then(
    () => reply(true),
    (error: unknown) => reply(String(error)),
  );
  return true;
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from '../../utils/page/hover-intent';

function setup() {
  const events: string[] = [];
  const pending: (string | undefined)[] = [];
  const intent = new HoverIntent<string>({
    delayMs: 250,
    graceMs: 300,
    onOpen: (target, pinned) => events.push(`open ${target}${pinned ? ' pinned' : ''}`),
    onClose: () => events.push('close'),
    onPendingChange: (target) => pending.push(target),
  });
  return { intent, events, pending };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens only after the pointer rests for the delay', () => {
    const { intent, events } = setup();
    intent.pointerOver('gazprom');
    vi.advanceTimersByTime(249);
    expect(events).toEqual([]);
    intent.pointerOver('gazprom'); // moving within the same mention does not restart the wait
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open gazprom']);
  });

  it('counts the delay from the pointer event, not from when it was handled', () => {
    const { intent, events } = setup();
    intent.pointerOver('gazprom', 16);
    vi.advanceTimersByTime(233);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open gazprom']);
  });

  it('announces the mention it waits for, and when it stops waiting without opening', () => {
    const { intent, events, pending } = setup();
    intent.pointerOver('gazprom');
    intent.pointerOver('gazprom');
    vi.advanceTimersByTime(100);
    intent.pointerOver('cnpc');
    vi.advanceTimersByTime(100);
    intent.pointerOver(undefined);
    expect(pending).toEqual(['gazprom', 'cnpc', undefined]);
    intent.pointerOver('rosneft');
    vi.advanceTimersByTime(250);
    expect(events).toEqual(['open rosneft']);
    expect(pending).toEqual(['gazprom', 'cnpc', undefined, 'rosneft']); // opening uses what was prepared
    intent.pointerOver('novatek');
    intent.escape();
    expect(pending).toEqual(['gazprom', 'cnpc', undefined, 'rosneft', 'novatek', undefined]);
    expect(events).toEqual(['open rosneft', 'close']);
  });

  it('does not open for a pointer that passes over a mention', () => {
    const { intent, events } = setup();
    intent.pointerOver('gazprom');
    vi.advanceTimersByTime(100);
    intent.pointerOver(undefined);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('keeps the card through the grace period while the pointer moves into it', () => {
    const { intent, events } = setup();
    intent.pointerOver('gazprom');
    vi.advanceTimersByTime(250);
    intent.pointerOver(undefined);
    vi.advanceTimersByTime(200);
    intent.pointerOnCardChanged(true);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open gazprom']);
    intent.pointerOnCardChanged(false);
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['open gazprom', 'close']);
  });

  it('switches to another mention after its own delay', () => {
    const { intent, events } = setup();
    intent.pointerOver('gazprom');
    vi.advanceTimersByTime(250);
    intent.pointerOver('cnpc');
    vi.advanceTimersByTime(250);
    expect(events).toEqual(['open gazprom', 'open cnpc']);
  });

  it('pins on click; a pinned card ignores the pointer and closes on Escape or a click elsewhere', () => {
    const { intent, events } = setup();
    intent.click('gazprom', false);
    expect(intent.pinned).toBe(true);
    intent.pointerOver(undefined);
    intent.pointerOver('cnpc');
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open gazprom pinned']);
    intent.click(undefined, true); // a click inside the card keeps it
    expect(intent.current).toBe('gazprom');
    intent.click(undefined, false);
    expect(events).toEqual(['open gazprom pinned', 'close']);
    intent.openPinned('cnpc');
    intent.escape();
    expect(events).toEqual(['open gazprom pinned', 'close', 'open cnpc pinned', 'close']);
  });
});

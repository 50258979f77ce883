import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController } from '../../utils/page/card-controller';

function setup() {
  const events: string[] = [];
  const card = new CardController<string>({
    delayMs: 250,
    graceMs: 300,
    effects: {
      prepare: (target) => events.push(target === undefined ? 'discard' : `prepare ${target}`),
      show: (target, pinned) => events.push(`show ${target}${pinned ? ' pinned' : ''}`),
      hide: () => events.push('hide'),
    },
  });
  const over = (target: string | undefined, buttonHeld = false, sinceEventMs = 0) =>
    card.pointer({ target, buttonHeld, sinceEventMs });
  return { card, events, over };
}

describe('CardController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('idle → pending when the pointer rests on a mention; pending → shown when the delay ends', () => {
    const { card, events, over } = setup();
    over('gazprom');
    expect(card.state).toEqual({ kind: 'pending', target: 'gazprom' });
    vi.advanceTimersByTime(249);
    over('gazprom'); // moving within the same mention does not restart the wait
    vi.advanceTimersByTime(1);
    expect(card.state).toEqual({ kind: 'shown', target: 'gazprom', leaving: false });
    expect(events).toEqual(['prepare gazprom', 'show gazprom']);
  });

  it('counts the delay from the pointer event, not from when it was handled', () => {
    const { events, over } = setup();
    over('gazprom', false, 16);
    vi.advanceTimersByTime(233);
    expect(events).toEqual(['prepare gazprom']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['prepare gazprom', 'show gazprom']);
  });

  it('pending → pending for another mention (restarting the wait); pending → idle when the pointer leaves', () => {
    const { card, events, over } = setup();
    over('gazprom');
    vi.advanceTimersByTime(200);
    over('cnpc');
    vi.advanceTimersByTime(200);
    expect(card.state).toEqual({ kind: 'pending', target: 'cnpc' });
    over(undefined);
    vi.advanceTimersByTime(1000);
    expect(card.state).toEqual({ kind: 'idle' });
    expect(events).toEqual(['prepare gazprom', 'prepare cnpc', 'discard']);
  });

  it('shown → idle when the grace period ends off the mention and off the card', () => {
    const { card, events, over } = setup();
    over('gazprom');
    vi.advanceTimersByTime(250);
    over(undefined);
    expect(card.state).toEqual({ kind: 'shown', target: 'gazprom', leaving: true });
    vi.advanceTimersByTime(299);
    over('gazprom'); // back in time: the card stays
    vi.advanceTimersByTime(1000);
    expect(card.state.kind).toBe('shown');
    over(undefined);
    vi.advanceTimersByTime(300);
    expect(card.state).toEqual({ kind: 'idle' });
    expect(events).toEqual(['prepare gazprom', 'show gazprom', 'hide']);
  });

  it('keeps the card while the pointer is on it, and starts the grace when it leaves', () => {
    const { card, events, over } = setup();
    over('gazprom');
    vi.advanceTimersByTime(250);
    over(undefined);
    vi.advanceTimersByTime(200);
    card.pointerOnCardChanged(true);
    vi.advanceTimersByTime(1000);
    expect(card.state).toEqual({ kind: 'shown', target: 'gazprom', leaving: false });
    card.pointerOnCardChanged(false);
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['prepare gazprom', 'show gazprom', 'hide']);
  });

  it('shown → shown for the next mention, in place, when its delay ends before the grace', () => {
    const { card, events, over } = setup();
    over('novatek');
    vi.advanceTimersByTime(250);
    over('sinopec');
    expect(card.state).toEqual({ kind: 'shown', target: 'novatek', next: 'sinopec', leaving: true });
    vi.advanceTimersByTime(250);
    expect(card.state).toEqual({ kind: 'shown', target: 'sinopec', leaving: false });
    expect(events).toEqual(['prepare novatek', 'show novatek', 'show sinopec']);
  });

  it('moving between adjacent names: the first card’s grace ending keeps the second one’s wait (issue 18)', () => {
    const { card, events, over } = setup();
    over('novatek');
    vi.advanceTimersByTime(250);
    over(undefined); // the word "and" between the names: the grace starts here
    vi.advanceTimersByTime(100);
    over('sinopec'); // its delay ends 50 ms after the grace
    vi.advanceTimersByTime(200);
    expect(card.state).toEqual({ kind: 'pending', target: 'sinopec' });
    vi.advanceTimersByTime(50);
    expect(card.state).toEqual({ kind: 'shown', target: 'sinopec', leaving: false });
    expect(events).toEqual(['prepare novatek', 'show novatek', 'hide', 'prepare sinopec', 'show sinopec']);
  });

  it('shown: back onto its own mention cancels the next one’s wait', () => {
    const { card, events, over } = setup();
    over('novatek');
    vi.advanceTimersByTime(250);
    over('sinopec');
    vi.advanceTimersByTime(100);
    over('novatek');
    vi.advanceTimersByTime(1000);
    expect(card.state).toEqual({ kind: 'shown', target: 'novatek', leaving: false });
    expect(events).toEqual(['prepare novatek', 'show novatek']);
  });

  it('opens nothing while a button is held, and not on the mention a selection ended on', () => {
    const { card, events, over } = setup();
    card.press();
    over('gazprom', true);
    vi.advanceTimersByTime(1000);
    expect(card.state).toEqual({ kind: 'idle' });
    card.release('gazprom');
    over('gazprom');
    vi.advanceTimersByTime(1000);
    expect(card.state).toEqual({ kind: 'idle' });
    over(undefined); // leaving it ends the quiet
    over('gazprom');
    vi.advanceTimersByTime(250);
    expect(card.state.kind).toBe('shown');
    expect(events).toEqual(['prepare gazprom', 'show gazprom']);
  });

  it('a button pressed closes a pending or shown hover card, not a pinned one', () => {
    const { card, events, over } = setup();
    over('gazprom');
    card.press();
    expect(card.state).toEqual({ kind: 'idle' });
    over('gazprom');
    vi.advanceTimersByTime(250);
    card.press();
    expect(card.state).toEqual({ kind: 'idle' });
    card.click('cnpc', false);
    card.press();
    expect(card.state).toEqual({ kind: 'pinned', target: 'cnpc' });
    expect(events).toEqual([
      'prepare gazprom',
      'discard',
      'prepare gazprom',
      'show gazprom',
      'hide',
      'show cnpc pinned',
    ]);
  });

  it('pins on a click on a mention or on the hover card; a pinned card ignores the pointer', () => {
    const { card, events, over } = setup();
    over('gazprom');
    vi.advanceTimersByTime(250);
    card.click(undefined, true);
    expect(card.state).toEqual({ kind: 'pinned', target: 'gazprom' });
    over(undefined);
    over('cnpc');
    vi.advanceTimersByTime(5000);
    card.click(undefined, true); // a click inside a pinned card keeps it as it is
    expect(card.state).toEqual({ kind: 'pinned', target: 'gazprom' });
    card.click('cnpc', false);
    expect(card.state).toEqual({ kind: 'pinned', target: 'cnpc' });
    expect(events).toEqual(['prepare gazprom', 'show gazprom', 'show gazprom pinned', 'show cnpc pinned']);
  });

  it('pinned → idle on a click elsewhere, Escape or a page change; a step pins from any state', () => {
    const { card, events, over } = setup();
    card.step('gazprom');
    card.click(undefined, false);
    card.step('cnpc');
    card.close();
    over('rosneft');
    card.step('novatek'); // from pending
    expect(card.state).toEqual({ kind: 'pinned', target: 'novatek' });
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([
      'show gazprom pinned',
      'hide',
      'show cnpc pinned',
      'hide',
      'prepare rosneft',
      'show novatek pinned',
    ]);
  });

  it('a click elsewhere with no card, or Escape while pending, leaves nothing behind', () => {
    const { card, events, over } = setup();
    card.click(undefined, false);
    over('gazprom');
    card.close();
    vi.advanceTimersByTime(1000);
    expect(card.state).toEqual({ kind: 'idle' });
    expect(events).toEqual(['prepare gazprom', 'discard']);
  });

  it('a rescan that removes the mention closes its card, and drops a next mention that went', () => {
    const { card, events, over } = setup();
    over('novatek');
    vi.advanceTimersByTime(250);
    over('sinopec');
    card.keepOnly((target) => target !== 'sinopec');
    vi.advanceTimersByTime(250);
    expect(card.state).toEqual({ kind: 'shown', target: 'novatek', leaving: true });
    card.keepOnly(() => false);
    expect(card.state).toEqual({ kind: 'idle' });
    expect(events).toEqual(['prepare novatek', 'show novatek', 'hide']);
  });

  it('follows a changed delay', () => {
    const { card, events, over } = setup();
    card.delayMs = 600;
    over('gazprom');
    vi.advanceTimersByTime(599);
    expect(events).toEqual(['prepare gazprom']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['prepare gazprom', 'show gazprom']);
  });
});

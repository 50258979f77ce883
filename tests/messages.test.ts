import { describe, expect, it } from 'vitest';
import { handleMessage, parseBareMessage, parseMessage, sendRequest } from '../utils/messages';

const OURS = { id: 'our-id' };

describe('messages', () => {
  it('parses only valid messages of the types asked for', () => {
    expect(parseMessage({ type: 'get-card', id: 'gazprom' }, ['get-card'])).toEqual({
      type: 'get-card',
      id: 'gazprom',
    });
    expect(parseMessage({ type: 'get-card', id: 'gazprom' }, ['find-mentions'])).toBeUndefined();
    expect(parseMessage({ type: 'get-card', id: 7 }, ['get-card'])).toBeUndefined();
    expect(parseMessage({ type: 'get-card', id: 'x', pageDate: 'yesterday' }, ['get-card'])).toBeUndefined();
    expect(parseMessage({ type: 'toString' }, ['get-card'])).toBeUndefined();
    expect(parseMessage(null, ['get-card'])).toBeUndefined();
  });

  it('finds a message without fields as parseMessage does, without the schemas', () => {
    const messages = [
      { type: 'get-page-mentions' },
      { type: 'get-page-mentions', extra: 1 },
      { type: 'wake' },
      { type: 'get-card', id: 'gazprom' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: ['get-page-mentions'] },
      'get-page-mentions',
      null,
      undefined,
    ];
    for (const raw of messages) {
      expect(parseBareMessage(raw, ['get-page-mentions'])).toEqual(parseMessage(raw, ['get-page-mentions']));
    }
  });

  it('hands a valid message from our extension to its handler, and nothing else', async () => {
    const handlers = {
      'reveal-mention': ({ id }: { id: string }) => id === 'gazprom',
      'step-mention': () => undefined,
    };
    expect(await handleMessage(handlers, { type: 'reveal-mention', id: 'gazprom' }, OURS, 'our-id')).toBe(true);
    expect(
      handleMessage(handlers, { type: 'reveal-mention', id: 'gazprom' }, { id: 'other' }, 'our-id'),
    ).toBeUndefined();
    expect(handleMessage(handlers, { type: 'get-card', id: 'gazprom' }, OURS, 'our-id')).toBeUndefined();
    expect(handleMessage(handlers, { type: 'step-mention', direction: 2 }, OURS, 'our-id')).toBeUndefined();
    expect(handleMessage(handlers, { type: '__proto__' }, OURS, 'our-id')).toBeUndefined();
  });

  it('sends the type with the request', async () => {
    const sent: unknown[] = [];
    const reply = await sendRequest(
      async (message) => {
        sent.push(message);
        return true;
      },
      'reveal-mention',
      { id: 'gazprom' },
    );
    expect(sent).toEqual([{ type: 'reveal-mention', id: 'gazprom' }]);
    expect(reply).toBe(true);
  });
});

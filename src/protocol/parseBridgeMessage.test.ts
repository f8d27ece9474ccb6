import { describe, expect, it } from 'vitest';
import { BRIDGE_MESSAGE_TYPES } from './bridgeMessages.ts';
import { BRIDGE_ERROR_CODES, PARSE_ERROR_CODES } from './errorCodes.ts';
import { parseBridgeMessage } from './parseBridgeMessage.ts';
import { BRIDGE_EXAMPLES } from './testing/examples.ts';

const parseJson = (value: unknown) => parseBridgeMessage(JSON.stringify(value));

describe('parseBridgeMessage', () => {
  it('knows the five bridge messages', () => {
    expect(BRIDGE_MESSAGE_TYPES).toEqual(['welcome', 'trace', 'error', 'pong', 'run-ended']);
  });

  it.each(BRIDGE_MESSAGE_TYPES)('a valid %s message round-trips unchanged', (type) => {
    const example = BRIDGE_EXAMPLES[type];
    const outcome = parseJson(example);
    expect(outcome).toEqual({ ok: true, message: example });
  });

  it('lets trace events mention Redis commands: only client messages are scanned for them', () => {
    const trace = { type: 'trace', id: 'b9', events: [{ kind: 'command', command: ['EVAL', 'compare-and-delete'], keys: ['lock'] }] };
    expect(parseJson(trace).ok).toBe(true);
  });

  it('wants welcome and pong to answer a client message', () => {
    const { inReplyTo: _, ...pong } = BRIDGE_EXAMPLES.pong;
    expect(parseJson(pong)).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('inReplyTo: missing') },
    });
  });

  it('refuses a welcome of another protocol version, naming both', () => {
    const outcome = parseJson({ ...BRIDGE_EXAMPLES.welcome, protocol: 2 });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'invalid',
        message: expect.stringContaining('protocol: unsupported protocol version 2; this browser speaks version 1'),
      },
    });
  });

  it('ignores capabilities it does not know (a newer bridge may announce more)', () => {
    const welcome = { ...BRIDGE_EXAMPLES.welcome, capabilities: { clockJump: true, pauseSentinel: true } };
    expect(parseJson(welcome)).toMatchObject({ ok: true, message: { capabilities: { clockJump: true } } });
    const outcome = parseJson(welcome);
    expect(outcome.ok && outcome.message.type === 'welcome' && 'pauseSentinel' in outcome.message.capabilities).toBe(false);
  });

  it('accepts every error code and no other', () => {
    expect(BRIDGE_ERROR_CODES).toEqual(expect.arrayContaining([...PARSE_ERROR_CODES]));
    for (const code of BRIDGE_ERROR_CODES) expect(parseJson({ ...BRIDGE_EXAMPLES.error, code }).ok, code).toBe(true);
    expect(parseJson({ ...BRIDGE_EXAMPLES.error, code: 'oops' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses unknown types by name and bad nodes by field', () => {
    expect(parseJson({ type: 'hello', id: 'b1' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-type', message: expect.stringContaining('type: unknown message type "hello"; the browser accepts welcome,') },
    });
    const welcome = { ...BRIDGE_EXAMPLES.welcome, nodes: [{ id: 'M', host: '127.0.0.1', port: 70_000, role: 'leader' }] };
    const outcome = parseJson(welcome);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.message).toContain('nodes[0].port: too big');
      expect(outcome.error.message).toContain('nodes[0].role:');
    }
  });

  it('takes large trace batches, up to its own larger frame limit', () => {
    const events = Array.from({ length: 10_000 }, (_, i) => ({ atMs: i, kind: 'reply', node: 'M', value: 'x'.repeat(100) }));
    expect(parseJson({ type: 'trace', id: 'b1', events }).ok).toBe(true);
    expect(parseJson({ type: 'trace', id: 'b1', events: [...events, {}] })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('events: too big: expected array to have <=10000 items') },
    });
  });
});

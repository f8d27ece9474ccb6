import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS as SCENARIO_LIMITS } from '../scenario/limits.ts';
import { parseScenario } from '../scenario/parse.ts';
import { PRESETS } from '../scenario/presets/index.ts';
import { CLIENT_MESSAGE_TYPES, type ClientMessage } from './clientMessages.ts';
import { FAULT_TYPES } from './faultMessages.ts';
import { FORBIDDEN_NAMES } from './forbiddenNames.ts';
import { CLIENT_FRAME_LIMITS, PROTOCOL_LIMITS } from './limits.ts';
import { parseClientMessage } from './parseClientMessage.ts';
import type { ParseError, ParseOutcome } from './parseMessage.ts';
import { CLIENT_EXAMPLES } from './testing/examples.ts';

function accepted(outcome: ParseOutcome<ClientMessage>): ClientMessage {
  if (!outcome.ok) throw new Error(`refused: ${outcome.error.code}: ${outcome.error.message}`);
  return outcome.message;
}

function refused(outcome: ParseOutcome<ClientMessage>): ParseError {
  if (outcome.ok) throw new Error(`accepted: ${JSON.stringify(outcome.message).slice(0, 200)}`);
  return outcome.error;
}

const parseJson = (value: unknown) => parseClientMessage(JSON.stringify(value));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the client messages', () => {
  it('are exactly the fixed list: session, run, lock and fault operations', () => {
    expect(CLIENT_MESSAGE_TYPES).toEqual([
      'hello',
      'start-run',
      'stop-run',
      'lock-op',
      'kill-node',
      'restart-node',
      'pause-node',
      'resume-node',
      'failover',
      'pause-client',
      'link-delay',
      'link-drop',
      'partition',
      'heal',
      'clock-jump',
      'ping',
    ]);
    expect(FAULT_TYPES).toHaveLength(11);
  });

  it.each(CLIENT_MESSAGE_TYPES)('a valid %s message round-trips unchanged', (type) => {
    const example = CLIENT_EXAMPLES[type];
    const message = accepted(parseJson(example));
    expect(message).toEqual(example);
    // What the bridge parsed, encoded again, parses to the same message.
    expect(accepted(parseClientMessage(JSON.stringify(message)))).toEqual(message);
  });

  it('reads every frame form ws and browsers deliver: text, bytes, ArrayBuffer, fragments', () => {
    const text = JSON.stringify(CLIENT_EXAMPLES['lock-op']);
    const bytes = new TextEncoder().encode(text);
    const half = Math.floor(bytes.length / 2);
    const forms = [text, bytes, bytes.buffer, new DataView(bytes.buffer), [bytes.subarray(0, half), bytes.subarray(half)]];
    for (const form of forms) expect(accepted(parseClientMessage(form))).toEqual(CLIENT_EXAMPLES['lock-op']);
  });

  it('fills the documented defaults', () => {
    expect(accepted(parseJson({ type: 'kill-node', id: '1', node: 'A' }))).toEqual({
      type: 'kill-node',
      id: '1',
      node: 'A',
      clean: false,
      restartAfterMs: null,
    });
    expect(accepted(parseJson({ type: 'pause-node', id: '1', node: 'A' }))).toMatchObject({ durationMs: null });
    expect(accepted(parseJson({ type: 'failover', id: '1', method: 'sentinel' }))).toMatchObject({ promote: null });
    expect(accepted(parseJson({ type: 'partition', id: '1', groups: [['A'], ['B']] }))).toMatchObject({
      partition: 'p1',
      durationMs: null,
    });
    expect(accepted(parseJson({ type: 'heal', id: '1' }))).toMatchObject({ partition: null });
    expect(accepted(parseJson({ type: 'start-run', id: '1', scenario: {} }))).toMatchObject({ speed: 1, anchors: [] });
    expect(accepted(parseJson({ type: 'lock-op', id: '1', client: 'C1', op: 'release' }))).toEqual({
      type: 'lock-op',
      id: '1',
      client: 'C1',
      op: 'release',
    });
  });

  it('accepts every preset scenario in start-run (no forbidden-name false alarm)', () => {
    for (const preset of PRESETS) {
      const outcome = parseJson({ type: 'start-run', id: preset.name.slice(0, 60), scenario: preset.scenario, speed: 1 });
      expect(outcome.ok, preset.name).toBe(true);
    }
  });

  it('bounds fields like the scenario format does, so a fault the simulation accepts, the bridge accepts', () => {
    expect(PROTOCOL_LIMITS.durationMsMax).toBe(SCENARIO_LIMITS.durationMsMax);
    expect(PROTOCOL_LIMITS.latencyMsMax).toBe(SCENARIO_LIMITS.latencyMsMax);
    expect(PROTOCOL_LIMITS.clockOffsetMsMax).toBe(SCENARIO_LIMITS.clockOffsetMsMax);
    expect(PROTOCOL_LIMITS.ttlMsMax).toBe(SCENARIO_LIMITS.ttlMsMax);
    expect(PROTOCOL_LIMITS.timelineEntriesMax).toBe(SCENARIO_LIMITS.timelineEntriesMax);
  });

  it("takes a lock-op's key exactly when the scenario format takes it as lock.key", () => {
    const scenarioTakes = (key: string) =>
      parseScenario({ version: 1, nodes: [{ id: 'A' }], clients: [{ id: 'C1', strategy: { kind: 'set-nx-px-cad' } }], lock: { key } }).ok;
    const lockOpTakes = (key: string) => parseJson({ type: 'lock-op', id: '1', client: 'C1', op: 'acquire', key }).ok;
    for (const key of ['', 'k', 'orders:42 {tag}', 'x'.repeat(200), 'x'.repeat(201), 'FLUSHALL']) {
      expect(lockOpTakes(key), JSON.stringify(key).slice(0, 20)).toBe(scenarioTakes(key));
    }
    expect(lockOpTakes('x'.repeat(200))).toBe(true);
    expect(refused(parseJson({ type: 'lock-op', id: '1', client: 'C1', op: 'acquire', key: '' })).message).toContain('key: too small');
  });
});

describe('frames the bridge will not read', () => {
  it('refuses a 10 MB frame as too-large without decoding or parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const huge = new Uint8Array(10 * 1024 * 1024).fill(0x20);
    const error = refused(parseClientMessage(huge));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain(`limit of ${CLIENT_FRAME_LIMITS.messageBytesMax}`);
    expect(refused(parseClientMessage(`{"type":"ping","id":"1","pad":"${'x'.repeat(10 * 1024 * 1024)}"}`)).code).toBe('too-large');
    expect(refused(parseClientMessage([huge.subarray(0, 5_000_000), huge.subarray(5_000_000)])).code).toBe('too-large');
    expect(parse).not.toHaveBeenCalled();
    expect(decode).not.toHaveBeenCalled();
    // The spies do see a frame that is read.
    parseClientMessage(new TextEncoder().encode('{"type":"ping","id":"1"}'));
    expect(decode).toHaveBeenCalledTimes(1);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('counts bytes, not characters, against the limit', () => {
    const limits = { messageBytesMax: 40, nestingDepthMax: 8 };
    const frame = (pad: string) => `{"type":"ping","id":"${pad}"}`; // 23 bytes of frame around the id
    expect(accepted(parseClientMessage(frame('x'.repeat(17)), limits)).type).toBe('ping');
    expect(refused(parseClientMessage(frame('x'.repeat(18)), limits)).code).toBe('too-large');
    // 'é' is one UTF-16 unit but two UTF-8 bytes: 10 of them are 20 bytes.
    expect(refused(parseClientMessage(`{"type":"ping","id":"1","n":"${'é'.repeat(10)}"}`, limits)).code).toBe('too-large');
  });

  it('refuses text that is not JSON, and bytes that are not UTF-8, as not-json', () => {
    for (const text of ['', 'ping', '{"type":"ping"', "{'type':'ping'}", '{"type":"ping",}']) {
      expect(refused(parseClientMessage(text)).code, text).toBe('not-json');
    }
    const error = refused(parseClientMessage(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
    expect(error).toEqual({ code: 'not-json', message: '(message): not valid UTF-8 text' });
  });

  it('refuses deep nesting before JSON.parse sees it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const deep = `{"type":"start-run","id":"1","scenario":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const error = refused(parseClientMessage(deep));
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('nested more than 64 levels');
    expect(parse).not.toHaveBeenCalled();
    // Brackets inside strings are text, not nesting.
    expect(accepted(parseJson({ type: 'ping', id: '['.repeat(64) })).type).toBe('ping');
  });

  it('refuses values that are not frames without throwing', () => {
    for (const value of [null, undefined, 42, {}, [1, 2], ['text']]) {
      const error = refused(parseClientMessage(value as never));
      expect(error.code).toBe('invalid');
      expect(error.message).toContain('expected a text or binary frame');
    }
  });
});

describe('messages the bridge will not run', () => {
  it('wants a JSON object with a type', () => {
    expect(refused(parseJson([{ type: 'ping' }]))).toEqual({
      code: 'invalid',
      message: '(message): expected a JSON object with a "type" field, got an array',
    });
    expect(refused(parseJson('ping')).message).toContain('got string');
    expect(refused(parseJson({ id: '7' }))).toEqual({
      code: 'invalid',
      message: `type: missing; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}`,
      inReplyTo: '7',
    });
    expect(refused(parseJson({ type: 3, id: '7' })).message).toBe('type: expected a string, got 3');
  });

  it('refuses an unknown type by name, listing the ones it accepts', () => {
    const error = refused(parseJson({ type: 'set-lock', id: 'x1' }));
    expect(error.code).toBe('unknown-type');
    expect(error.message).toBe(`type: unknown message type "set-lock"; the bridge accepts ${CLIENT_MESSAGE_TYPES.join(', ')}`);
    expect(error.inReplyTo).toBe('x1');
    // Object.prototype's members are not message types.
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(refused(parseJson({ type, id: '1' })).code, type).toBe('unknown-type');
    }
  });

  it('names the field that is missing, wrong, out of range or unknown', () => {
    const cases: Array<[unknown, string]> = [
      [{ type: 'lock-op', id: '1', client: 'C1' }, 'invalid lock-op message: op: missing; expected one of "acquire"|"release"|"extend"'],
      [{ type: 'lock-op', id: '1', client: 'C1', op: 'steal' }, 'op: expected one of "acquire"|"release"|"extend"'],
      [{ type: 'lock-op', id: '1', client: 'C1', op: 'acquire', ttlMs: 0 }, 'ttlMs: too small: expected number to be >=1'],
      [{ type: 'lock-op', id: '1', client: 'C1', op: 'release', ttlMs: 5 }, 'ttlMs: release takes no ttlMs'],
      [{ type: 'lock-op', id: '1', client: '1C', op: 'acquire' }, 'client: an id: a letter, then up to 23 letters'],
      [{ type: 'kill-node', id: '1' }, 'invalid kill-node message: node: missing; expected string'],
      [
        { type: 'kill-node', id: '1', node: 'A', signal: 9 },
        'unknown field "signal"; its fields are type, id, node, clean, restartAfterMs',
      ],
      [{ type: 'link-drop', id: '1', from: 'C1', to: 'A', rate: 1.5 }, 'rate: too big: expected number to be <=1'],
      [{ type: 'partition', id: '1', groups: [['A']] }, 'groups: too small: expected array to have >=2 items'],
      [{ type: 'partition', id: '1', groups: [['A'], []] }, 'groups[1]: too small'],
      [{ type: 'failover', id: '1', method: 'replicaof' }, 'promote: missing; method "replicaof" needs the replica to promote'],
      [{ type: 'failover', id: '1', method: 'sentinel', promote: 'R1' }, 'promote: must be null or absent with method "sentinel"'],
      [{ type: 'start-run', id: '1' }, 'scenario: missing; expected the scenario document, a JSON object'],
      [{ type: 'start-run', id: '1', scenario: 'S6' }, 'scenario: expected the scenario document, a JSON object'],
      [{ type: 'start-run', id: '1', scenario: [], speed: 100 }, 'speed: too big: expected number to be <=10'],
      [{ type: 'start-run', id: '1', scenario: {}, anchors: [{ entry: -1, state: 's', occurrence: 1, afterMs: 0 }] }, 'anchors[0].entry: too small'],
      [{ type: 'start-run', id: '1', scenario: {}, anchors: [{ entry: 0, state: '', occurrence: 1, afterMs: 0 }] }, 'anchors[0].state: too small'],
      [{ type: 'start-run', id: '1', scenario: {}, anchors: [{ entry: 0, state: 's', occurrence: 0, afterMs: 0 }] }, 'anchors[0].occurrence: too small'],
      [{ type: 'start-run', id: '1', scenario: {}, anchors: [{ entry: 0, state: 's', occurrence: 1, afterMs: -1 }] }, 'anchors[0].afterMs: too small'],
      [{ type: 'start-run', id: '1', scenario: {}, anchors: [{ entry: 0, state: 's', occurrence: 1 }] }, 'anchors[0].afterMs: missing'],
      [{ type: 'clock-jump', id: '1', process: 'C', deltaMs: 1.5 }, 'deltaMs: expected int, received number'],
      [{ type: 'ping' }, 'invalid ping message: id: missing; expected string'],
      [{ type: 'ping', id: '' }, 'id: a message id: 1 to 64 printable ASCII characters'],
      [{ type: 'ping', id: 'a\nb' }, 'id: a message id'],
      [{ type: 'hello', id: '1', token: 't' }, 'protocol: missing; this bridge speaks protocol version 1'],
      [{ type: 'hello', id: '1', token: 't', protocol: 2 }, 'protocol: unsupported protocol version 2; this bridge speaks version 1'],
      [{ type: 'hello', id: '1', token: '', protocol: 1 }, 'token: too small'],
    ];
    for (const [message, expected] of cases) {
      const error = refused(parseJson(message));
      expect(error.code, expected).toBe('invalid');
      expect(error.message, JSON.stringify(message)).toContain(expected);
    }
  });

  it('says how many more problems there are past the first five', () => {
    const message = { type: 'link-delay', id: 5, from: 1, to: 2, extraMs: -1, durationMs: 'x', a: 1 };
    const error = refused(parseJson(message));
    expect(error.message.split('; ').length).toBe(6);
    expect(error.message).toMatch(/… and 1 more$/);
  });

  it('echoes the id of a refused message only when it is a valid id', () => {
    expect(refused(parseJson({ type: 'nope', id: 'abc' })).inReplyTo).toBe('abc');
    expect(refused(parseJson({ type: 'nope', id: 42 }))).not.toHaveProperty('inReplyTo');
    expect(refused(parseJson({ type: 'nope', id: 'x'.repeat(65) }))).not.toHaveProperty('inReplyTo');
  });

  it('quotes user input short and escaped in messages', () => {
    const error = refused(parseJson({ type: `evil\u0000\n"${'y'.repeat(500)}`, id: '1' }));
    expect(error.message).toContain('"evil\\u0000\\n\\"yyy');
    expect(error.message.length).toBeLessThan(400);
  });
});

describe('raw Redis commands', () => {
  const OPERATIONS = 'the bridge runs only its fixed operations (hello, start-run,';

  it.each(FORBIDDEN_NAMES)('refuses "%s" as a type, in any case', (name) => {
    for (const type of [name, name.toUpperCase()]) {
      const error = refused(parseJson({ type, id: 'q1', args: ['lock'] }));
      expect(error.code).toBe('forbidden');
      expect(error.message).toContain(`type: "${type}" looks like a raw Redis command`);
      expect(error.message).toContain(OPERATIONS);
      expect(error.inReplyTo).toBe('q1');
    }
  });

  it.each(FORBIDDEN_NAMES)('refuses "%s" as a field, at the top or deep in a scenario, and as an op', (name) => {
    expect(refused(parseJson({ type: 'ping', id: '1', [name]: 'FLUSHALL' }))).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(`${name}: "${name}" looks like a raw Redis command`),
    });
    const scenario = { version: 1, nodes: [{ id: 'A', [name.toUpperCase()]: ['SET', 'x', '1'] }] };
    expect(refused(parseJson({ type: 'start-run', id: '1', scenario }))).toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining(`scenario.nodes[0].${name.toUpperCase()}:`),
    });
    expect(refused(parseJson({ type: 'lock-op', id: '1', client: 'C1', op: name })).code).toBe('forbidden');
  });

  it('names the six the issue lists, and leaves the protocol and scenario words alone', () => {
    for (const name of ['command', 'eval', 'flushall', 'config', 'shutdown', 'keys']) expect(FORBIDDEN_NAMES).toContain(name);
    for (const name of ['key', 'client', 'replicaof', 'argv', 'node', 'id', 'type', 'op', 'failover', 'partition']) {
      expect(FORBIDDEN_NAMES).not.toContain(name);
    }
  });

  it('does not mistake a value for a field: a lock key or client called "keys" is fine', () => {
    expect(accepted(parseJson({ type: 'lock-op', id: 'eval', client: 'FLUSHALL', op: 'acquire' })).type).toBe('lock-op');
  });
});

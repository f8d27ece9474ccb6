import { describe, expect, it } from 'vitest';
import { bridgeUrlFromSearch, bridgeUrlProblem } from './bridgeAddress.ts';

describe('the bridge address', () => {
  it('comes from ?bridge= in the page address, as the bridge CLI prints it', () => {
    expect(bridgeUrlFromSearch('?bridge=ws://127.0.0.1:8787')).toBe('ws://127.0.0.1:8787');
    expect(bridgeUrlFromSearch('?present&bridge=ws%3A%2F%2F127.0.0.1%3A9000%2F')).toBe('ws://127.0.0.1:9000/');
  });

  it('is ignored when absent or not a WebSocket address (the field keeps its default)', () => {
    expect(bridgeUrlFromSearch('')).toBeNull();
    expect(bridgeUrlFromSearch('?bridge=http://127.0.0.1:8787')).toBeNull();
    expect(bridgeUrlFromSearch('?bridge=javascript:alert(1)')).toBeNull();
  });

  it('names what is wrong with a typed address', () => {
    expect(bridgeUrlProblem('ws://127.0.0.1:8787')).toBeNull();
    expect(bridgeUrlProblem('wss://bridge.example:443/')).toBeNull();
    expect(bridgeUrlProblem('')).toContain('ws://127.0.0.1:8787');
    expect(bridgeUrlProblem('http://127.0.0.1:8787')).toBe('The bridge speaks WebSocket: the address starts with ws:// (not http://).');
    expect(bridgeUrlProblem('127.0.0.1:8787')).toContain('ws://');
  });
});

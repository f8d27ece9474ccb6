import { describe, expect, it, vi } from 'vitest';
import { type KeyInput, shortcutFor } from './keyboard.ts';
import type { PlaygroundState } from './store/playgroundStore.ts';

const body = { tagName: 'BODY', role: null, isContentEditable: false, type: null };
const key = (k: string, more: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target: body,
  ...more,
});

/** Which store action a key triggers (by calling the shortcut on a recording fake state). */
function actionOf(input: KeyInput): string | null {
  const shortcut = shortcutFor(input);
  if (shortcut === null) return null;
  const calls: string[] = [];
  const state = new Proxy({} as PlaygroundState, {
    get: (_, name) => vi.fn((...args: unknown[]) => calls.push(`${String(name)}(${args.join(',')})`)),
  });
  shortcut(state);
  return calls.join(' ');
}

describe('keyboard shortcuts', () => {
  it('space plays and pauses, arrows step, shift+arrows jump between violations, Home/End go to the ends', () => {
    expect(actionOf(key(' '))).toBe('togglePlay()');
    expect(actionOf(key('ArrowRight'))).toBe('step(1)');
    expect(actionOf(key('ArrowLeft'))).toBe('step(-1)');
    expect(actionOf(key('ArrowRight', { shiftKey: true }))).toBe('jumpToIncident(1)');
    expect(actionOf(key('ArrowLeft', { shiftKey: true }))).toBe('jumpToIncident(-1)');
    expect(actionOf(key('Home'))).toBe('seekIndex(-1)');
    expect(actionOf(key('End'))).toBe(`seekIndex(${Number.MAX_SAFE_INTEGER})`);
  });

  it('undo and redo with Ctrl (or Cmd)', () => {
    expect(actionOf(key('z', { ctrlKey: true }))).toBe('undo()');
    expect(actionOf(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo()');
    expect(actionOf(key('y', { metaKey: true }))).toBe('redo()');
  });

  it('leaves keys alone in fields, selects and sliders (a fault marker moves with the arrows)', () => {
    const input = { tagName: 'INPUT', role: null, isContentEditable: false, type: 'text' };
    const slider = { tagName: 'DIV', role: 'slider', isContentEditable: false, type: null };
    expect(shortcutFor(key(' ', { target: input }))).toBeNull();
    expect(shortcutFor(key('ArrowLeft', { target: slider }))).toBeNull();
    expect(shortcutFor(key('z', { ctrlKey: true, target: input }))).toBeNull(); // the field's own undo
    // A fault marker (slider) or a checkbox has no undo of its own: Ctrl+Z undoes the page's last edit.
    expect(actionOf(key('z', { ctrlKey: true, target: slider }))).toBe('undo()');
    const range = { tagName: 'INPUT', role: null, isContentEditable: false, type: 'range' };
    expect(actionOf(key('Z', { ctrlKey: true, shiftKey: true, target: range }))).toBe('redo()');
    expect(shortcutFor(key('ArrowRight', { altKey: true }))).toBeNull();
    expect(shortcutFor(key('a'))).toBeNull();
    const button = { tagName: 'BUTTON', role: null, isContentEditable: false, type: null };
    expect(shortcutFor(key(' ', { target: button }))).toBeNull(); // Space clicks the focused button
    expect(actionOf(key('ArrowRight', { target: button }))).toBe('step(1)'); // arrows still step
  });
});

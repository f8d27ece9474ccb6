import type { PlaygroundState } from './store/playgroundStore.ts';

/**
 * The page's keys. Space plays/pauses, arrows step one event, shift+arrows jump between
 * violations, Home/End go to the start/end, Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo/redo.
 * Keys typed into a field, a select or a slider (fault markers move with the arrows) are
 * left to that control, and Space on a button activates the button.
 */
export interface KeyInput {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** What the focused element is: keys meant for it are not shortcuts. */
  target: { tagName: string; role: string | null; isContentEditable: boolean; type: string | null };
}

type Action = (s: PlaygroundState) => void;

const OWN_KEYS_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const NON_TEXT_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file']);
const SPACE_OWNERS_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);
const SPACE_OWNERS_ROLES = new Set(['button', 'tab', 'checkbox', 'switch', 'link', 'radio', 'option']);
const OWN_KEYS_ROLES = new Set(['slider', 'textbox', 'combobox', 'listbox', 'spinbutton', 'menu', 'menuitem']);

/** The action a key press stands for, or null (let the browser have it). Pure, for tests. */
export function shortcutFor(k: KeyInput): Action | null {
  const typing = OWN_KEYS_TAGS.has(k.target.tagName) || k.target.isContentEditable || OWN_KEYS_ROLES.has(k.target.role ?? '');
  const mod = k.ctrlKey || k.metaKey;
  // A text field keeps Ctrl+Z for its own undo; a slider, checkbox or select has none, so it is the page's.
  const editingText =
    k.target.isContentEditable ||
    k.target.tagName === 'TEXTAREA' ||
    (k.target.tagName === 'INPUT' && !NON_TEXT_INPUTS.has(k.target.type ?? 'text'));
  if (mod && !k.altKey && (k.key === 'z' || k.key === 'Z')) {
    if (editingText) return null;
    return k.shiftKey ? (s) => s.redo() : (s) => s.undo();
  }
  if (mod && !k.altKey && (k.key === 'y' || k.key === 'Y')) return editingText ? null : (s) => s.redo();
  if (mod || k.altKey || typing) return null;
  switch (k.key) {
    case ' ':
      // Space activates a focused button, checkbox, tab or disclosure (what keyboard users expect);
      // anywhere else it plays and pauses, as in a media player.
      return SPACE_OWNERS_TAGS.has(k.target.tagName) || SPACE_OWNERS_ROLES.has(k.target.role ?? '') ? null : (s) => s.togglePlay();
    case 'ArrowRight':
      return k.shiftKey ? (s) => s.jumpToIncident(1) : (s) => s.step(1);
    case 'ArrowLeft':
      return k.shiftKey ? (s) => s.jumpToIncident(-1) : (s) => s.step(-1);
    case 'Home':
      return (s) => s.seekIndex(-1);
    case 'End':
      return (s) => s.seekIndex(Number.MAX_SAFE_INTEGER);
    default:
      return null;
  }
}

export function keyInputOf(e: KeyboardEvent): KeyInput {
  const el = e.target instanceof Element ? e.target : null;
  return {
    key: e.key,
    shiftKey: e.shiftKey,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    target: {
      tagName: el?.tagName ?? 'BODY',
      role: el?.getAttribute('role') ?? null,
      isContentEditable: el instanceof HTMLElement ? el.isContentEditable : false,
      type: el instanceof HTMLInputElement ? el.type : null,
    },
  };
}

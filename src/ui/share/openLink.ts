import { decodeLink } from '../../scenario/link/decodeLink.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';

/**
 * Opens the scenario a link's fragment carries (without '#'): the same run at the same cursor,
 * with the same process selected and panel open. A broken link leaves the current scenario
 * (the default one on a fresh page) and says why in store.linkError. An empty fragment is no link.
 */
export function openLink(store: PlaygroundStore, fragment: string): boolean {
  if (fragment.trim() === '') return false;
  const decoded = decodeLink(fragment);
  const state = store.getState();
  if (!decoded.ok) {
    state.setLinkError(decoded.message);
    return false;
  }
  const { scenario, cursorMs, view } = decoded.value;
  const error = state.openDocument(scenario, 'link', cursorMs);
  if (error !== null) {
    state.setLinkError(error);
    return false;
  }
  state.setLinkError(null);
  if (view.selected !== null) state.select(view.selected);
  state.setPanel(view.panel);
  return true;
}

/** A location's hash without '#', percent-decoded when it can be (a mangled escape is left for decodeLink to refuse). */
export function fragmentOf(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

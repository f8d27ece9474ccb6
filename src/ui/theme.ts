import type { Theme } from './store/playgroundStore.ts';

const KEY = 'redlock-playground.theme';

/** The theme the user chose last time, else the system's preference. */
export function initialTheme(): Theme {
  try {
    const saved = window.localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // storage may be disabled (private mode, embeds): fall back to the system preference
  }
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  try {
    window.localStorage.setItem(KEY, theme);
  } catch {
    // not remembered; the page still works
  }
}

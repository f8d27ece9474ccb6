/** The Real Redis panel's element id: the button's aria-controls, kept apart so the panel can load lazily. */
export const REAL_PANEL_ID = 'real-redis-panel';

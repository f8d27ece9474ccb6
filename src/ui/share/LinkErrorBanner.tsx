import { useStore } from 'zustand';
import type { PlaygroundStore } from '../store/playgroundStore.ts';

/** A link that could not be opened: what is wrong with it, and the default scenario underneath. */
export function LinkErrorBanner({ store }: { store: PlaygroundStore }) {
  const message = useStore(store, (s) => s.linkError);
  const name = useStore(store, (s) => s.scenario?.name ?? 'the default scenario');
  if (message === null) return null;
  return (
    <div className="link-error" role="alert" data-testid="link-error">
      <strong>This link could not be opened.</strong> <span className="reason">{message}</span>{' '}
      <span>You are looking at {name} instead.</span>{' '}
      <button
        type="button"
        onClick={() => {
          store.getState().setLinkError(null);
          window.history.replaceState(null, '', window.location.pathname + window.location.search);
        }}
      >
        Continue with {name}
      </button>
    </div>
  );
}

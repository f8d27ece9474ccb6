import { useRef, useState } from 'react';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { linkOfState, urlWithFragment } from './linkOfState.ts';

/**
 * "Copy link": the whole scenario (as edited), the seed, the cursor and the open view, in the
 * page's address. The address bar is updated too, and the link is shown selected in case the
 * clipboard is not available (an insecure page, a locked-down browser).
 */
export function ShareButton({ store }: { store: PlaygroundStore }) {
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const share = async () => {
    const fragment = linkOfState(store.getState());
    if (fragment === null) return;
    const url = urlWithFragment(window.location.href, fragment);
    window.history.replaceState(null, '', url);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(`Link copied (${url.length} characters).`);
    } catch {
      setStatus('Select the link and copy it.');
    }
    requestAnimationFrame(() => field.current?.select());
  };
  return (
    <span className="share">
      <button type="button" onClick={share} title="Copy a link to this scenario, at this moment of the run">
        Copy link
      </button>
      {link !== null && (
        <span className="share-popover" role="dialog" aria-label="Link to this scenario">
          <input
            ref={field}
            readOnly
            value={link}
            aria-label="Link to this scenario"
            data-testid="share-link"
            onFocus={(e) => e.currentTarget.select()}
          />
          <span role="status" data-testid="share-status">
            {status}
          </span>
          <button type="button" onClick={() => setLink(null)} aria-label="Close the link">
            ×
          </button>
        </span>
      )}
    </span>
  );
}

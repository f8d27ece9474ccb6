import { type FormEvent, useId, useState } from 'react';
import { useStore } from 'zustand';
import type { BridgeClient } from './bridgeClient.ts';
import { statusText } from './connection.ts';
import { latestNotice } from './notices.ts';
import { NoticeLine } from './NoticeLine.tsx';

/**
 * The bridge's address and token, Connect / Disconnect, and where the connection stands. The
 * token lives only in this field and in the hello: never in the store, the address or a link.
 */
export function ConnectionForm({ client }: { client: BridgeClient }) {
  const id = useId();
  const url = useStore(client, (s) => s.url);
  const connection = useStore(client, (s) => s.connection);
  const notice = useStore(client, (s) => latestNotice(s.notices, 'connection'));
  const [token, setToken] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const open = connection.status === 'connecting' || connection.status === 'connected';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (open) return;
    setRefused(client.getState().connect(token));
  };
  const problem = connection.status === 'closed' ? connection.problem : null;
  return (
    <form className="bridge-connect" onSubmit={submit} aria-label="Connect to the bridge">
      <div className="bridge-fields">
        <label htmlFor={`${id}-url`}>Bridge address</label>
        <input
          id={`${id}-url`}
          type="url"
          value={url}
          disabled={open}
          spellCheck={false}
          onChange={(e) => client.getState().setUrl(e.target.value)}
        />
        <label htmlFor={`${id}-token`}>Token</label>
        <input
          id={`${id}-token`}
          type="password"
          value={token}
          disabled={open}
          autoComplete="off"
          spellCheck={false}
          placeholder="printed by npm run bridge"
          onChange={(e) => setToken(e.target.value)}
        />
      </div>
      <div className="bridge-actions">
        {open ? (
          <button type="button" onClick={() => client.getState().disconnect()}>
            Disconnect
          </button>
        ) : (
          <button type="submit">Connect</button>
        )}
        <span role="status" className={`bridge-status bridge-status--${connection.status}`} data-testid="bridge-status">
          {statusText(connection)}
        </span>
      </div>
      {problem !== null && (
        <p role="alert" className="bridge-problem" data-testid="bridge-problem">
          <strong>{problem.title}</strong> {problem.advice}
        </p>
      )}
      {refused !== null && !open && (
        <p role="alert" className="bridge-problem">
          {refused}
        </p>
      )}
      <NoticeLine notice={notice} onDismiss={() => client.getState().dismiss('connection')} testId="bridge-connection-notice" />
    </form>
  );
}

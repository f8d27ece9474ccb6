import { keyText, ttlText } from './describe.ts';
import type { KeySnapshot } from './snapshotAt.ts';

/** One key on a node card: its value and owner, and a bar that drains as the TTL runs out on the node's clock. */
export function KeyLine({ entry }: { entry: KeySnapshot }) {
  const fraction = entry.fraction ?? 0;
  return (
    <>
      <span
        className="topo-line topo-key"
        title={`${entry.key} = ${entry.value}${entry.owner === null ? '' : `, set by ${entry.owner}'s attempt`}`}
      >
        {/* The owner first: on a narrow card the value is what may be cut. */}
        {entry.owner !== null && <span className="topo-owner">{entry.owner} · </span>}
        {keyText(entry)}
      </span>
      <span
        className={`topo-line topo-ttl topo-ttl--${entry.status}`}
        data-testid="ttl"
        data-status={entry.status}
        data-fraction={entry.fraction ?? ''}
      >
        {entry.status === 'ttl' && (
          <span className="topo-bar" aria-hidden="true">
            <span
              className={`topo-bar-fill${entry.via === 'replication' ? ' topo-bar-fill--replicated' : ''}`}
              style={{ width: `${(fraction * 100).toFixed(1)}%` }}
            />
          </span>
        )}
        <span className="topo-ttl-text">{ttlText(entry)}</span>
      </span>
    </>
  );
}

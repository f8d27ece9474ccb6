import { sentinelText } from './describe.ts';
import type { SentinelGroupSnapshot } from './snapshotAt.ts';

/** Sentinel's view: which node it names master, whether it has marked it down, the last failover. */
export function SentinelCard({ groups }: { groups: readonly SentinelGroupSnapshot[] }) {
  const down = groups.some((g) => g.down !== null);
  return (
    <section className={`topo-card topo-sentinel${down ? ' is-alarmed' : ''}`} data-testid="sentinel-card" aria-label="Sentinel">
      <span className="topo-head">
        <span className="topo-id">Sentinel</span>
      </span>
      {groups.length === 0 && <span className="topo-line topo-muted">no replicated master to watch</span>}
      {groups.map((g) => (
        <span key={g.name} className="topo-sentinel-group">
          {sentinelText(g).map((line) => (
            <span key={line} className={`topo-line${line.startsWith('marked') ? ' topo-alarm' : ''}`}>
              {line}
            </span>
          ))}
        </span>
      ))}
    </section>
  );
}

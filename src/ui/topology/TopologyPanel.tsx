import type { TimelineEntry } from '../../sim/model/scenario.ts';
import { ClientCard } from './ClientCard.tsx';
import { linkFaultText, lockSummary, partitionText } from './describe.ts';
import { NodeCard } from './NodeCard.tsx';
import { SentinelCard } from './SentinelCard.tsx';
import type { TopologySnapshot } from './snapshotAt.ts';

export interface TopologyPanelProps {
  snapshot: TopologySnapshot;
  selected: string | null;
  /** The cursor's time rounded to a whole ms: where quick faults land. */
  atMs: number;
  onSelect: (id: string) => void;
  onFault: (entry: TimelineEntry) => void;
}

/** The deployment at one instant, from a snapshot: who holds the lock and the network's faults, then the nodes, then the clients. */
export function TopologyPanel({ snapshot, selected, atMs, onSelect, onFault }: TopologyPanelProps) {
  const lock = lockSummary(snapshot);
  const conflicting = snapshot.holders.length >= 2 ? new Set(snapshot.holders.map((h) => h.client)) : new Set<string>();
  return (
    <div className="topology" data-testid="topology">
      <div className="topo-strip">
        <span className={`topo-lock-summary topo-tone--${lock.tone}`} data-testid="lock-summary" data-tone={lock.tone} role="status">
          {lock.text}
        </span>
        {snapshot.partitions.map((p) => (
          <span key={p.id} className="topo-chip topo-partition" data-testid="partition" data-partition={p.id}>
            {partitionText(p)}
          </span>
        ))}
        {snapshot.linkFaults.map((f) => (
          <span
            key={`${f.from}>${f.to}>${f.untilMs}>${f.extraMs}>${f.dropRate}`}
            className="topo-chip topo-link-fault"
            data-testid="link-fault"
          >
            {linkFaultText(f)}
          </span>
        ))}
      </div>
      <section className="topo-row topo-nodes" aria-label="Redis nodes">
        {snapshot.nodes.map((n) => (
          <NodeCard
            key={n.id}
            node={n}
            replication={snapshot.replication}
            sentinel={snapshot.sentinel}
            selected={selected === n.id}
            atMs={atMs}
            onSelect={onSelect}
            onFault={onFault}
          />
        ))}
        {snapshot.sentinel !== null && <SentinelCard groups={snapshot.sentinel} />}
      </section>
      <section className="topo-row topo-clients" aria-label="Lock clients">
        {snapshot.clients.map((c) => (
          <ClientCard
            key={c.id}
            client={c}
            selected={selected === c.id}
            conflicting={conflicting.has(c.id)}
            atMs={atMs}
            onSelect={onSelect}
            onFault={onFault}
          />
        ))}
      </section>
    </div>
  );
}

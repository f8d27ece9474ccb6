import { useRef } from 'react';
import type { TimelineEntry } from '../../sim/model/scenario.ts';
import { clockShortText, clockText, nodeLabel, nodeStateDetail, nodeStateText, roleText } from './describe.ts';
import { KeyLine } from './KeyLine.tsx';
import { QuickFaultButtons } from './QuickFaultButtons.tsx';
import { nodeQuickFaults } from './quickFaults.ts';
import type { NodeSnapshot, ReplicationSnapshot, SentinelGroupSnapshot } from './snapshotAt.ts';
import { useFocusAfterFault } from './useFocusAfterFault.ts';

/** Keys shown per card; a lock demo has one, a raw-command example may have a few. */
const KEYS_SHOWN = 2;

export interface NodeCardProps {
  node: NodeSnapshot;
  replication: readonly ReplicationSnapshot[];
  sentinel: readonly SentinelGroupSnapshot[] | null;
  selected: boolean;
  /** The cursor's time, where quick faults land. */
  atMs: number;
  onSelect: (id: string) => void;
  onFault: (entry: TimelineEntry) => void;
}

/** A Redis node at the cursor: role, up/down/paused, its own clock, its keys with draining TTLs. */
export function NodeCard({ node, replication, sentinel, selected, atMs, onSelect, onFault }: NodeCardProps) {
  const main = useRef<HTMLButtonElement>(null);
  const fault = useFocusAfterFault(onFault, main);
  const detail = nodeStateDetail(node);
  return (
    <div
      className={`topo-card topo-node topo-state--${node.state}${selected ? ' is-selected' : ''}`}
      data-testid="node-card"
      data-node={node.id}
      data-state={node.state}
    >
      <button
        ref={main}
        type="button"
        className="topo-select"
        aria-pressed={selected}
        aria-label={nodeLabel(node, replication, sentinel)}
        onClick={() => onSelect(node.id)}
      >
        <span className="topo-head">
          <span className="topo-id">{node.id}</span>
          <span className={`topo-badge topo-badge--${node.state}`} title={nodeStateText(node)}>
            {node.state}
          </span>
        </span>
        <span className="topo-line topo-role" data-testid="node-role">
          {roleText(node, replication, sentinel)}
          {detail !== null && <span className="topo-muted"> · {detail}</span>}
        </span>
        <span
          className={`topo-line topo-clock${node.skewMs !== 0 || node.clockRate !== 1 ? ' topo-clock--skewed' : ''}`}
          data-testid="node-clock"
          title={clockText(node)}
        >
          {clockShortText(node)}
        </span>
        {node.keys.length === 0 && <span className="topo-line topo-muted">no keys</span>}
        {node.keys.slice(0, KEYS_SHOWN).map((k) => (
          <KeyLine key={k.key} entry={k} />
        ))}
        {node.keys.length > KEYS_SHOWN && <span className="topo-line topo-muted">+{node.keys.length - KEYS_SHOWN} more</span>}
      </button>
      <QuickFaultButtons faults={nodeQuickFaults(node, atMs)} onFault={fault} />
    </div>
  );
}

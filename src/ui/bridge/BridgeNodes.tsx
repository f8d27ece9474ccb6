import type { BridgeNode } from '../../protocol/bridgeMessages.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import type { BridgeClient } from './bridgeClient.ts';
import type { BridgeCapabilities } from './connection.ts';
import { NodeActionButtons, NodeActionsNotice, useLiveNodeRows } from './NodeActions.tsx';

/**
 * The processes the bridge started (id, role, port) and what it can do on this host. During a
 * run on real Redis each row also says what the node is now and offers what makes sense for
 * it (Resume, Restart, a failover); outside a run the bridge has nothing to act on.
 */
export function BridgeNodes({
  store,
  client,
  nodes,
  capabilities,
}: {
  store: PlaygroundStore;
  client: BridgeClient;
  nodes: readonly BridgeNode[];
  capabilities: BridgeCapabilities;
}) {
  const rows = useLiveNodeRows(store, client, nodes);
  return (
    <div className="bridge-nodes">
      <table aria-label="Real Redis nodes" data-testid="bridge-nodes">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Role</th>
            <th scope="col">Address</th>
            {rows !== null && (
              <>
                <th scope="col">Now</th>
                <th scope="col">Actions</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => {
            const row = rows?.find((r) => r.id === n.id);
            return (
              <tr key={n.id}>
                <th scope="row">{n.id}</th>
                <td>{row === undefined ? n.role : row.roleText}</td>
                <td>
                  {n.host}:{n.port}
                </td>
                {row !== undefined && (
                  <>
                    <td data-testid={`node-state-${n.id}`}>{row.stateText}</td>
                    <td>
                      <NodeActionButtons client={client} actions={row.actions} />
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows === null ? (
        <p className="muted bridge-note" data-testid="node-actions-hint">
          During a run on real Redis, each node offers what it can do now: Resume, Restart, a failover.
        </p>
      ) : (
        <NodeActionsNotice client={client} />
      )}
      <p className="bridge-capability" data-testid="bridge-clock-jump">
        {capabilities.clockJump
          ? 'Clock jumps: available (a fake clock runs under redis-server).'
          : `Clock jumps: not available${capabilities.reason === undefined ? '' : ` — ${capabilities.reason}`}.`}
      </p>
    </div>
  );
}

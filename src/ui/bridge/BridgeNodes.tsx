import type { BridgeNode } from '../../protocol/bridgeMessages.ts';
import type { BridgeCapabilities } from './connection.ts';

/** The processes the bridge started (id, role, port) and what it can do on this host. */
export function BridgeNodes({ nodes, capabilities }: { nodes: readonly BridgeNode[]; capabilities: BridgeCapabilities }) {
  return (
    <div className="bridge-nodes">
      <table aria-label="Real Redis nodes" data-testid="bridge-nodes">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Role</th>
            <th scope="col">Address</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((n) => (
            <tr key={n.id}>
              <th scope="row">{n.id}</th>
              <td>{n.role}</td>
              <td>
                {n.host}:{n.port}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="bridge-capability" data-testid="bridge-clock-jump">
        {capabilities.clockJump
          ? 'Clock jumps: available (a fake clock runs under redis-server).'
          : `Clock jumps: not available${capabilities.reason === undefined ? '' : ` — ${capabilities.reason}`}.`}
      </p>
    </div>
  );
}

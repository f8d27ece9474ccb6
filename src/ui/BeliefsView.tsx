import type { Belief } from '../check/types.ts';

const MAX_ROWS = 200;

const ENDED: Record<Belief['endReason'], string> = {
  released: 'released it',
  lost: 'learned it lost it',
  expired: 'its validity ran out on its own clock',
  crashed: 'crashed',
  'run-end': 'still held at the end of the run',
};

/** Who believed they held the lock, when (true time), on which nodes' votes, and how it ended. */
export function BeliefsView({ beliefs }: { beliefs: readonly Belief[] }) {
  if (beliefs.length === 0) return <p>No client ever held the lock.</p>;
  const shown = beliefs.slice(0, MAX_ROWS);
  return (
    <>
      <table className="beliefs" data-testid="beliefs">
        <thead>
          <tr>
            <th scope="col">Epoch</th>
            <th scope="col">Client</th>
            <th scope="col">Held from</th>
            <th scope="col">until</th>
            <th scope="col">Votes from</th>
            <th scope="col">Ended because the client…</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((b) => (
            <tr key={b.epoch}>
              <td>{b.epoch}</td>
              <td>{b.client}</td>
              <td>{b.startMs} ms</td>
              <td>{b.endMs} ms</td>
              <td>{b.nodes.join(', ')}</td>
              <td>{ENDED[b.endReason]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {beliefs.length > MAX_ROWS && <p className="description">… and {beliefs.length - MAX_ROWS} more.</p>}
    </>
  );
}

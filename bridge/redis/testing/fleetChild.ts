/**
 * A stand-in for the bridge in the orphan tests (bridge/redis/orphans.test.ts): it starts a
 * Fleet with the shutdown hooks, prints one JSON line once the servers are up, and then
 * either waits to be signalled (`wait`), throws from a timer (`throw`), leaves a promise
 * rejection unhandled (`reject`), or calls process.exit() with no orderly stop (`exit`: only
 * the 'exit' hook's SIGKILL is left to act). Run it with `node --import tsx`, not the tsx CLI, so that
 * signalling this pid signals this very process (the CLI would put a wrapper in between).
 *
 *   node --import tsx bridge/redis/testing/fleetChild.ts <stateFile> <dataRoot> wait|throw|reject|exit
 */
import { Fleet } from '../fleet.ts';
import { defaultTopology } from '../fleetTopology.ts';
import { installShutdownHooks } from '../shutdownHooks.ts';

const [stateFile, dataRoot, mode] = process.argv.slice(2);
if (stateFile === undefined || dataRoot === undefined || !['wait', 'throw', 'reject', 'exit'].includes(mode ?? '')) {
  console.error('usage: fleetChild.ts <stateFile> <dataRoot> wait|throw|reject|exit');
  process.exit(2);
}

const fleet = new Fleet({ stateFile, dataRoot });
installShutdownHooks(fleet, { log: (message) => console.error(message) });
await fleet.start(defaultTopology());
const processes = fleet.nodes().flatMap((n) => (n.server?.record === undefined ? [] : [n.server.record]));
process.stdout.write(`${JSON.stringify({ bridgePid: process.pid, dataDir: fleet.dataDir, processes })}\n`);

if (mode === 'throw') {
  setTimeout(() => {
    throw new Error('a bug in the bridge (thrown on purpose by fleetChild.ts)');
  }, 10);
} else if (mode === 'reject') {
  setTimeout(() => {
    void Promise.reject(new Error('a forgotten promise (rejected on purpose by fleetChild.ts)'));
  }, 10);
} else if (mode === 'exit') {
  setTimeout(() => process.exit(3), 10);
}
// Stay alive until a signal or the error above: the servers' handles alone would do, but say so.
setInterval(() => {}, 60_000);

import { createStore } from 'zustand/vanilla';
import type { ClientMessageInput } from '../../protocol/clientMessages.ts';
import { clientAnchorsFor } from '../../protocol/clientAnchors.ts';
import { faultForTimelineEntry } from '../../protocol/faultForTimelineEntry.ts';
import type { FaultMessageInput } from '../../protocol/faultMessages.ts';
import { CLIENT_FRAME_LIMITS } from '../../protocol/limits.ts';
import { parseBridgeMessage } from '../../protocol/parseBridgeMessage.ts';
import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import type { TimelineEntry, TimelineKind } from '../../sim/model/scenario.ts';
import { isLive } from '../store/realRun.ts';
import type { PlaygroundStore } from '../store/playgroundStore.ts';
import { bridgeUrlProblem } from './bridgeAddress.ts';
import { type Connection, closed, connecting, DISCONNECTED, disconnected, opened, welcomed } from './connection.ts';
import { type Notice, withNotice, withoutTopic } from './notices.ts';
import { masterNow, realFaultUnavailable } from './realFaults.ts';
import { type PendingRequest, type Topic, withPending } from './requests.ts';
import { readTraceEvents } from './readTraceEvents.ts';
import { type Route, routeBridgeMessage } from './routeBridgeMessage.ts';

/** The part of the browser's WebSocket the client uses (the `ws` package's WebSocket fits too). */
export interface SocketLike {
  binaryType: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

export type LockOp = 'acquire' | 'release' | 'extend';

/** A client message before it gets its id (Omit on each member of the union). */
type Unsent = ClientMessageInput extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

/** A fault message before it gets its id: what the panel's node actions send as is. */
export type UnsentFault = FaultMessageInput extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

export interface BridgeClientState {
  /** The address in the panel's field. */
  url: string;
  connection: Connection;
  notices: Notice[];
  /** Messages sent and not answered yet (to name what an error refuses). */
  pending: PendingRequest[];
  /** The start-run id of this connection's run, or null. */
  runId: string | null;
  /** Whether that run streams (started, not ended). */
  runLive: boolean;

  setUrl(url: string): void;
  /** Opens the connection and says hello with `token` (kept only until the hello is sent). Returns why it cannot, or null. */
  connect(token: string): string | null;
  disconnect(): void;
  /** Replays the page's scenario on real Redis at `speed`. Returns why it cannot, or null. */
  startRun(speed: number): string | null;
  stopRun(): void;
  lockOp(client: string, op: LockOp): string | null;
  /** Injects a fault drawn in the page NOW on real Redis. Returns why it cannot, or null. */
  injectFault(entry: TimelineEntry): string | null;
  /**
   * Sends a fault message as is, NOW, on real Redis: the faults with no timeline entry
   * (resume-node, restart-node, failover). Returns why it cannot, or null; the bridge's refusal
   * arrives later as a `fault` notice, like injectFault's.
   */
  sendFault(fault: UnsentFault): string | null;
  dismiss(topic: Topic): void;
}

export type BridgeClient = ReturnType<typeof createBridgeClient>;

export interface BridgeClientOptions {
  initialUrl?: string;
  createSocket?: SocketFactory;
  /** The page's origin, named in the advice when the bridge refuses it. */
  pageOrigin?: string;
}

/** Close code the client uses for its own Disconnect (1000: normal closure). */
const USER_CLOSE = 1000;
/** How long the hello may wait for its welcome: the bridge answers at once; something else on that port never does. */
export const WELCOME_WAIT_MS = 10_000;

/**
 * The browser's side of the bridge: one WebSocket, hello with the token, every frame checked
 * with parseBridgeMessage (a bad frame becomes a notice, never an exception), messages sent
 * with ids unique per connection, answers routed by `inReplyTo` to the part of the page that
 * asked, trace batches handed to the playground store as the real run. A vanilla store so the
 * panel, the fault bar and tests read the same state.
 */
export function createBridgeClient(playground: PlaygroundStore, options: BridgeClientOptions = {}) {
  const createSocket: SocketFactory = options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
  const pageOrigin = options.pageOrigin ?? 'this page’s origin';
  let socket: SocketLike | null = null;
  let connections = 0;
  let sent = 0;
  /** The bridge's unauthorized answer to the hello: the close that follows is explained by it. */
  let refusal: string | null = null;

  return createStore<BridgeClientState>()((set, get) => {
    const notify = (topic: Topic, tone: Notice['tone'], text: string, advice: string | null = null) =>
      set({ notices: withNotice(get().notices, { topic, tone, text, advice }) });

    /** Sends one message with a fresh id ("c2-m7": connection 2, message 7); returns the id, or null when not open. */
    const send = (message: Unsent): string | null => {
      if (socket === null) return null;
      sent++;
      const full = { ...message, id: `c${connections}-m${sent}` } as ClientMessageInput;
      socket.send(JSON.stringify(full));
      set({ pending: withPending(get().pending, full) });
      return full.id;
    };

    const connected = () => get().connection.status === 'connected';

    /** Why a fault (of this timeline kind, when it has one) cannot go to real Redis now, or null. */
    const faultProblem = (kind: TimelineKind | null): string | null => {
      const { connection, runLive } = get();
      if (connection.status !== 'connected') return 'Connect to the bridge first.';
      const unavailable = kind === null ? null : realFaultUnavailable(kind, connection.capabilities);
      if (unavailable !== null) return unavailable;
      if (!runLive) return 'Faults on real Redis need a run: press “Run on real Redis” first.';
      return null;
    };

    /** The run or session ends with the connection; nothing received is dropped. */
    const connectionLost = (problem: string) => {
      const { runLive } = get();
      const real = playground.getState().real;
      if (runLive) playground.getState().realRunFailed(problem, 'interrupted');
      else if (real !== null && real.kind === 'session' && isLive(real)) playground.getState().endRealRun('stopped', null);
      set({ runLive: false, pending: [] });
    };

    /** The hello got no welcome (an error other than a wrong token, or no answer at all): the connection is no use. */
    const helloFailed = (title: string, advice: string) => {
      const c = get().connection;
      if (c.status !== 'connecting') return;
      const s = socket;
      socket = null;
      set({ connection: { status: 'closed', url: c.url, problem: { title, advice } } });
      s?.close(USER_CLOSE, 'no welcome');
    };

    const apply = (route: Route) => {
      switch (route.kind) {
        case 'welcome':
          set({ connection: welcomed(get().connection, route.welcome), notices: withoutTopic(get().notices, 'connection') });
          return;
        case 'trace': {
          const read = readTraceEvents(route.events);
          if (read.skipped > 0) {
            notify(
              route.to === 'run' ? 'run' : 'lock',
              'error',
              `${read.skipped} trace event${read.skipped === 1 ? '' : 's'} from the bridge could not be read and ${read.skipped === 1 ? 'was' : 'were'} left out (${read.firstProblem}).`,
              'The bridge and this page may be of different versions.',
            );
          }
          playground.getState().receiveRealEvents(read.events, route.to);
          return;
        }
        case 'refused': {
          notify(route.topic, 'error', route.refusal.text, route.refusal.advice);
          if (route.refusal.code === 'unauthorized' && get().connection.status === 'connecting') refusal = route.refusal.text;
          else if (route.request?.type === 'hello') {
            helloFailed('The bridge could not accept this connection.', `${route.refusal.text} ${route.refusal.advice}`);
          }
          if (route.endsRun) {
            playground.getState().realRunFailed(route.refusal.text, 'refused');
            // Refused before it began: there is no run to wait for. Otherwise run-ended (failed) follows.
            if (playground.getState().real?.status === 'refused') set({ runLive: false });
          }
          return;
        }
        case 'run-ended':
          playground.getState().endRealRun(route.reason, route.hint);
          set({ runLive: false });
          if (route.reason === 'failed') notify('run', 'error', 'The run failed on the bridge; the trace received so far is kept.', null);
          return;
        case 'ignored':
          return;
      }
    };

    const onFrame = (data: unknown) => {
      const parsed = parseBridgeMessage(data as Parameters<typeof parseBridgeMessage>[0]);
      if (!parsed.ok) {
        notify(
          get().runLive ? 'run' : 'connection',
          'error',
          `The bridge sent a message this page cannot read, and it was ignored (${parsed.error.code}): ${parsed.error.message}`,
          'The bridge and this page may be of different versions.',
        );
        return;
      }
      const { route, pending } = routeBridgeMessage(parsed.message, { pending: get().pending, runId: get().runId, runLive: get().runLive });
      set({ pending });
      apply(route);
    };

    return {
      url: options.initialUrl ?? 'ws://127.0.0.1:8787',
      connection: DISCONNECTED,
      notices: [],
      pending: [],
      runId: null,
      runLive: false,

      setUrl: (url) => set({ url }),
      connect: (token) => {
        const { url, connection } = get();
        const problem = bridgeUrlProblem(url);
        if (problem !== null) return problem;
        if (token.trim() === '') return 'Paste the token the bridge printed when it started.';
        if (connection.status === 'connecting' || connection.status === 'connected') return 'Already connected: disconnect first.';
        connections++;
        sent = 0;
        refusal = null;
        let s: SocketLike;
        try {
          s = createSocket(url.trim());
        } catch (e) {
          return `This address cannot be opened: ${String(e)}`;
        }
        socket = s;
        s.binaryType = 'arraybuffer';
        set({
          connection: connecting(url.trim()),
          notices: withoutTopic(get().notices, 'connection'),
          pending: [],
          runId: null,
          runLive: false,
        });
        // Each handler first checks it still belongs to the current socket: an old one's late events change nothing.
        s.onopen = () => {
          if (socket !== s) return;
          set({ connection: opened(get().connection) });
          send({ type: 'hello', token: token.trim(), protocol: PROTOCOL_VERSION });
          setTimeout(() => {
            if (socket !== s) return;
            helloFailed(
              `The bridge did not answer within ${WELCOME_WAIT_MS / 1000} s.`,
              'Is this the address “npm run bridge” printed? Something else may be listening on that port.',
            );
          }, WELCOME_WAIT_MS);
        };
        s.onmessage = (event) => {
          if (socket === s) onFrame(event.data);
        };
        s.onerror = () => {
          // The close event that follows says what happened; a browser gives errors no detail.
        };
        s.onclose = (event) => {
          if (socket !== s) return;
          socket = null;
          const { runLive } = get();
          const next = closed(get().connection, { code: event.code, reason: event.reason }, { pageOrigin, refusal, runLive });
          set({ connection: next });
          if (next.status === 'closed' && next.problem !== null) connectionLost(`${next.problem.title} ${next.problem.advice}`);
          else connectionLost('The connection closed.');
        };
        return null;
      },
      disconnect: () => {
        const s = socket;
        socket = null;
        set({ connection: disconnected(get().connection) });
        connectionLost('You disconnected during the run; the trace received so far is kept.');
        s?.close(USER_CLOSE, 'the user disconnected');
      },
      startRun: (speed) => {
        if (!connected()) return 'Connect to the bridge first.';
        if (get().runLive) return 'A run is already going: stop it first.';
        const shown = playground.getState();
        const { scenario } = shown;
        const simulated = shown.source === 'real' ? shown.simulatedRun : shown.run;
        if (scenario === null || simulated === null) return 'There is no scenario to run.';
        const bytes = new TextEncoder().encode(JSON.stringify(scenario)).length;
        if (bytes > CLIENT_FRAME_LIMITS.messageBytesMax - 1024) {
          return `This scenario is too large to send to the bridge (${bytes} bytes; the limit is ${CLIENT_FRAME_LIMITS.messageBytesMax}).`;
        }
        // Client pauses and crashes keep their place in each client's work, as simulated.
        const anchors = clientAnchorsFor(scenario, simulated.trace);
        const id = send({ type: 'start-run', scenario, speed, anchors });
        if (id === null) return 'Connect to the bridge first.';
        set({ runId: id, runLive: true, notices: withoutTopic(get().notices, 'run') });
        playground.getState().beginRealRun(id, speed);
        return null;
      },
      stopRun: () => {
        if (get().runLive) send({ type: 'stop-run' });
      },
      lockOp: (client, op) => {
        if (!connected()) return 'Connect to the bridge first.';
        // Outside a run the bridge's own Redlock clients lock the scenario's key; during a run the run's key applies.
        const key = playground.getState().scenario?.lock.key;
        const id = send(get().runLive || key === undefined ? { type: 'lock-op', client, op } : { type: 'lock-op', client, op, key });
        if (id === null) return 'Connect to the bridge first.';
        set({ notices: withoutTopic(get().notices, 'lock') });
        return null;
      },
      injectFault: (entry) => {
        const problem = faultProblem(entry.kind);
        if (problem !== null) {
          notify('fault', 'error', problem);
          return problem;
        }
        const real = playground.getState().real;
        const master = real === null ? null : masterNow(real.origin.scenario, real.events);
        const conversion = faultForTimelineEntry(entry, 'pending', { master });
        if (!conversion.ok) {
          notify('fault', 'error', `Not on real Redis: ${conversion.reason}.`);
          return conversion.reason;
        }
        const { id: _id, ...fault } = conversion.fault;
        set({ notices: withoutTopic(get().notices, 'fault') });
        send(fault);
        return null;
      },
      sendFault: (fault) => {
        // A clock jump needs the fake clock whichever way it is sent; the other faults are for any bridge.
        const problem = faultProblem(fault.type === 'clock-jump' ? 'clock-jump' : null);
        if (problem !== null) {
          notify('fault', 'error', problem);
          return problem;
        }
        set({ notices: withoutTopic(get().notices, 'fault') });
        if (send(fault) === null) return 'Connect to the bridge first.';
        return null;
      },
      dismiss: (topic) => set({ notices: withoutTopic(get().notices, topic) }),
    };
  });
}

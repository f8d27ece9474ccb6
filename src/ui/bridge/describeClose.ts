/** Why a connection to the bridge is not (or no longer) open, and what the user can do about it. */
export interface ConnectionProblem {
  title: string;
  advice: string;
}

export interface CloseInfo {
  /** The WebSocket close code (1006 when the socket never opened or dropped without a close frame). */
  code: number;
  reason: string;
}

export interface CloseContext {
  url: string;
  /** The page's origin, which the bridge must allow (`--origin`). */
  pageOrigin: string;
  /** Whether the socket had opened (a refused upgrade never opens). */
  opened: boolean;
  /** Whether the bridge had welcomed this connection. */
  welcomed: boolean;
  /** The bridge's `unauthorized` answer to the hello, if it sent one before closing. */
  refusal: string | null;
  /** Whether a run was streaming when the connection closed. */
  runLive: boolean;
}

/** WebSocket close codes (RFC 6455 §7.4.1) the bridge or the browser use. */
const NORMAL = 1000;
const GOING_AWAY = 1001;
const ABNORMAL = 1006;
const POLICY = 1008;
const TOO_BIG = 1009;
const INTERNAL = 1011;

/**
 * The words for a closed connection. A browser cannot see why an upgrade was refused (the
 * bridge answers a foreign Origin with HTTP 403, which the page only sees as code 1006
 * before the socket opened), so that case names both likely causes.
 */
export function describeClose(close: CloseInfo, ctx: CloseContext): ConnectionProblem {
  const kept = ctx.runLive ? ' The trace received so far is kept on the timeline.' : '';
  const said = close.reason.trim() === '' ? '' : ` It said: "${close.reason.trim()}".`;
  if (ctx.refusal !== null || (close.code === POLICY && !ctx.welcomed && /token|hello|unauthori[sz]ed/i.test(close.reason))) {
    return {
      title: 'The bridge refused the token.',
      advice: `Copy the token that “npm run bridge” printed when it started (it changes at every start unless --token is given) and connect again.${ctx.refusal === null ? '' : ` The bridge said: "${ctx.refusal}".`}`,
    };
  }
  if (close.code === POLICY) {
    return {
      title: 'The bridge closed the connection: it broke the bridge’s rules (policy violation).',
      advice: `A wrong token, a page origin it does not allow, or too many messages too fast.${said} Start the bridge with --origin ${ctx.pageOrigin} if this page is not allowed, check the token, and connect again.${kept}`,
    };
  }
  if (!ctx.opened) {
    return {
      title: `Could not reach the bridge at ${ctx.url}.`,
      advice: `Is “npm run bridge” running, and on this port? The bridge also refuses pages whose origin it does not allow: this page is ${ctx.pageOrigin}; start the bridge with --origin ${ctx.pageOrigin} if it is not among the origins it printed.`,
    };
  }
  if (close.code === GOING_AWAY || (close.code === NORMAL && ctx.welcomed)) {
    return {
      title: 'The bridge closed the connection (it is shutting down).',
      advice: `Start it again with “npm run bridge” and connect with its new token.${said}${kept}`,
    };
  }
  if (close.code === TOO_BIG) {
    return {
      title: 'The bridge closed the connection: a message was too large.',
      advice: `Smaller scenarios fit (the limit is 256 KiB).${said}${kept}`,
    };
  }
  if (close.code === INTERNAL) {
    return {
      title: 'The bridge hit an internal error and closed the connection.',
      advice: `Its terminal says what it was doing; connect again.${said}${kept}`,
    };
  }
  if (close.code === ABNORMAL) {
    return {
      title: 'The connection to the bridge dropped.',
      advice: `The bridge may have stopped or crashed: check its terminal, start it again if needed (“npm run bridge”) and reconnect.${kept}`,
    };
  }
  return { title: `The connection to the bridge closed (code ${close.code}).`, advice: `Connect again.${said}${kept}` };
}

/** How a lock client reads a Redis reply. Pure. */
import type { Reply } from '../sim/redis/reply.ts';

/** A vote for us: +OK from SET NX PX, :1 from SETNX or from the compare-and-* scripts. */
export function isGranted(reply: Reply): boolean {
  if (reply.t === 'status') return reply.v === 'OK';
  if (reply.t === 'int') return reply.v === 1;
  return false;
}

/** WAIT's answer: the number of replicas that acknowledged (0 for anything else). */
export function ackCount(reply: Reply): number {
  return reply.t === 'int' ? reply.v : 0;
}

import { LOOPBACK } from './freePort.ts';
import { RespError, type RespValue, rawCommand } from './rawCommand.ts';

/** A node the bridge sends its own commands to. */
export interface CommandTarget {
  id: string;
  port: number;
  host?: string;
}

/**
 * Sends one of the bridge's own (trusted) commands to a node: no reply or an error reply
 * throws, naming the node, the command and why.
 */
export async function nodeCommand(node: CommandTarget, argv: readonly string[], timeoutMs = 2000): Promise<RespValue> {
  const host = node.host ?? LOOPBACK;
  let reply: RespValue;
  try {
    reply = await rawCommand(node.port, argv, timeoutMs, host);
  } catch (e) {
    throw new Error(`node ${node.id} (${host}:${node.port}): ${commandName(argv)}: ${(e as Error).message}`);
  }
  if (reply instanceof RespError)
    throw new Error(`node ${node.id} (${host}:${node.port}): ${commandName(argv)} answered "${reply.message}"`);
  return reply;
}

/** Like nodeCommand, and the reply must be +OK. */
export async function nodeCommandOk(node: CommandTarget, argv: readonly string[], timeoutMs = 2000): Promise<void> {
  const reply = await nodeCommand(node, argv, timeoutMs);
  if (reply !== 'OK') throw new Error(`node ${node.id}: ${commandName(argv)} answered ${JSON.stringify(reply)}, not OK`);
}

/** The command and its subcommand, never its keys or values (e.g. "SENTINEL MONITOR", "REPLICAOF"). */
function commandName(argv: readonly string[]): string {
  const [name = '', sub] = argv;
  const withSub = ['SENTINEL', 'CONFIG', 'CLIENT'].includes(name.toUpperCase()) && sub !== undefined;
  return withSub ? `${name} ${sub}` : name;
}

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { processId } from '../../src/protocol/fields.ts';
import { PROTOCOL_LIMITS } from '../../src/protocol/limits.ts';
import type { ExternalNode } from '../redis/fleet.ts';
import { DEFAULT_MASTER_NAME } from '../redis/startSentinel.ts';

/**
 * `--nodes FILE`: existing Redis servers for the bridge to use instead of starting its own,
 * e.g. `{ "nodes": [{ "id": "A", "host": "127.0.0.1", "port": 6379, "role": "master" }, …,
 * { "id": "S", "port": 26379, "role": "sentinel", "masterName": "mymaster" }] }`. Ids are
 * the scenario's (the presets use A-E for Redlock, M, R and S for failover) because the
 * browser matches them to the scenario's nodes.
 */
const nodeSchema = z
  .strictObject({
    id: processId,
    host: z.string().min(1).max(255).default('127.0.0.1'),
    port: z.number().int().min(1).max(65_535),
    role: z.enum(['master', 'replica', 'sentinel']),
    masterName: z.string().min(1).max(200).optional(),
  })
  .superRefine((node, ctx) => {
    if (node.masterName !== undefined && node.role !== 'sentinel') {
      ctx.addIssue({ code: 'custom', path: ['masterName'], message: 'only a sentinel has a masterName' });
    }
  });

const nodesFileSchema = z
  .strictObject({ nodes: z.array(nodeSchema).min(1).max(PROTOCOL_LIMITS.welcomeNodesMax) })
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.nodes.forEach((node, i) => {
      const first = seen.get(node.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'id'], message: `"${node.id}" is also nodes[${first}]` });
      seen.set(node.id, i);
    });
  });

export type NodesFileResult = { ok: true; nodes: ExternalNode[] } | { ok: false; error: string };

/** Reads and validates a nodes file; the error names the file and every field that is wrong. */
export function readNodesFile(file: string): NodesFileResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, error: `--nodes ${file}: cannot read it: ${(e as Error).message}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `--nodes ${file}: not JSON: ${(e as Error).message}` };
  }
  const parsed = nodesFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 10).map((issue) => `  ${formatPath(issue.path)}: ${issue.message}`);
    return { ok: false, error: `--nodes ${file}: not a nodes file:\n${lines.join('\n')}\n${NODES_FILE_EXAMPLE}` };
  }
  return {
    ok: true,
    nodes: parsed.data.nodes.map((n) => ({
      ...n,
      ...(n.role === 'sentinel' ? { masterName: n.masterName ?? DEFAULT_MASTER_NAME } : {}),
    })),
  };
}

export const NODES_FILE_EXAMPLE =
  'expected e.g. {"nodes": [{"id": "A", "host": "127.0.0.1", "port": 6379, "role": "master"}, ' +
  '{"id": "S", "port": 26379, "role": "sentinel", "masterName": "mymaster"}]}';

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(file)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

import { describe, expect, it } from 'vitest';
import { fieldIdOf, pathAndAncestors, pathOfIssue, valueAt, withValueAt } from './fieldPath.ts';

describe('field paths', () => {
  it('reads an issue path as the form’s path, and names its control', () => {
    expect(pathOfIssue('clients[0].workload.rounds')).toEqual(['clients', 0, 'workload', 'rounds']);
    expect(pathOfIssue('timeline[12].groups[1][0]')).toEqual(['timeline', 12, 'groups', 1, 0]);
    expect(pathOfIssue('(document)')).toEqual([]);
    expect(fieldIdOf(['clients', 0, 'workload', 'rounds'])).toBe('scenario-editor-clients-0-workload-rounds');
    expect(pathAndAncestors(['a', 0, 'b'])).toEqual([['a', 0, 'b'], ['a', 0], ['a']]);
  });

  it('sets a value without touching the original, and removes a field set to undefined', () => {
    const doc = { nodes: [{ id: 'A' }, { id: 'B', replicaOf: 'A' }] };
    const next = withValueAt(doc, ['nodes', 1, 'replicaOf'], undefined);
    expect(next).toEqual({ nodes: [{ id: 'A' }, { id: 'B' }] });
    expect(doc.nodes[1]).toEqual({ id: 'B', replicaOf: 'A' });
    expect(valueAt(withValueAt(doc, ['nodes', 0, 'hz'], 50), ['nodes', 0, 'hz'])).toBe(50);
    expect(valueAt(doc, ['nodes', 5, 'id'])).toBeUndefined();
  });
});

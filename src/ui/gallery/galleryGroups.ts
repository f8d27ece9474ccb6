import type { Preset } from '../../scenario/presets/index.ts';

/**
 * How the gallery groups the presets: by what a learner is looking at, not by S-number.
 *   Redlock basics      — the algorithm doing its job, and its liveness cost (split votes, renewal)
 *   Pauses and delays   — a process or a packet stops while the world moves on (Kleppmann's cases)
 *   Clocks and crashes  — a Redlock node forgets a key: a clock jump, a restart, persistence
 *   Failover            — one master with a replica behind Sentinel
 *   Single instance     — one node, and the commands a lock is made of (SETNX, SET NX PX, DEL, compare-and-delete)
 * A preset missing here still shows, under "More", so a new preset is never hidden
 * (galleryGroups.test.ts fails until it gets a group).
 */
export const GALLERY_GROUPS: ReadonlyArray<{ title: string; presets: readonly string[] }> = [
  { title: 'Redlock basics', presets: ['happy-path', 'busy-redlock', 'split-vote', 'watchdog-renewal'] },
  {
    title: 'Pauses and delays',
    presets: ['gc-pause-during-acquire', 'gc-pause-after-acquire', 'delayed-write', 'watchdog-renewal-paused'],
  },
  {
    title: 'Clocks and crashes',
    presets: ['clock-jump', 'restart-no-persistence', 'restart-aof-always', 'restart-aof-everysec', 'delayed-restart'],
  },
  { title: 'Failover', presets: ['failover-happy-path', 'failover-loses-lock', 'failover-with-wait'] },
  {
    title: 'Single instance',
    presets: ['setnx-expire-crash', 'set-nx-px-crash', 'del-without-owner-check', 'cad-with-owner-check'],
  },
];

export const OTHER_GROUP_TITLE = 'More';

export interface PresetGroup<P> {
  title: string;
  presets: P[];
}

/** The presets in their groups, in the groups' order; empty groups are left out. */
export function groupPresets<P extends Pick<Preset, 'name'>>(presets: readonly P[]): PresetGroup<P>[] {
  const byName = new Map(presets.map((p) => [p.name, p]));
  const placed = new Set<string>();
  const groups: PresetGroup<P>[] = [];
  for (const group of GALLERY_GROUPS) {
    const members: P[] = [];
    for (const name of group.presets) {
      const preset = byName.get(name);
      if (preset === undefined || placed.has(name)) continue;
      placed.add(name);
      members.push(preset);
    }
    if (members.length > 0) groups.push({ title: group.title, presets: members });
  }
  const rest = presets.filter((p) => !placed.has(p.name));
  if (rest.length > 0) groups.push({ title: OTHER_GROUP_TITLE, presets: rest });
  return groups;
}

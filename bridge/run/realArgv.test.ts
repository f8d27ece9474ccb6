import { describe, expect, it } from 'vitest';
import { acquireArgv, expireArgv, extendArgv, releaseArgv, waitArgv } from '../../src/lock/commands.ts';
import { SCRIPTS } from '../../src/sim/redis/scripts.ts';
import { LOCK_SCRIPTS, realArgv } from './realArgv.ts';

describe('realArgv: the lock machines’ commands as a real server takes them', () => {
  it('sends the very Lua the simulator runs for each script the lock clients name', () => {
    for (const [name, lua] of Object.entries(LOCK_SCRIPTS)) expect(lua, name).toBe(SCRIPTS[name]?.lua);
  });

  it('scales TTLs by the run’s speed, in wall-clock ms', () => {
    expect(realArgv(acquireArgv('redlock', 'lock', 'v', 10_000), 4)).toEqual(['SET', 'lock', 'v', 'NX', 'PX', '2500']);
    expect(realArgv(expireArgv('lock', 10_000), 2)).toEqual(['PEXPIRE', 'lock', '5000']);
    expect(realArgv(extendArgv('lock', 'v', 10_000), 0.5)).toEqual(['EVAL', LOCK_SCRIPTS['compare-and-extend'], '1', 'lock', 'v', '20000']);
    expect(realArgv(waitArgv(1, 100), 10)).toEqual(['WAIT', '1', '10']);
    expect(realArgv(waitArgv(1, 0), 10)).toEqual(['WAIT', '1', '0']);
  });

  it('never sends PX 0, and leaves SETNX and DEL alone', () => {
    expect(realArgv(acquireArgv('redlock', 'lock', 'v', 1), 10)[5]).toBe('1');
    expect(realArgv(acquireArgv('setnx-expire', 'lock', 'v', 1000), 3)).toEqual(['SETNX', 'lock', 'v']);
    expect(realArgv(releaseArgv('set-nx-px-del', 'lock', 'v'), 3)).toEqual(['DEL', 'lock']);
  });

  it('refuses a script it has no Lua for', () => {
    expect(() => realArgv(['EVAL', 'redsync-delete', '1', 'lock', 'v'], 1)).toThrow(/no Lua/);
  });
});

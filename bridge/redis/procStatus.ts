import { readFileSync } from 'node:fs';

/**
 * What Linux's /proc says about a process. The fleet uses it to tell "our redis-server is
 * still running" from "that pid is gone" or "that pid now belongs to someone else".
 */
export interface ProcStatus {
  /** The state letter of /proc/<pid>/stat: R, S, D, T (stopped), Z (zombie), ... */
  state: string;
  /** When the process started, in clock ticks since boot: with the pid, it names one process for good. */
  startTicks: number;
}

/** Undefined when there is no such process (or no /proc to ask). */
export function readProcStatus(pid: number): ProcStatus | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself contain spaces or ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const state = fields[0];
  const startTicks = Number(fields[19]); // field 22 of stat, counted from field 3 (the state)
  if (state === undefined || !Number.isFinite(startTicks)) return undefined;
  return { state, startTicks };
}

/**
 * Gone = no /proc entry, or a zombie: on this machine kind stopped processes can linger as
 * zombies (nobody reaps them), and `kill -0` would still succeed on those.
 */
export function isGone(pid: number): boolean {
  const status = readProcStatus(pid);
  return status === undefined || status.state === 'Z' || status.state === 'X';
}

/** The process's arguments as the kernel holds them (NUL-separated), or undefined when it is gone. */
export function readCmdline(pid: number): string[] | undefined {
  let raw: string;
  try {
    raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return undefined;
  }
  if (raw === '') return undefined; // zombies and kernel threads have none
  return raw.replace(/\0$/, '').split('\0');
}

/** Identity of a recorded process: the pid, its exact command line and its start time. */
export interface ProcessIdentity {
  pid: number;
  command: readonly string[];
  startTicks: number;
}

/**
 * Whether `identity` still names a live process. A pid is recycled after its process exits;
 * the command line and the start time make sure we never signal the stranger who got it.
 */
export function isSameLiveProcess(identity: ProcessIdentity): boolean {
  const status = readProcStatus(identity.pid);
  if (status === undefined || status.state === 'Z' || status.state === 'X') return false;
  if (status.startTicks !== identity.startTicks) return false;
  const cmdline = readCmdline(identity.pid);
  return cmdline !== undefined && cmdline.length === identity.command.length && cmdline.every((arg, i) => arg === identity.command[i]);
}

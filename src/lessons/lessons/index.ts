/**
 * The ten lessons, in table-of-contents order. Each is data (../model.ts): steps that load a
 * preset at a cursor, with claims checked against the run (../claims.ts, lessons.test.ts).
 */
import type { Lesson } from '../model.ts';
import { singleRedisLesson } from './01-single-redis.ts';
import { failoverLesson } from './02-failover.ts';
import { redlockLesson } from './03-redlock.ts';
import { splitVoteLesson } from './04-split-vote.ts';
import { processPauseLesson } from './05-process-pause.ts';
import { delayedPacketLesson } from './06-delayed-packet.ts';
import { clockJumpLesson } from './07-clock-jump.ts';
import { fencingLesson } from './08-fencing.ts';
import { persistenceLesson } from './09-persistence.ts';
import { autoExtensionLesson } from './10-auto-extension.ts';

export const LESSONS: readonly Lesson[] = [
  singleRedisLesson,
  failoverLesson,
  redlockLesson,
  splitVoteLesson,
  processPauseLesson,
  delayedPacketLesson,
  clockJumpLesson,
  fencingLesson,
  persistenceLesson,
  autoExtensionLesson,
];

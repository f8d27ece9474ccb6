import type { Topic } from './requests.ts';

/** A message for the user from the bridge's side of the page: a refusal, a warning, a confirmation. */
export interface Notice {
  id: number;
  topic: Topic;
  tone: 'error' | 'info';
  text: string;
  /** What to do about it, or null. */
  advice: string | null;
}

/** The most notices kept: the panel shows the newest of each topic. */
export const NOTICES_MAX = 30;

export function withNotice(notices: readonly Notice[], notice: Omit<Notice, 'id'>): Notice[] {
  const id = (notices[notices.length - 1]?.id ?? 0) + 1;
  const next = [...notices, { ...notice, id }];
  return next.length > NOTICES_MAX ? next.slice(next.length - NOTICES_MAX) : next;
}

/** The newest notice about `topic`, or null. */
export function latestNotice(notices: readonly Notice[], topic: Topic): Notice | null {
  for (let i = notices.length - 1; i >= 0; i--) if ((notices[i] as Notice).topic === topic) return notices[i] as Notice;
  return null;
}

export function withoutTopic(notices: readonly Notice[], topic: Topic): Notice[] {
  return notices.filter((n) => n.topic !== topic);
}

import type { ReactNode } from 'react';

interface Item {
  label: string;
  /** The longer meaning, as a tooltip. */
  title: string;
  swatch: ReactNode;
}

const bar = (colour: string) => <span className="tl-swatch" style={{ background: colour }} />;

const ITEMS: Item[] = [
  {
    label: 'key, by owner',
    title: "The lock key on a node, in its owner's colour; a dashed tail runs to when a lost or overwritten value would have expired",
    swatch: <span className="tl-swatch tl-swatch-owners" />,
  },
  { label: 'attempt', title: 'A client trying to acquire the lock (faint: the attempt failed)', swatch: bar('var(--attempt)') },
  {
    label: 'holds (belief)',
    title: "The client believes it holds the lock; outlined in red past its lease's end on its own clock",
    swatch: bar('var(--belief)'),
  },
  {
    label: 'write ok',
    title: 'A write the protected resource accepted',
    swatch: <span className="tl-dot" style={{ background: 'var(--write-ok)' }} />,
  },
  {
    label: 'stale write',
    title: 'An accepted write older (lower epoch) than one the resource had already accepted',
    swatch: <span className="tl-tri" style={{ borderBottomColor: 'var(--write-stale)' }} />,
  },
  {
    label: 'fenced off',
    title: 'A write the resource rejected: fencing at work',
    swatch: (
      <span className="tl-x" style={{ color: 'var(--write-rejected)' }}>
        ×
      </span>
    ),
  },
  { label: 'down', title: 'The process is down (crashed)', swatch: bar('var(--down)') },
  { label: 'paused', title: 'The process is paused (a GC pause, a stopped VM)', swatch: bar('var(--paused)') },
  {
    label: 'clock offset',
    title: "A process's local clock minus true time (drawn only for clocks that differ from true time)",
    swatch: <span className="tl-line" style={{ background: 'var(--fault)' }} />,
  },
  { label: 'violation', title: 'Two clients both believe they hold the lock', swatch: bar('var(--violation)') },
];

/** What the colours mean, in one compact line (each item's longer meaning in its tooltip). */
export function TimelineLegend() {
  return (
    <ul className="tl-legend" aria-label="Timeline legend">
      {ITEMS.map((item) => (
        <li key={item.label} title={item.title}>
          {item.swatch}
          {item.label}
        </li>
      ))}
    </ul>
  );
}

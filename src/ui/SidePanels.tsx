import type { ReactNode } from 'react';

export interface SideTab<Id extends string> {
  id: Id;
  label: string;
  content: ReactNode;
}

/** Tabs for the right-hand column (ARIA tabs pattern: arrow keys move between tabs); which one is open lives in the store (a link carries it). */
export function SidePanels<Id extends string>({
  tabs,
  current,
  onSelect,
}: {
  tabs: SideTab<Id>[];
  current: Id;
  onSelect: (id: Id) => void;
}) {
  const setCurrent = onSelect;
  const index = Math.max(
    0,
    tabs.findIndex((t) => t.id === current),
  );
  const select = (i: number) => {
    const tab = tabs[(i + tabs.length) % tabs.length];
    if (tab === undefined) return;
    setCurrent(tab.id);
    document.getElementById(`tab-${tab.id}`)?.focus();
  };
  return (
    <div className="side-panels">
      <div role="tablist" aria-label="Details" className="tabs">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={i === index}
            aria-controls={`panel-${tab.id}`}
            tabIndex={i === index ? 0 : -1}
            onClick={() => setCurrent(tab.id)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
                e.preventDefault();
                e.stopPropagation();
                select(i + (e.key === 'ArrowRight' ? 1 : -1));
              }
            }}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div
          key={tab.id}
          id={`panel-${tab.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${tab.id}`}
          hidden={i !== index}
          className="tab-panel"
        >
          {tab.content}
        </div>
      ))}
    </div>
  );
}

// A tab list after the WAI-ARIA pattern: one tab stop, arrows and Home/End
// move between tabs and activate them. Panels are rendered by the caller with
// `tabPanelProps`, so hidden views keep their state and scroll position.
import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import './tabs.css';

export interface TabSpec<T extends string> {
  readonly id: T;
  readonly label: string;
  /** Shown beside the label, e.g. how many items the view holds. */
  readonly count?: number;
  /** Draws the eye to a view that needs attention. */
  readonly alert?: boolean;
}

interface TabsProps<T extends string> {
  readonly label: string;
  readonly tabs: readonly TabSpec<T>[];
  readonly active: T;
  readonly onChange: (id: T) => void;
}

export const tabId = (id: string) => `tab-${id}`;
export const panelId = (id: string) => `panel-${id}`;

export function tabPanelProps(id: string, active: boolean) {
  return { id: panelId(id), role: 'tabpanel', 'aria-labelledby': tabId(id), hidden: !active } as const;
}

export function Tabs<T extends string>({ label, tabs, active, onChange }: TabsProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === active);
    const target =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home' ? 0
            : event.key === 'End' ? tabs.length - 1
              : -1;
    const tab = tabs[target];
    if (!tab) return;
    event.preventDefault();
    onChange(tab.id);
    list.current?.querySelector<HTMLElement>(`#${tabId(tab.id)}`)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} ref={list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(tab.id)}
          aria-selected={tab.id === active}
          aria-controls={panelId(tab.id)}
          tabIndex={tab.id === active ? 0 : -1}
          className={`tab${tab.alert ? ' tab-alert' : ''}`}
          onClick={() => onChange(tab.id)}
        >
          {tab.label}
          {tab.count !== undefined && <span className="tab-count">{tab.count.toLocaleString('en')}</span>}
        </button>
      ))}
    </div>
  );
}

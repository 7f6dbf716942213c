import type { ComponentChildren } from 'preact';

export interface Tab {
  id: string;
  label: ComponentChildren;
}

/** A row of tabs (ARIA tabs pattern, arrow keys move between them); the caller renders the selected panel. */
export const Tabs = ({ tabs, selected, onSelect, label }: { tabs: readonly Tab[]; selected: string; onSelect: (id: string) => void; label: string }) => {
  const move = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    onSelect(next.id);
    (event.currentTarget as HTMLElement).parentElement?.querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab, i) => (
        <button key={tab.id} type="button" role="tab" data-tab={tab.id} aria-selected={tab.id === selected} tabIndex={tab.id === selected ? 0 : -1} onClick={() => onSelect(tab.id)} onKeyDown={(e) => move(e, i)}>
          {tab.label}
        </button>
      ))}
    </div>
  );
};

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row has this height in CSS pixels; rows are laid out absolutely. */
  rowHeight: number;
  /** Height of the scrolling viewport. */
  height: number;
  /** Rows rendered above and below the visible ones, so fast scrolling shows no gap. */
  overscan?: number;
  render: (item: T, index: number) => ComponentChildren;
  label?: string;
  testId?: string;
  /** Told which rows are rendered, whenever that changes: a list whose rows arrive on demand loads these. */
  onRange?: (first: number, last: number) => void;
}

/**
 * A list that renders only the rows in view: 50k records cost as much DOM as thirty. The
 * container is a real list (role=list, rows role=listitem) with the total height kept, so the
 * scrollbar and keyboard scrolling behave as if every row were there.
 */
export const VirtualList = <T,>({ items, rowHeight, height, overscan = 8, render, label, testId, onRange }: VirtualListProps<T>) => {
  const [top, setTop] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  // A new, shorter list (a search) must not leave the viewport scrolled past its end.
  useEffect(() => {
    if (box.current && box.current.scrollTop > items.length * rowHeight) box.current.scrollTop = 0;
  }, [items, rowHeight]);
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + overscan);
  useEffect(() => onRange?.(first, last), [first, last, onRange]);
  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      // Position and size let assistive technology say "row 3 of 50,000" although only these are in the DOM.
      <div key={i} role="listitem" aria-posinset={i + 1} aria-setsize={items.length} style={{ position: 'absolute', top: `${i * rowHeight}px`, left: 0, right: 0, height: `${rowHeight}px`, overflow: 'hidden' }}>
        {render(items[i]!, i)}
      </div>,
    );
  }
  return (
    <div ref={box} role="list" aria-label={label} data-testid={testId} tabIndex={0} style={{ height: `${Math.min(height, items.length * rowHeight || rowHeight)}px`, overflowY: 'auto', position: 'relative' }} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      <div style={{ height: `${items.length * rowHeight}px`, position: 'relative' }}>{rows}</div>
    </div>
  );
};

import type { ComponentChildren } from 'preact';

export type BadgeTone = 'neutral' | 'success' | 'warning' | 'error' | 'accent';

/** A short status word beside a heading or a row. */
export const Badge = ({ tone = 'neutral', dot, children, testid }: { tone?: BadgeTone; dot?: boolean; children: ComponentChildren; testid?: string }) => (
  <span class={tone === 'neutral' ? 'badge' : `badge ${tone}`} data-testid={testid}>
    {dot ? <span class="dot" aria-hidden="true" /> : null}
    {children}
  </span>
);

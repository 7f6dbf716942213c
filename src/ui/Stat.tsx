import type { ComponentChildren } from 'preact';

/** One number with a human label under it ("1,204 · pages read"). */
export const Stat = ({ value, label, testid }: { value: ComponentChildren; label: ComponentChildren; testid?: string }) => (
  <div class="stat" data-testid={testid}>
    <div class="stat-value">{value}</div>
    <div class="stat-label">{label}</div>
  </div>
);

export const Stats = ({ children }: { children: ComponentChildren }) => <div class="stats">{children}</div>;

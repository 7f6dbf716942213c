import type { ComponentChildren } from 'preact';

/** What a view shows before there is anything in it: what it is for and the one thing to do next. */
export const EmptyState = ({ title, children, testid }: { title: ComponentChildren; children?: ComponentChildren; testid?: string }) => (
  <div class="empty" data-testid={testid}>
    <strong>{title}</strong>
    {children}
  </div>
);

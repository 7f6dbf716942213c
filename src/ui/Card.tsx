import type { ComponentChildren, HTMLAttributes } from 'preact';

/** A surface for one thing: a result, a setting group, a model. */
export const Card = ({ title, children, flat, ...rest }: Omit<HTMLAttributes<HTMLElement>, 'title'> & { title?: ComponentChildren; flat?: boolean; children?: ComponentChildren }) => (
  <section class={flat ? 'card flat' : 'card'} {...rest}>
    {title ? <h2 style={{ marginTop: 0 }}>{title}</h2> : null}
    {children}
  </section>
);

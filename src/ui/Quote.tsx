import type { ComponentChildren } from 'preact';

/** Words the model wrote in the user's voice, as a quoted card: always text, never HTML. */
export const Quote = ({ caption, children, testid }: { caption: ComponentChildren; children: ComponentChildren; testid?: string }) => (
  <figure class="quote">
    <figcaption>{caption}</figcaption>
    <blockquote data-testid={testid}>{children}</blockquote>
  </figure>
);

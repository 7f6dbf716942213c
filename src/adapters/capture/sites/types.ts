import type { PageReactionKind } from '../../../messaging/methods/capture';

/**
 * What Doppel knows about one big site's DOM: where the user writes, which control sends it, what
 * it replies to, and which buttons are reactions. Selectors only; the generic fallback does the rest.
 */
export interface SiteAdapter {
  id: string;
  matches: (hostname: string) => boolean;
  /** Editors whose text is the user's writing (textareas and contenteditable composers). */
  editor: string;
  /** Controls that send what is in the nearest editor. */
  send: string;
  /** The text the editor replies to, if this site makes it clear. */
  replyTo?: (editor: Element) => string | undefined;
  /** Reaction buttons, by kind. */
  reactions?: Partial<Record<PageReactionKind, string>>;
}

export const textOf = (el: Element | null | undefined): string | undefined => {
  const text = (el as HTMLElement | null)?.innerText?.trim();
  return text ? text : undefined;
};

export const hostIs = (...domains: string[]) => (hostname: string) => domains.some((d) => hostname === d || hostname.endsWith(`.${d}`));

import type { SiteAdapter } from './types';

const OTHER_INPUTS = 'form, textarea, [contenteditable=true], input';
const STOP = new Set(['BODY', 'HTML', 'MAIN']);

/**
 * The comment the user answers, where the page makes it clear: the text around the reply box
 * (its comment, post or quoted message), found by walking up a few levels and reading the
 * siblings of the box's branch. Gives up at the page's main container, so a top-level comment
 * form does not claim the whole page as its context.
 */
export const genericReplyTo = (editor: Element): string | undefined => {
  const quoted = editor.closest('form')?.querySelector('blockquote');
  if (quoted instanceof HTMLElement && quoted.innerText.trim()) return quoted.innerText.trim();
  let branch: Element = editor.closest('form') ?? editor;
  for (let level = 0; level < 4; level++) {
    const parent = branch.parentElement;
    if (!parent || STOP.has(parent.tagName)) return undefined;
    const parts: string[] = [];
    for (const child of parent.children) {
      if (child === branch || !(child instanceof HTMLElement) || child.matches(OTHER_INPUTS) || child.matches('nav, button, script, style, footer')) continue;
      // Replies nested under the same comment are not what the box answers.
      if (child.querySelector('form, textarea')) continue;
      const text = child.innerText.trim();
      if (text) parts.push(text);
    }
    const context = parts.join('\n').trim();
    if (context.length >= 15) return context;
    branch = parent;
  }
  return undefined;
};

export const generic: SiteAdapter = {
  id: 'generic',
  matches: () => true,
  editor: 'textarea, [contenteditable=true], [contenteditable=""], [role=textbox][contenteditable]',
  send: 'button, input[type=submit], [role=button]',
  replyTo: genericReplyTo,
};

const SEND_WORDS = /^(reply|send|post|comment|submit|tweet|publish|respond|add comment|post comment|save)$/i;

/** The generic fallback treats a control as "send" only if it says so. */
export const looksLikeSend = (el: Element): boolean => {
  const label = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? (el as HTMLInputElement).value ?? '').trim();
  return SEND_WORDS.test(label) || (el as HTMLButtonElement).type === 'submit';
};

const REACTION_WORDS: [RegExp, 'like' | 'upvote' | 'share'][] = [
  [/^(like|love|heart|favou?rite|\+1)$/i, 'like'],
  [/^(upvote|vote up|up ?vote)$/i, 'upvote'],
  [/^(share|repost|retweet)$/i, 'share'],
];

export const genericReaction = (el: Element): 'like' | 'upvote' | 'share' | null => {
  const label = (el.getAttribute('aria-label') ?? el.getAttribute('title') ?? (el as HTMLElement).innerText ?? '').trim();
  return REACTION_WORDS.find(([re]) => re.test(label))?.[1] ?? null;
};

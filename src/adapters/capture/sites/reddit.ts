import { hostIs, textOf, type SiteAdapter } from './types';

export const reddit: SiteAdapter = {
  id: 'reddit',
  matches: hostIs('reddit.com'),
  editor: 'shreddit-composer [contenteditable=true], div[contenteditable=true][name=body], textarea[name=text], textarea',
  send: 'button[type=submit], button[slot=submit-button]',
  replyTo: (editor) =>
    textOf(editor.closest('shreddit-comment')?.querySelector('[slot=comment], .md')) ?? textOf(document.querySelector('shreddit-post [slot=title], h1')),
  reactions: { upvote: 'button[upvote], button[aria-label="Upvote"], .arrow.up', share: 'button[aria-label="Share"], shreddit-post-share-button' },
};

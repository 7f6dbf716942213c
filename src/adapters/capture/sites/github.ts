import { hostIs, textOf, type SiteAdapter } from './types';

export const github: SiteAdapter = {
  id: 'github',
  matches: hostIs('github.com'),
  editor: 'textarea[name="comment[body]"], textarea.js-comment-field, textarea[aria-label="Markdown value"]',
  send: 'button[type=submit].btn-primary, button[data-variant=primary][type=submit]',
  // A reply on an issue or pull request answers the thread: its title and opening post.
  replyTo: () => textOf(document.querySelector('.js-issue-title, bdi.markdown-title')),
  reactions: { like: 'button[aria-label*="+1"], button[aria-label*="thumbs up" i]' },
};

import { hostIs, textOf, type SiteAdapter } from './types';

export const x: SiteAdapter = {
  id: 'x',
  matches: hostIs('x.com', 'twitter.com'),
  editor: '[data-testid^=tweetTextarea_] [contenteditable=true], div[role=textbox][contenteditable=true]',
  send: '[data-testid=tweetButton], [data-testid=tweetButtonInline]',
  // On a status page the reply box answers the focused tweet: the first tweet text in the thread.
  replyTo: () => (/\/status\//.test(location.pathname) ? textOf(document.querySelector('article [data-testid=tweetText]')) : undefined),
  reactions: { like: '[data-testid=like]', share: '[data-testid=retweet], [aria-label^="Share"]' },
};

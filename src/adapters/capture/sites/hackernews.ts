import { hostIs, textOf, type SiteAdapter } from './types';

export const hackerNews: SiteAdapter = {
  id: 'hackernews',
  matches: hostIs('news.ycombinator.com'),
  editor: 'textarea[name=text]',
  send: 'input[type=submit], button[type=submit]',
  // /reply?id=… shows the parent comment above the box; /item shows the story title.
  replyTo: () => textOf(document.querySelector('.comment .commtext')) ?? textOf(document.querySelector('.titleline')),
  reactions: { upvote: 'a[id^=up_], .votearrow' },
};

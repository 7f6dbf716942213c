import { hostIs, textOf, type SiteAdapter } from './types';

export const youtube: SiteAdapter = {
  id: 'youtube',
  matches: hostIs('youtube.com'),
  editor: '#contenteditable-root[contenteditable=true]',
  send: '#submit-button button, ytd-button-renderer#submit-button',
  replyTo: (editor) =>
    textOf(editor.closest('ytd-comment-thread-renderer, ytd-comment-view-model')?.querySelector('#content-text')) ?? textOf(document.querySelector('h1.ytd-watch-metadata, #title h1')),
  reactions: { like: 'like-button-view-model button, #segmented-like-button button', share: 'yt-button-view-model button[aria-label="Share"]' },
};

import { hostIs, type SiteAdapter } from './types';

/** Only compose: webmail is excluded unless the user opts in to their own sent replies, and even then the mail they answer is never kept. */
export const gmail: SiteAdapter = {
  id: 'gmail',
  matches: hostIs('mail.google.com'),
  editor: 'div[aria-label="Message Body"][contenteditable=true], div.editable[contenteditable=true]',
  send: 'div[role=button][data-tooltip^="Send"], div[role=button][aria-label^="Send"]',
};

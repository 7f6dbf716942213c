import browser from 'webextension-polyfill';
import { describeSender, type RawSender } from '../../messaging/router';
import type { SenderInfo } from '../../messaging/protocol';

export const identifySender = (sender: RawSender): SenderInfo =>
  describeSender(sender, browser.runtime.id, browser.runtime.getURL(''));

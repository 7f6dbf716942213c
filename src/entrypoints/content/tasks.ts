import browser, { type Runtime } from 'webextension-polyfill';
import { callBackground } from '../../messaging/client';
import type { ContentCommand, TabContext } from '../../messaging/methods/tasks';
import { editableOf, fieldText, insertText, type Field } from './fields';

const SELECTION_CHARS = 8000;

/**
 * The content-script side of the tasks: remembers the field the user was in when an action started,
 * inserts a draft there when the user clicks Insert in Doppel, and reports what they finally sent.
 */
export const serveTasks = (): void => {
  let lastField: Field | null = null;
  const remember = (event: Event) => {
    const field = editableOf(event.target);
    if (field) lastField = field;
  };
  // Focus and right-clicks both count: the context menu opens on a field without focusing it first.
  document.addEventListener('focusin', remember, true);
  document.addEventListener('contextmenu', remember, true);

  const watchForSend = (field: Field, jobId: string) => {
    const report = () => {
      const text = fieldText(field).trim();
      if (text) void callBackground('tasks.feedback', { jobId, text }).catch(() => {});
    };
    const form = field.closest('form');
    // Capture phase, passive: Doppel observes the user's own submit and never causes or blocks one.
    if (form) form.addEventListener('submit', report, { capture: true, once: true });
    else
      field.addEventListener('keydown', (event) => {
        if (event instanceof KeyboardEvent && event.key === 'Enter' && !event.shiftKey && field.isContentEditable) report();
      });
  };

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id || sender.tab) return undefined;
    const command = message as ContentCommand;
    if (command?.doppel === 'context') {
      if (window.top !== window) return undefined;
      const selection = (getSelection()?.toString() ?? '').trim().slice(0, SELECTION_CHARS);
      const reply: TabContext = { selection, hasField: lastField?.isConnected ?? false };
      return Promise.resolve(reply);
    }
    if (command?.doppel === 'insert' && typeof command.text === 'string') {
      const field = lastField?.isConnected ? lastField : null;
      if (!field) return Promise.resolve({ inserted: false });
      insertText(field, command.text);
      watchForSend(field, command.jobId);
      return Promise.resolve({ inserted: true });
    }
    return undefined;
  });
};

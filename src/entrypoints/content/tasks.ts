import type { ContentCommand, TabContext } from '../../messaging/methods/tasks';
import { onRuntimeMessage, runtimeId } from '../../messaging/runtime';
import type { Authorship } from './authorship';
import { editableOf, insertText, type Field } from './fields';

const SELECTION_CHARS = 8000;

/**
 * The content-script side of the tasks: remembers the field the user was in when an action started,
 * and inserts a draft there when the user clicks Insert in Doppel (what they finally send is feedback, see watchWriting).
 */
export const serveTasks = (authorship: Authorship, signal: AbortSignal): void => {
  let lastField: Field | null = null;
  const remember = (event: Event) => {
    const field = editableOf(event.target);
    if (field) lastField = field;
  };
  // Focus and right-clicks both count: the context menu opens on a field without focusing it first.
  document.addEventListener('focusin', remember, { capture: true, signal });
  document.addEventListener('contextmenu', remember, { capture: true, signal });

  onRuntimeMessage((message, sender) => {
    if (sender.id !== runtimeId() || sender.tab) return undefined;
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
      // The send itself is observed by watchWriting, once, with the same trusted-event checks as any writing.
      authorship.noteInsert(field, command.jobId);
      return Promise.resolve({ inserted: true });
    }
    return undefined;
  });
};

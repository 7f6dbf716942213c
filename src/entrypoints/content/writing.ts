import { editableText, isSensitiveField, showsPasswordField } from '../../adapters/capture/fields';
import { genericReaction, genericReplyTo, looksLikeSend } from '../../adapters/capture/sites/generic';
import type { SiteAdapter } from '../../adapters/capture/sites/types';
import type { Authorship } from './authorship';
import { newSendId, send, sendUntilAnswered, timed } from './send';

const EDITORS = 'textarea, [contenteditable=true], [contenteditable=""]';

/**
 * Only the user's own actions count. A page can submit its forms (requestSubmit fires a trusted
 * submit event) or click its own buttons from script, but it cannot fake the user's activation.
 */
const byUser = (event: Event): boolean => event.isTrusted && (navigator as { userActivation?: { isActive: boolean } }).userActivation?.isActive !== false;
const DEDUPE_MS = 3000;


/** How long after a plain Enter a chat box may take to empty itself when it sent the message. */
const SENT_WITHIN_MS = 1500;
const SENT_POLL_MS = 100;

/**
 * The user's writing, read once when they send it (submit, a send button, Ctrl/Cmd+Enter, or a
 * plain Enter that sends and empties a chat box), never while they type. Only text the user typed
 * (or a draft they inserted) counts: text a page put in a field is not theirs. Password, payment
 * and one-time-code fields are never read. A send after a Doppel draft was inserted is stored
 * once, as feedback on that draft.
 */

/** The form's controls through the prototype's getter: a page's `<input name="elements">` clobbers `form.elements`. */
const formElements = (form: HTMLFormElement): HTMLFormControlsCollection => Object.getOwnPropertyDescriptor(HTMLFormElement.prototype, 'elements')!.get!.call(form) as HTMLFormControlsCollection;
export const watchWriting = (adapter: SiteAdapter, signal: AbortSignal, authorship: Authorship): void => {
  let last = { text: '', at: 0 };
  const contextOf = (editor: Element) => ({
    replyTo: (adapter.replyTo ?? genericReplyTo)(editor) ?? genericReplyTo(editor),
    source: editor instanceof HTMLElement && editor.isContentEditable ? ('contenteditable' as const) : ('form' as const),
  });
  const emit = (editors: readonly Element[], text: string, context = contextOf(editors[0]!)) => {
    const trimmed = text.trim();
    if (!trimmed || showsPasswordField(document)) return;
    if (trimmed === last.text && Date.now() - last.at < DEDUPE_MS) return;
    last = { text: trimmed, at: Date.now() };
    const jobId = editors.map((e) => authorship.takeDraft(e)).find(Boolean);
    if (jobId) return send('tasks.feedback', { jobId, text: trimmed });
    sendUntilAnswered('capture.writing', { text: trimmed, ...(context.replyTo ? { replyTo: context.replyTo } : {}), source: context.source, adapter: adapter.id, sendId: newSendId() });
  };

  const fromForm = (form: HTMLFormElement) => {
    if (form.matches('[role=search]') || [...formElements(form)].some((el) => el instanceof HTMLInputElement && el.type === 'password')) return;
    const editors = [...form.querySelectorAll(EDITORS)].filter((el) => !isSensitiveField(el) && editableText(el).trim() && authorship.isUsers(el));
    if (editors.length) emit(editors, editors.map(editableText).join('\n\n'));
  };

  const nearestEditor = (control: Element): Element | null => {
    for (let node: Element | null = control; node && node !== document.body; node = node.parentElement) {
      const editor = node.querySelector(adapter.editor) ?? node.querySelector(EDITORS);
      if (editor && editableText(editor).trim()) return editor;
    }
    return null;
  };
  const fromEditor = (editor: Element) => {
    if (authorship.isUsers(editor)) emit([editor], editableText(editor));
  };

  /** A plain Enter sent the message if the box empties (or is replaced) right after; otherwise it was a new line. */
  const whenSent = (editor: Element) => {
    const text = editableText(editor);
    if (!text.trim() || !authorship.isUsers(editor)) return;
    const context = contextOf(editor);
    const started = Date.now();
    const check = () => {
      if (signal.aborted) return;
      if (!editor.isConnected || !editableText(editor).trim()) return emit([editor], text, context);
      if (Date.now() - started < SENT_WITHIN_MS) setTimeout(check, SENT_POLL_MS);
    };
    setTimeout(check, 0);
  };

  document.addEventListener('submit', (event) => timed(() => byUser(event) && event.target instanceof HTMLFormElement && fromForm(event.target)), { capture: true, signal });

  document.addEventListener(
    'click',
    (event) =>
      timed(() => {
        const target = byUser(event) && event.target instanceof Element ? event.target : null;
        const control = target?.closest(`${adapter.send}, button, [role=button], input[type=submit]`);
        if (!control) return;
        // Form submit buttons are handled by the submit event; editors outside forms need the click.
        const isAdapterSend = control.matches(adapter.send) && adapter.id !== 'generic';
        if (!control.closest('form') && (isAdapterSend || looksLikeSend(control))) {
          const editor = nearestEditor(control);
          if (editor) fromEditor(editor);
        }
      }),
    { capture: true, signal },
  );

  document.addEventListener(
    'keydown',
    (event) =>
      timed(() => {
        if (!byUser(event) || event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
        const editor = event.target instanceof Element ? event.target.closest(EDITORS) : null;
        if (!editor) return;
        const form = editor.closest('form');
        if (event.ctrlKey || event.metaKey) {
          if (form) fromForm(form);
          else fromEditor(editor);
          // Enter in a form's textarea is a new line; a form that sends on Enter fires submit.
        } else if (!form || (editor instanceof HTMLElement && editor.isContentEditable)) whenSent(editor);
      }),
    { capture: true, signal },
  );
};

/** Copies and like/upvote/share clicks; what was copied is never read, only how much. */
export const watchReactions = (adapter: SiteAdapter, signal: AbortSignal): void => {
  document.addEventListener('copy', (event) => byUser(event) && timed(() => send('capture.reaction', { kind: 'copy', value: String(getSelection() ?? '').length })), { capture: true, signal });
  document.addEventListener(
    'click',
    (event) =>
      timed(() => {
        const target = byUser(event) && event.target instanceof Element ? event.target : null;
        if (!target) return;
        for (const [kind, selector] of Object.entries(adapter.reactions ?? {}) as ['like' | 'upvote' | 'share', string][]) {
          if (target.closest(selector)) return send('capture.reaction', { kind });
        }
        const control = target.closest('button, [role=button], a');
        const kind = control ? genericReaction(control) : null;
        if (kind) send('capture.reaction', { kind });
      }),
    { capture: true, signal },
  );
};

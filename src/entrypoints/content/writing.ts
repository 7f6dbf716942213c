import { editableText, isSensitiveField, showsPasswordField } from '../../adapters/capture/fields';
import { genericReaction, genericReplyTo, looksLikeSend } from '../../adapters/capture/sites/generic';
import type { SiteAdapter } from '../../adapters/capture/sites/types';
import { send, timed } from './send';

const EDITORS = 'textarea, [contenteditable=true], [contenteditable=""]';

/**
 * Only the user's own actions count. A page can submit its forms (requestSubmit fires a trusted
 * submit event) or click its own buttons from script, but it cannot fake the user's activation.
 */
const byUser = (event: Event): boolean => event.isTrusted && (navigator as { userActivation?: { isActive: boolean } }).userActivation?.isActive !== false;
const DEDUPE_MS = 3000;

/**
 * The user's writing, read once when they send it (submit, a send button, Ctrl/Cmd+Enter), never
 * while they type. Password, payment and one-time-code fields are never read.
 */
export const watchWriting = (adapter: SiteAdapter, signal: AbortSignal): void => {
  let last = { text: '', at: 0 };
  const emit = (editor: Element, text: string) => {
    const trimmed = text.trim();
    if (!trimmed || showsPasswordField(document)) return;
    if (trimmed === last.text && Date.now() - last.at < DEDUPE_MS) return;
    last = { text: trimmed, at: Date.now() };
    const replyTo = (adapter.replyTo ?? genericReplyTo)(editor) ?? genericReplyTo(editor);
    const source = editor instanceof HTMLElement && editor.isContentEditable ? 'contenteditable' : 'form';
    send('capture.writing', { text: trimmed, ...(replyTo ? { replyTo } : {}), source, adapter: adapter.id });
  };

  const fromForm = (form: HTMLFormElement) => {
    if (form.matches('[role=search]') || [...form.elements].some((el) => el instanceof HTMLInputElement && el.type === 'password')) return;
    const editors = [...form.querySelectorAll(EDITORS)].filter((el) => !isSensitiveField(el));
    const main = editors.find((el) => editableText(el).trim()) ?? null;
    if (main) emit(main, editors.map(editableText).filter((t) => t.trim()).join('\n\n'));
  };

  const nearestEditor = (control: Element): Element | null => {
    for (let node: Element | null = control; node && node !== document.body; node = node.parentElement) {
      const editor = node.querySelector(adapter.editor) ?? node.querySelector(EDITORS);
      if (editor && editableText(editor).trim()) return editor;
    }
    return null;
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
          if (editor) emit(editor, editableText(editor));
        }
      }),
    { capture: true, signal },
  );

  document.addEventListener(
    'keydown',
    (event) =>
      timed(() => {
        if (!byUser(event) || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
        const editor = event.target instanceof Element ? event.target.closest(EDITORS) : null;
        if (!editor) return;
        const form = editor.closest('form');
        if (form) fromForm(form);
        else emit(editor, editableText(editor));
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

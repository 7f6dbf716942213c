import { editableOf, fieldText } from './fields';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export interface Authorship {
  /** Whether the field holds what the user typed there (or a draft they inserted), not text the page put in. */
  isUsers(field: Element): boolean;
  /** Doppel inserted a draft for `jobId` on the user's click: the field's text is now the user's to send. */
  noteInsert(field: Element, jobId: string): void;
  /** The draft job the field's next send is feedback on, once: a later message in the box is ordinary writing. */
  takeDraft(field: Element): string | undefined;
}

/**
 * Remembers, per field, the text as it stood after the user's own last edit. Only a trusted
 * `beforeinput` counts as the user's edit: a page's script can set `value` or call
 * `execCommand` (neither fires a trusted `beforeinput`), so text a page slips in before its own
 * `requestSubmit()` never matches and is never stored as the user's.
 */
export const trackAuthorship = (signal: AbortSignal): Authorship => {
  const typed = new WeakMap<Element, string>();
  const drafts = new WeakMap<Element, string>();
  const pending = new WeakSet<Element>();
  const snapshot = (field: Element) => {
    pending.delete(field);
    typed.set(field, squash(fieldText(field as HTMLElement)));
  };
  const opts = { capture: true, passive: true, signal };
  document.addEventListener(
    'beforeinput',
    (event) => {
      const field = event.isTrusted ? editableOf(event.target) : null;
      if (!field) return;
      pending.add(field);
      // Rich editors cancel beforeinput and edit the DOM themselves, without an input event.
      setTimeout(() => pending.has(field) && snapshot(field), 0);
    },
    opts,
  );
  document.addEventListener(
    'input',
    (event) => {
      const field = event.isTrusted ? editableOf(event.target) : null;
      if (field && pending.has(field)) snapshot(field);
    },
    opts,
  );
  const root = (el: Element) => editableOf(el) ?? el;
  return {
    isUsers: (field) => {
      const at = root(field);
      const mine = typed.get(at);
      return mine !== undefined && mine === squash(fieldText(at as HTMLElement));
    },
    noteInsert: (field, jobId) => {
      snapshot(field);
      drafts.set(field, jobId);
    },
    takeDraft: (field) => {
      const at = root(field);
      const jobId = drafts.get(at);
      drafts.delete(at);
      return jobId;
    },
  };
};

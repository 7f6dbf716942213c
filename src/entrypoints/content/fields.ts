/** A field the user can type into: where a draft may be inserted. */
export type Field = HTMLTextAreaElement | HTMLInputElement | HTMLElement;

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', '']);

export const editableOf = (target: EventTarget | null): Field | null => {
  if (!(target instanceof HTMLElement)) return null;
  if (target instanceof HTMLTextAreaElement) return target.disabled || target.readOnly ? null : target;
  if (target instanceof HTMLInputElement) return TEXT_INPUTS.has(target.type) && !target.disabled && !target.readOnly ? target : null;
  const host = target.closest<HTMLElement>('[contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]');
  return host?.isContentEditable ? host : null;
};

export const fieldText = (field: Field): string =>
  field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : (field.innerText ?? '');

/**
 * Puts text at the caret (replacing any selection) the way typing would, and fires `input` so the
 * page's own code sees it. Only text: no markup is ever inserted, and nothing is submitted.
 */
export const insertText = (field: Field, text: string): void => {
  field.focus();
  if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) {
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(text, start, end, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return;
  }
  // execCommand keeps the page's undo stack and its editor's own input handling; it inserts plain text.
  if (!document.execCommand('insertText', false, text)) {
    const selection = getSelection();
    const range = selection?.rangeCount ? selection.getRangeAt(0) : null;
    if (range && field.contains(range.commonAncestorContainer)) {
      range.deleteContents();
      range.insertNode(document.createTextNode(text));
    } else field.append(document.createTextNode(text));
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
};

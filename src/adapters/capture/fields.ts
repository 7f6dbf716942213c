/** Fields Doppel never reads: passwords, payment fields and one-time codes. */
const SENSITIVE_AUTOCOMPLETE = /^(cc-|one-time-code|current-password|new-password)/i;
const SENSITIVE_NAME = /pass(word|wd)?|pwd|otp|one.?time|cvc|cvv|card.?(number|no)|ccnum|iban|ssn|pin\b/i;

export const isSensitiveField = (el: Element): boolean => {
  if (el instanceof HTMLInputElement) {
    if (['password', 'hidden', 'email', 'tel', 'number'].includes(el.type)) return true;
    if (SENSITIVE_AUTOCOMPLETE.test(el.autocomplete) || (el.getAttribute('autocomplete') ?? '').split(/\s+/).some((t) => SENSITIVE_AUTOCOMPLETE.test(t))) return true;
    if (el.inputMode === 'numeric' && el.maxLength > 0 && el.maxLength <= 8) return true;
  }
  const token = (el.getAttribute('autocomplete') ?? '').split(/\s+/);
  if (token.some((t) => SENSITIVE_AUTOCOMPLETE.test(t))) return true;
  return SENSITIVE_NAME.test(`${el.getAttribute('name') ?? ''} ${el.id}`);
};

const visible = (el: Element) => el.getClientRects().length > 0;

/** A page that shows a password field is a sign-in page, whatever its URL says: it is never captured. */
export const showsPasswordField = (doc: Document): boolean =>
  [...doc.querySelectorAll('input[type=password], input[autocomplete~="current-password"], input[autocomplete~="new-password"], input[autocomplete~="one-time-code"]')].some(visible);

/** The text of an editable element, or '' when it is one Doppel must not read. */
export const editableText = (el: Element): string => {
  if (isSensitiveField(el)) return '';
  if (el instanceof HTMLTextAreaElement) return el.value;
  if (el instanceof HTMLInputElement) return el.type === 'text' || el.type === '' ? el.value : '';
  if (el instanceof HTMLElement && el.isContentEditable) return el.innerText;
  return '';
};

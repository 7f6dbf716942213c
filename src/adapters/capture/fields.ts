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

/**
 * Whether a person can see the field. Honeypots (a password input the page moves off-screen, hides
 * from assistive tech or shrinks to nothing, as on Substack articles) do not make a sign-in page.
 */
const visible = (el: Element): boolean => {
  if (el.closest('[aria-hidden="true"], [inert]')) return false;
  if ('checkVisibility' in el && !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
  const rect = el.getBoundingClientRect();
  if (rect.width < 4 || rect.height < 4) return false;
  const root = el.ownerDocument.documentElement;
  const left = rect.left + (el.ownerDocument.defaultView?.scrollX ?? 0);
  const top = rect.top + (el.ownerDocument.defaultView?.scrollY ?? 0);
  // Off the page: left of or above its origin, or past its right edge.
  return left + rect.width > 0 && top + rect.height > 0 && left < Math.max(root.scrollWidth, root.clientWidth);
};

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

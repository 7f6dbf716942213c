/**
 * Third parties are not the user's to describe: names become PersonA, PersonB… (HumanLLM). A name
 * here is an @handle, a capitalised word after an address cue ("Hi Sam", "thanks Maria", "with
 * Jo"), or two capitalised words mid-sentence. It errs toward redacting (a place may become
 * PersonC); the user's text is never sent anywhere, this only keeps names out of the persona.
 */
const CUES = /\b(?:[Hh]i|[Hh]ey|[Hh]ello|[Dd]ear|[Tt]hanks|[Tt]hank you|with|told|asked|and|met|called|emailed|texted|my friend|my boss|my colleague)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b/g;
const PAIRS = /(?<=[a-z,;:]\s)([A-Z][a-z]+\s+[A-Z][a-z]+)\b/g;
const HANDLES = /@[\w.-]{2,}/g;
const NOT_NAMES = new Set(['I', 'The', 'A', 'An', 'It', 'This', 'That', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'God', 'You', 'All', 'Everyone', 'Team', 'Guys', 'Folks']);

export const createRedactor = () => {
  const names = new Map<string, string>();
  const alias = (name: string): string => {
    const key = name.trim();
    let label = names.get(key);
    if (!label) {
      const n = names.size;
      label = `Person${n < 26 ? String.fromCharCode(65 + n) : n + 1}`;
      names.set(key, label);
    }
    return label;
  };
  const redact = (text: string): string =>
    text
      .replace(CUES, (match, name: string) => (NOT_NAMES.has(name.split(/\s+/)[0]!) ? match : match.replace(name, alias(name))))
      .replace(PAIRS, (name: string) => (NOT_NAMES.has(name.split(/\s+/)[0]!) ? name : alias(name)))
      .replace(HANDLES, (handle) => alias(handle));
  /** Replaces every name seen so far, wherever it appears (model output repeats names from the sources). */
  const redactKnown = (text: string): string => {
    let out = text;
    for (const [name, label] of [...names].sort((a, b) => b[0].length - a[0].length)) out = out.split(name).join(label);
    return out;
  };
  return { redact, redactKnown, names };
};

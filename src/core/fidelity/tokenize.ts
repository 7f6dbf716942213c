/**
 * The tokenizer every text metric shares: Unicode-lowercased runs of letters and digits, with
 * inner apostrophes kept ("don't" is one token). Punctuation and emoji are not tokens here; the
 * character 3-gram cosine sees them instead.
 */
export const tokenize = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];

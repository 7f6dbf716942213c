import { termsOf } from '../../tasks/terms';
import type { SourceRecord } from './sources';

/**
 * Demographics the user did not state are never inferred (Li et al. 2025): an artefact that names
 * an age, gender, ethnicity, nationality, religion or orientation is dropped unless the user's own
 * writing in its evidence uses the same word.
 */
const DEMOGRAPHIC = /\b(\d{1,2}[- ]year[- ]old|teen(?:ager)?|twenties|thirties|forties|fifties|sixties|elderly|retiree|male|female|man|woman|men|women|boy|girl|husband|wife|mother|father|mom|dad|he|she|his|her|him|hers|gay|lesbian|straight|bisexual|transgender|christian|muslim|jewish|hindu|buddhist|atheist|catholic|white|black|asian|hispanic|latino|latina|american|british|indian|chinese|german|french)\b/gi;

export const unstatedDemographics = (text: string, evidence: SourceRecord[]): string[] => {
  const own = evidence.filter((s) => s.kind === 'writing').map((s) => s.text.toLowerCase()).join(' ');
  const found = new Set((text.match(DEMOGRAPHIC) ?? []).map((w) => w.toLowerCase()));
  return [...found].filter((word) => !new RegExp(`\\b${word}\\b`).test(own));
};

export const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

/**
 * A claim must say something its records say: a quarter of its content words (and at least two, or
 * all of a shorter claim's) appear in the records it cites. It needs no model, so it holds however
 * small the judge is.
 */
export const unsupported = (text: string, evidence: SourceRecord[]): boolean => {
  const own = termsOf(text);
  const cited = termsOf(evidence.map((s) => s.text).join(' '));
  const shared = [...own].filter((t) => cited.has(t)).length;
  return shared < Math.min(2, own.size) || shared < own.size / 4;
};

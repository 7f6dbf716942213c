import type { ChatMessage } from '../engine/port';
import type { PersonaDoc } from '../persona/types';
import type { Evidence } from '../tasks/evidence';
import type { BuiltPrompt } from './draft-reply';
import { clip } from './fence';
import { describePersona } from './persona-block';
import { assemblePrompt, evidenceBlock, packContext } from './task-prompt';

export type SurveyScale =
  | { kind: 'likert'; labels: string[] }
  | { kind: 'numeric'; min: number; max: number; step: number };

export interface SurveyItem {
  question: string;
  scale: SurveyScale;
}

export const LIKERT_5 = ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'];

/** More options than this make scoring slow and the distribution thin. */
export const MAX_SURVEY_OPTIONS = 21;

/** The answers a scale allows, each with the value its expected value counts. */
export const scaleOptions = (scale: SurveyScale): { option: string; value: number; label: string }[] => {
  if (scale.kind === 'likert') return scale.labels.map((label, i) => ({ option: String(i + 1), value: i + 1, label }));
  const out: { option: string; value: number; label: string }[] = [];
  for (let v = scale.min; v <= scale.max + 1e-9 && out.length < MAX_SURVEY_OPTIONS; v += scale.step) {
    const value = Math.round(v * 1000) / 1000;
    out.push({ option: String(value), value, label: String(value) });
  }
  return out;
};

export const validScale = (scale: SurveyScale): boolean =>
  scale.kind === 'likert'
    ? scale.labels.length >= 2 && scale.labels.length <= 11 && scale.labels.every((l) => l.trim().length > 0)
    : Number.isFinite(scale.min) && Number.isFinite(scale.max) && scale.step > 0 && scale.max > scale.min && (scale.max - scale.min) / scale.step + 1 <= MAX_SURVEY_OPTIONS;

export interface SurveyPrompt extends BuiltPrompt {
  scoring: { key: 'answer'; messages: ChatMessage[]; options: string[] };
}

export interface SurveyInput {
  item: SurveyItem;
  persona?: PersonaDoc;
  evidence: Evidence[];
  budget?: number;
}

/** Answer a survey item as the user: the free-text step gives the reason, the scoring step the distribution. */
export const buildSurveyPrompt = (input: SurveyInput): SurveyPrompt => {
  const packed = packContext(input.persona ? describePersona(input.persona) : '', input.evidence, input.budget);
  const options = scaleOptions(input.item.scale);
  const scaleText = input.item.scale.kind === 'likert' ? options.map((o) => `${o.option} = ${o.label}`).join('\n') : `A number from ${input.item.scale.min} to ${input.item.scale.max} in steps of ${input.item.scale.step}.`;
  const blocks = [
    { label: 'The user (persona)', text: packed.persona || 'No persona has been built yet: go by the records.' },
    { label: 'Records of the user, each led by its id', text: packed.evidence.length ? evidenceBlock(packed.evidence) : 'None match this item.' },
    { label: 'The survey item', text: clip(input.item.question, 600) },
    { label: 'The answer scale', text: scaleText },
  ];
  const role = 'You answer survey items as this user would, from what is known about them.';
  // The reason and the scored answer share everything up to their question (one prefill on a CPU engine).
  const task = 'Answer the survey item below as me.';
  const messages = assemblePrompt({ role, task, blocks, question: 'How would I answer it, and why?', lengthHint: 'One sentence.', output: 'Output only that sentence.' });
  const scoring = {
    key: 'answer' as const,
    options: options.map((o) => o.option),
    messages: assemblePrompt({ role, task, blocks, question: 'Which answer on the scale would I give?', output: `Output only the answer: one of ${options.map((o) => o.option).join(', ')}.` }),
  };
  return { messages, scoring, evidence: packed.evidence, contextTokens: packed.tokens };
};

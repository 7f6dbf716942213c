import * as v from 'valibot';
import type { GenerateClientMessage } from './protocol';

/** Every method of a message map has a payload schema; a method without one fails the type check. */
export type MethodSchemas<M> = {
  [K in keyof M & string]: v.GenericSchema<unknown, M[K] extends (input: infer P) => unknown ? P : never>;
};

/** Ids Doppel mints are short; anything longer is not one of ours. */
export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
export const count = v.pipe(v.number(), v.finite());
export const nonNegativeInt = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
export const url = v.pipe(v.string(), v.maxLength(8192));
/** Methods that take no input: whatever else arrives is dropped. */
export const empty = v.object({});

export const chatMessage = v.object({ role: v.picklist(['system', 'user', 'assistant']), content: v.string() });
export const generateRequest = v.object({
  messages: v.array(chatMessage),
  maxTokens: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(32768)),
  temperature: v.pipe(v.number(), v.minValue(0), v.maxValue(5)),
  jsonSchema: v.optional(v.record(v.string(), v.unknown())),
  stop: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(64))), v.maxLength(8))),
  repeatPenalty: v.optional(v.pipe(v.number(), v.minValue(1), v.maxValue(2))),
  seed: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(0xffffffff))),
});
export const scoreRequest = v.object({ messages: v.array(chatMessage), options: v.pipe(v.array(v.string()), v.minLength(1), v.maxLength(64)) });
export const gpuModelChoice = v.object({
  modelId: id,
  custom: v.optional(v.object({ modelUrl: url, modelLibUrl: url, vramMB: v.optional(count) })),
  downloadBytes: v.optional(count),
});

/** A sentence for the user, naming the first field that was wrong. */
export const describeIssues = (method: string, issues: readonly v.BaseIssue<unknown>[]): string => {
  const first = issues[0];
  const path = first ? v.getDotPath(first) : null;
  return `Doppel could not read the request ${method}${path ? ` (field "${path}")` : ''}. Reload the page and try again.`;
};

/** What a surface may send over the generate port. */
export const generateClientMessage: v.GenericSchema<unknown, GenerateClientMessage> = v.variant('type', [v.object({ type: v.literal('start'), jobId: id }), v.object({ type: v.literal('keepalive') })]);

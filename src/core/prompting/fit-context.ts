import type { ChatMessage } from '../engine/port';

const MARK = '\n[…]\n';
const FLOOR = 200;

/**
 * Shortens a conversation to about `fraction` of its length, cutting from the middle of the
 * longest messages (where the fenced evidence and page text sit), so the task line at the start
 * and the instructions at the end survive. Used when a prompt overflows a small model's context.
 */
export const shrinkMessages = (messages: readonly ChatMessage[], fraction: number): ChatMessage[] => {
  const total = messages.reduce((sum, m) => sum + m.content.length, 0);
  let toCut = Math.ceil(total * (1 - Math.min(Math.max(fraction, 0), 1)));
  const out = messages.map((m) => ({ ...m }));
  const order = out
    .map((m, i) => ({ i, length: m.content.length }))
    .sort((a, b) => b.length - a.length)
    .map(({ i }) => i);
  for (const i of order) {
    if (toCut <= 0) break;
    const message = out[i]!;
    const removable = Math.max(0, message.content.length - FLOOR);
    const cut = Math.min(removable, toCut + MARK.length);
    if (cut <= MARK.length) continue;
    const keep = message.content.length - cut;
    const head = Math.ceil(keep * 0.6);
    message.content = message.content.slice(0, head) + MARK + message.content.slice(message.content.length - (keep - head));
    toCut -= cut - MARK.length;
  }
  return out;
};

/** llama.cpp's own words when a prompt does not fit: "request (3081 tokens) exceeds the available context size (2048 tokens)". */
export const contextOverflow = (message: string): { requested: number; available: number } | null => {
  const match = /request \((\d+) tokens\) exceeds the available context size \((\d+) tokens\)/.exec(message);
  return match ? { requested: Number(match[1]), available: Number(match[2]) } : null;
};

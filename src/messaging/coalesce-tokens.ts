import type { GenerateHostMessage } from './protocol';

/**
 * Posting every token across processes slows the engine that produced it (about a fifth, on the
 * CPU engine at ~1,000 tok/s). Tokens are gathered for `windowMs` and sent as one message; any
 * other message first flushes what is pending, so order is kept.
 */
export const coalesceTokens = (send: (message: GenerateHostMessage) => void, windowMs = 16) => {
  let pending: { piece: string; tokens: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const { piece, tokens } = pending;
    pending = null;
    send({ type: 'token', piece, tokens });
  };
  const post = (message: GenerateHostMessage) => {
    if (message.type !== 'token') {
      flush();
      send(message);
      return;
    }
    pending = pending ? { piece: pending.piece + message.piece, tokens: message.tokens } : { piece: message.piece, tokens: message.tokens };
    timer ??= setTimeout(flush, windowMs);
  };
  return { post, flush };
};

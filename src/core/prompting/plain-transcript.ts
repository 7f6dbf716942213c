import type { ChatMessage } from '../engine/port';

/**
 * For models without a chat template (base models such as the stories260K test fixture): the
 * conversation as plain text that ends where the assistant's turn begins.
 */
export const toPlainTranscript = (messages: ChatMessage[]): string =>
  `${messages.map((m) => `${m.role === 'assistant' ? 'Assistant' : m.role === 'system' ? 'Instructions' : 'User'}: ${m.content}`).join('\n\n')}\n\nAssistant:`;

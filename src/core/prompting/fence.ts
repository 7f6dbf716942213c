/**
 * Page and selection text is data, never instructions: it goes inside a fence the text itself
 * cannot close, after the instructions that say so.
 */
export const FENCE = '------';

/** Any run of three or more dashes (or dash-like characters) becomes one em dash, so no data can spell the fence. */
const DASH_RUN = /[-‐‑‒–—―−﹣－]{3,}/g;

/**
 * Chat-template control tokens (ChatML, Llama 2/3, Gemma, Mistral, DeepSeek, GPT-style). A page
 * that spells one could forge a conversation turn once the prompt is rendered into the template
 * and tokenized with special tokens on; neutralised text still reads the same to a person.
 */
const TEMPLATE_TOKEN = new RegExp(
  [
    String.raw`<\s*[|｜][^<>\n]{0,48}[|｜]\s*>`, // <|im_start|>, <|eot_id|>, <|endoftext|>, <｜begin▁of▁sentence｜>
    String.raw`<\s*\/?\s*(?:s|bos|eos|pad|unk|start_of_turn|end_of_turn|start_of_image|end_of_image)\s*>`, // <s>, </s>, <start_of_turn>
    String.raw`\[\s*\/?\s*(?:INST|SYS|SYSTEM_PROMPT|AVAILABLE_TOOLS|TOOL_CALLS|TOOL_RESULTS)\s*\]`, // [INST], [/INST]
    String.raw`<<\s*\/?\s*SYS\s*>>`, // <<SYS>>
  ].join('|'),
  'gi',
);

const LOOKALIKE: Record<string, string> = { '<': '‹', '>': '›', '[': '⁅', ']': '⁆', '|': '¦', '｜': '¦' };

const neutralise = (token: string): string => token.replace(/[<>[\]|｜]/g, (c) => LOOKALIKE[c] ?? c);

export const defang = (text: string): string => text.replace(DASH_RUN, '—').replace(TEMPLATE_TOKEN, neutralise);

export const fenceData = (label: string, text: string): string => `${defang(label)}:\n${FENCE}\n${defang(text).trim()}\n${FENCE}`;

/** Cuts text to about `maxChars`, at a word boundary where one is near. */
export const clip = (text: string, maxChars: number): string => {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars * 0.8 ? cut.slice(0, space) : cut}…`;
};

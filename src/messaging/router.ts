import * as v from 'valibot';
import { fail, toAppError, type Result } from '../core/result';
import { CONTENT_SCRIPT_METHODS, type Envelope, type Handlers, type SenderInfo } from './protocol';
import { describeIssues, type MethodSchemas } from './schemas';

export interface RawSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; incognito?: boolean };
  frameId?: number;
}

/** Doppel's own pages share its origin; content scripts report the page they run in. */
export const describeSender = (sender: RawSender, extensionId: string, extensionOrigin: string): SenderInfo => {
  const url = sender.url;
  const trusted = sender.id === extensionId && typeof url === 'string' && url.startsWith(extensionOrigin);
  return { url, tabId: sender.tab?.id, frameId: sender.frameId, incognito: sender.tab?.incognito === true, trusted };
};

const isRequest = (message: unknown): message is Envelope =>
  typeof message === 'object' &&
  message !== null &&
  typeof (message as { method?: unknown }).method === 'string' &&
  typeof (message as { to?: unknown }).to === 'string';

/**
 * Returns a runtime.onMessage listener. It answers (with a Promise) only requests addressed to
 * `to` whose method it has a handler for, and returns undefined otherwise so another context can.
 * The sender is checked first, then the payload against the method's schema: a handler only ever
 * sees input of the type it declares.
 */
export const createRouter = <M>(
  to: Envelope['to'],
  handlers: Handlers<M>,
  schemas: MethodSchemas<M>,
  identify: (sender: RawSender) => SenderInfo,
  ready: Promise<unknown> = Promise.resolve(),
) => {
  const table = handlers as Record<string, (params: unknown, sender: SenderInfo) => Promise<Result<unknown>>>;
  const schemaOf = schemas as Record<string, v.GenericSchema | undefined>;
  return (message: unknown, rawSender: RawSender): Promise<Result<unknown>> | undefined => {
    if (!isRequest(message) || message.to !== to) return undefined;
    const handler = Object.hasOwn(table, message.method) ? table[message.method] : undefined;
    if (!handler) return undefined;
    const sender = identify(rawSender);
    if (!sender.trusted && !CONTENT_SCRIPT_METHODS.has(message.method)) {
      return Promise.resolve(fail('forbidden', `${message.method} may only be called from Doppel's own pages.`));
    }
    const schema = Object.hasOwn(schemaOf, message.method) ? schemaOf[message.method] : undefined;
    const parsed = schema ? v.safeParse(schema, message.params) : undefined;
    if (!parsed?.success) return Promise.resolve(fail('bad_request', describeIssues(message.method, parsed?.issues ?? [])));
    return ready.then(() => handler(parsed.output, sender)).catch((error: unknown) => ({ ok: false as const, error: toAppError(error) }));
  };
};

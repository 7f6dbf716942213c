import * as v from 'valibot';
import browser, { type Runtime } from 'webextension-polyfill';
import type { EngineHost } from '../../adapters/engine/engine-host';
import { coalesceTokens } from '../../messaging/coalesce-tokens';
import { GENERATE_PORT, type GenerateHostMessage } from '../../messaging/protocol';
import { generateClientMessage } from '../../messaging/schemas';

/**
 * Each surface streams a job over its own port. When the port closes (popup closed, panel closed,
 * tab gone) the job's generation is interrupted, so the engine never works for nobody.
 */
export const serveGeneratePorts = (host: EngineHost): void => {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== GENERATE_PORT) return;
    const trusted = port.sender?.url?.startsWith(browser.runtime.getURL('')) ?? false;
    if (!trusted) {
      port.disconnect();
      return;
    }
    const controller = new AbortController();
    let open = true;
    port.onDisconnect.addListener(() => {
      open = false;
      controller.abort();
    });
    const { post } = coalesceTokens((message: GenerateHostMessage) => {
      if (open) port.postMessage(message);
    });
    port.onMessage.addListener((message: unknown) => {
      // Port messages are payloads like any other: checked against their schema before use.
      const parsed = v.safeParse(generateClientMessage, message);
      if (!parsed.success || parsed.output.type !== 'start') return;
      void host.generate(parsed.output.jobId, post, controller.signal).finally(() => {
        if (open) port.disconnect();
      });
    });
  });
};

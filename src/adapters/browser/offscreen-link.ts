import { callEngineHost } from '../../messaging/client';
import type { Answer, EngineHostMethods, MethodName, Params } from '../../messaging/protocol';
import type { Result } from '../../core/result';

export interface EngineHostLink {
  ensure(): Promise<void>;
  call<K extends MethodName<EngineHostMethods>>(method: K, params: Params<EngineHostMethods, K>): Promise<Result<Answer<EngineHostMethods, K>>>;
}

const OFFSCREEN_PATH = 'offscreen/index.html';
let creating: Promise<void> | null = null;

/**
 * Chrome: the engine lives in an offscreen document, because the service worker is evicted when
 * idle and a popup dies when closed. Only one offscreen document may exist per extension.
 */
export const offscreenLink: EngineHostLink = {
  async ensure() {
    const url = chrome.runtime.getURL(OFFSCREEN_PATH);
    const existing = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
    if (existing.length > 0) return;
    creating ??= chrome.offscreen
      .createDocument({ url, reasons: [chrome.offscreen.Reason.WORKERS], justification: 'Runs the on-device language model for every Doppel surface.' })
      .catch((error: unknown) => {
        // Two callers racing after a service-worker restart: the other one created it.
        if (!(error instanceof Error && /single offscreen document/i.test(error.message))) throw error;
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  },
  async call(method, params) {
    await this.ensure();
    return callEngineHost(method, params);
  },
};

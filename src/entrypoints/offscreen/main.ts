import browser from 'webextension-polyfill';
import { identifySender } from '../../adapters/browser/sender';
import { createRouter } from '../../messaging/router';
import type { EngineHostMethods } from '../../messaging/protocol';
import { engineHostSchemas } from '../../messaging/methods/host';
import { startEngineHost } from './start-engine-host';

const { handlers } = startEngineHost();
browser.runtime.onMessage.addListener(createRouter<EngineHostMethods>('engine-host', handlers, engineHostSchemas, identifySender));

import type { Result } from '../../core/result';
import type { EngineHostMethods, Handlers } from '../../messaging/protocol';
import type { EngineHostLink } from './offscreen-link';

/**
 * Firefox has no offscreen documents; its background page can run the engine itself, and a page
 * cannot message itself, so the background calls the host's handlers directly.
 */
export const createInProcessLink = (start: () => Promise<Handlers<EngineHostMethods>>): EngineHostLink => {
  let handlers: Promise<Handlers<EngineHostMethods>> | null = null;
  const ready = () => (handlers ??= start());
  return {
    async ensure() {
      await ready();
    },
    async call(method, params) {
      const table = (await ready()) as unknown as Record<string, (p: unknown, s: { trusted: boolean }) => Promise<Result<never>>>;
      return table[method]!(params, { trusted: true });
    },
  };
};

import type { EngineHostLink } from '../../adapters/browser/offscreen-link';
import type { JobStore } from '../../adapters/db/job-store';
import type { PageStore } from '../../adapters/db/page-store';
import type { WritingStore } from '../../adapters/db/writing-store';
import type { ReactionStore } from '../../adapters/db/reaction-store';
import type { PersonaDoc } from '../../core/persona/types';

/** Everything the background's handlers use, built once in index.ts. */
export interface BackgroundDeps {
  pages: PageStore;
  writings: WritingStore;
  jobs: JobStore;
  host: EngineHostLink;
  reactions: ReactionStore;
  persona: () => Promise<PersonaDoc | undefined>;
}

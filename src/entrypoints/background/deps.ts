import type { EngineHostLink } from '../../adapters/browser/offscreen-link';
import type { JobStore } from '../../adapters/db/job-store';
import type { PageStore } from '../../adapters/db/page-store';
import type { PersonaStore } from '../../adapters/db/persona-store';
import type { WritingStore } from '../../adapters/db/writing-store';

/** Everything the background's handlers use, built once in index.ts. */
export interface BackgroundDeps {
  pages: PageStore;
  writings: WritingStore;
  jobs: JobStore;
  personas: PersonaStore;
  host: EngineHostLink;
}

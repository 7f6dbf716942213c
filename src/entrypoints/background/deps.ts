import type { EngineHostLink } from '../../adapters/browser/offscreen-link';
import type { DemoStore } from '../../adapters/db/demo-store';
import type { DataStore } from '../../adapters/db/data-store';
import type { Ingest } from '../../adapters/db/ingest';
import type { JobStore } from '../../adapters/db/job-store';
import type { PageStore } from '../../adapters/db/page-store';
import type { ReportStore } from '../../adapters/db/report-store';
import type { PersonaStore } from '../../adapters/db/persona-store';
import type { WritingStore } from '../../adapters/db/writing-store';
import type { ReactionStore } from '../../adapters/db/reaction-store';
import type { SearchIndex } from '../../adapters/db/search-index';
import type { EvidencePool } from '../../adapters/db/evidence-pool';
import type { PersonaDoc } from '../../core/persona/types';

/** Everything the background's handlers use, built once in index.ts. */
export interface BackgroundDeps {
  pages: PageStore;
  writings: WritingStore;
  jobs: JobStore;
  demo: DemoStore;
  personas: PersonaStore;
  host: EngineHostLink;
  /** Batched writes of captured pages, visits, writings and reactions. */
  ingest: Ingest;
  data: DataStore;
  reports: ReportStore;
  reactions: ReactionStore;
  /** The whole-history full-text index every task draws its evidence from. */
  search: SearchIndex;
  /** The records a task may cite for what it is about: whole-history matches plus the newest few. */
  evidence: (query: string, site?: string) => Promise<EvidencePool>;
  persona: () => Promise<PersonaDoc | undefined>;
  /** Readable text of a page's markup, extracted in the engine host; undefined when it could not be. */
  extract: (html: string) => Promise<{ title: string; text: string } | undefined>;
  /** Size of the model tasks will run on (the one selected last), if any is installed. */
  modelBytes: () => Promise<number | undefined>;
}

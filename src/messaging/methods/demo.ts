import type { DemoCounts } from '../../adapters/db/demo-store';

export interface DemoMethods {
  'demo.load': (input: Record<string, never>) => DemoCounts;
  'demo.remove': (input: Record<string, never>) => DemoCounts;
  'demo.status': (input: Record<string, never>) => DemoCounts;
}

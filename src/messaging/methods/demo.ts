import * as v from 'valibot';
import type { DemoCounts } from '../../core/model/demo-counts';
import { empty, type MethodSchemas } from '../schemas';

export interface DemoMethods {
  'demo.load': (input: Record<string, never>) => DemoCounts;
  'demo.remove': (input: Record<string, never>) => DemoCounts;
  'demo.status': (input: Record<string, never>) => DemoCounts;
}

export const demoSchemas: MethodSchemas<DemoMethods> = { 'demo.load': empty, 'demo.remove': empty, 'demo.status': empty };

import { fileURLToPath } from 'node:url';
import { loadEngine } from '../../src/load-engine.ts';
import { silentLog } from './test-log.ts';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds', import.meta.url));
export const SEED_ID = '000_f17fd30403ef36f3.txt';

export const loadSeedEngine = () => loadEngine(SEEDS_DIR, silentLog);

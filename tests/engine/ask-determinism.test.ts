import { describe, expect, it } from 'vitest';
import { loadSeedEngine } from '../support/seed-engine.ts';

describe('an answer does not depend on what was asked before', () => {
  it('the first ask over a fresh engine equals the same ask repeated (article analysis is lazy; evidence must not depend on it)', async () => {
    const questions = ['Who captured the palace in Aleppo?', 'When was the palace invaded?', 'What did the rebels capture along with the palace?'];
    for (const q of questions) {
      const fresh = await loadSeedEngine();
      const first = fresh.ask(q);
      expect(fresh.ask(q)).toEqual(first);
    }
  });
});

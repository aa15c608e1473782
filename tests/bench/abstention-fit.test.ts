import { describe, expect, it } from 'vitest';
import { fitLogistic, fitLogisticNewton, predict, type Row } from '../../bench/calibrate/logistic.ts';
import { nameRuns, swappedQuestions } from '../../bench/calibrate/swap-names.ts';
import type { QaRow } from '../../bench/eval-data.ts';

/** A small separable-with-noise set: y follows a and against b, deterministically. */
function rows(): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < 200; i++) {
    const a = (i * 37) % 100 / 100;
    const b = (i * 61) % 100 / 100;
    out.push({ x: { a, b }, y: a - 0.5 * b + ((i * 13) % 10) / 20 > 0.5 ? 1 : 0, group: `g${i % 7}` });
  }
  return out;
}

describe('fitLogisticNewton', () => {
  it('reaches the weights gradient descent converges to', () => {
    const data = rows();
    const newton = fitLogisticNewton(data, ['a', 'b'], 0.01);
    const descent = fitLogistic(data, ['a', 'b'], 0.01, 20000);
    for (const k of ['bias', 'a', 'b']) expect(newton[k]!).toBeCloseTo(descent[k]!, 2);
    expect(newton['a']!).toBeGreaterThan(0);
    expect(newton['b']!).toBeLessThan(0);
    expect(predict(newton, { a: 1, b: 0 })).toBeGreaterThan(predict(newton, { a: 0, b: 1 }));
  });
});

describe('fitLogisticNewton with a fixed offset per row', () => {
  it('fits only what the offset leaves: an offset that already holds a is given no weight for a', () => {
    const data = rows();
    // (almost no penalty: a penalised fit leaves room that a second penalised fit over it would take)
    const full = fitLogisticNewton(data, ['a', 'b'], 1e-6);
    // the model fitted on a and b as a fixed offset: refitting a and b over it adds nothing
    const withOffset = data.map((r) => ({ ...r, offset: (full['bias'] ?? 0) + (full['a'] ?? 0) * r.x.a! + (full['b'] ?? 0) * r.x.b! }));
    const over = fitLogisticNewton(withOffset, ['a', 'b'], 1e-6);
    expect(Math.abs(full['a']!)).toBeGreaterThan(1);
    expect(Math.abs(over['a']!)).toBeLessThan(0.1);
    expect(Math.abs(over['bias']!)).toBeLessThan(0.1);
    // and scoring adds the offset back
    expect(predict(over, { a: 1, b: 0 }, withOffset[0]!.offset)).not.toBe(predict(over, { a: 1, b: 0 }));
  });
});

const qa = (id: string, title: string, question: string, context: string): QaRow => ({ id, title, paragraphIndex: 0, context, question, answers: ['x'] });

describe('swappedQuestions', () => {
  it('finds the capitalised runs after the first word', () => {
    expect(nameRuns('Who did Genghis Khan unite in Northeast Asia?')).toEqual(['Genghis Khan', 'Northeast Asia']);
  });

  it('replaces a name by one from another article that the paragraph does not hold', () => {
    const list = swappedQuestions([
      qa('1', 'Mongols', 'Who did Genghis Khan unite?', 'Genghis Khan united the tribes.'),
      qa('2', 'Physics', 'What did Isaac Newton write?', 'Isaac Newton wrote the Principia.'),
    ]);
    expect(list.map((s) => s.text)).toEqual(['Who did Isaac Newton unite?', 'What did Genghis Khan write?']);
  });

  it('skips a question whose only candidate names are in its own paragraph', () => {
    const list = swappedQuestions([
      qa('1', 'Mongols', 'Who did Genghis Khan unite?', 'Genghis Khan united the tribes; Isaac Newton came later.'),
      qa('2', 'Physics', 'What did Isaac Newton write?', 'Isaac Newton wrote the Principia.'),
    ]);
    expect(list.map((s) => s.q.id)).toEqual(['2']);
  });
});

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

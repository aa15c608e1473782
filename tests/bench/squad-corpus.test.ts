import { describe, expect, it } from 'vitest';
import { chatStyle, nearestWord, paraphrased } from '../../bench/calibrate/squad-corpus.ts';
import { stem } from '../../src/engine/text.ts';
import type { QaRow } from '../../bench/eval-data.ts';

const row = (question: string, id = 'q1'): QaRow => ({
  id,
  title: 'Harbour_bridge',
  paragraphIndex: 0,
  context: 'The harbour bridge was opened in 1932. Its steel arch was designed by the engineer Ralph Freeman for the city council.',
  question,
  answers: ['Ralph Freeman'],
});

describe('chat-typed SQuAD questions for fitting', () => {
  it('lower-cases a question and drops its question mark', () => {
    expect(chatStyle('Who designed the Harbour Bridge arch?')).toBe('who designed the harbour bridge arch');
    expect(chatStyle('  When?? ')).toBe('when');
  });

  it('drops only common words shared with the answer sentence, never names, numbers or title words', () => {
    const q = row('Who designed the steel arch of the Harbour Bridge for the council in 1932?');
    const out = paraphrased(q, 1);
    // "designed", "steel", "arch" and "council" are in the answer sentence and not in the title
    for (const gone of ['designed', 'steel', 'arch', 'council']) expect(out.split(' ')).not.toContain(gone);
    for (const kept of ['Who', 'Harbour', 'Bridge', '1932?']) expect(out.split(' ')).toContain(kept);
  });

  it('keeps the question as it is at share 0, or when no content word would stay', () => {
    const q = row('Who designed the steel arch?');
    expect(paraphrased(q, 0)).toBe(q.question);
    expect(paraphrased(q, 1)).toBe(q.question);
  });

  it('drops the same words on every run and a share of them at 0.5', () => {
    const qs = Array.from({ length: 40 }, (_, i) => row('Who designed the steel arch for the city council?', `q${i}`));
    const runs = qs.map((q) => paraphrased(q, 0.5));
    expect(qs.map((q) => paraphrased(q, 0.5))).toEqual(runs);
    const changed = runs.filter((r, i) => r !== qs[i]!.question).length;
    expect(changed).toBeGreaterThan(10);
    expect(changed).toBeLessThan(40);
  });

  it('with substitution, says the chosen words another way (their nearest word by vector) instead of dropping them', () => {
    const q = row('Who designed the steel arch of the Harbour Bridge for the council in 1932?');
    const out = paraphrased(q, 1, true).split(' ');
    for (const gone of ['designed', 'steel', 'arch', 'council']) expect(out).not.toContain(gone);
    // as many words as before: each was replaced, names, numbers and title words kept
    expect(out.length).toBe(q.question.split(' ').length);
    for (const kept of ['Who', 'Harbour', 'Bridge', '1932?']) expect(out).toContain(kept);
    expect(paraphrased(q, 1, true)).toBe(paraphrased(q, 1, true));
  });

  it('finds a frequent word of another stem as the nearest word, and none for a word without a vector', () => {
    const near = nearestWord('designed');
    expect(near).not.toBeNull();
    expect(stem(near!)).not.toBe(stem('designed'));
    expect(nearestWord('qzxvbrrk')).toBeNull();
  });
});

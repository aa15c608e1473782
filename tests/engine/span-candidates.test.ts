import { describe, expect, it } from 'vitest';
import { chooseSpan, extractSpan, scoreCandidates, SPAN_RANK_WEIGHTS, type SpanTypeOffsets } from '../../src/engine/extract-span.ts';
import { collectCandidates } from '../../src/engine/span-candidates.ts';

describe('span candidates', () => {
  it('keeps a number with its scale or percent sign', () => {
    expect(extractSpan('How much did the Jackson trial cost?', 'The Jackson trial cost $4m, court officials said.')).toBe('$4m');
    expect(extractSpan('How much did profits rise?', 'Profits rose 3.8% to £1.2bn in the third quarter.')).toBe('3.8%');
    expect(extractSpan('When does the console launch in Europe?', 'The console will launch in Europe on 11 March, the company said.')).toBe('11 March');
    expect(extractSpan('When do they play?', 'The kick-off on 17 March was brought forward from 2115 GMT to 1945 GMT.')).not.toBe('1945');
    expect(extractSpan('How fast is the new chip?', 'The new chip runs at 4.6 GHz, the firms said.')).toBe('4.6 GHz');
    expect(extractSpan('How many jobs will be cut?', 'Plans for the Falcon 25 mean some 2,000 jobs will be cut.')).toBe('2,000');
  });

  it('offers what follows "such as" when the question asks for examples', () => {
    const span = extractSpan('What are examples of Sunni Jihadist groups?', 'Sunni Jihadist groups, such as Hayat Tahrir al-Sham and the Islamic State, have targeted holy sites.');
    expect(span).toMatch(/Hayat Tahrir al-Sham/);
  });

  it('reads ", and" before a verb as joining clauses, not as a list', () => {
    const span = extractSpan('Why is the housing market slowing?', 'The housing market is slowing after interest rate increases, and economists forecast a drop in prices.');
    expect(span ?? '').not.toMatch(/, and economists$/);
  });

  it('offers whole names to a what-question, also one sharing a word with the question', () => {
    expect(extractSpan('What fort did the British capture in 1755?', 'In 1755 the British captured Fort Beauséjour on the border.')).toBe('Fort Beauséjour');
  });
});

const NO_OFFSETS: SpanTypeOffsets = { who: {}, when: {}, where: {}, number: {}, what: {}, other: {} };

describe('span choice evidence', () => {
  it('reports a margin over the best rival answer and a type match', () => {
    const choice = chooseSpan('When was the palace invaded?', 'The palace was invaded by Syrian rebels on Sunday evening.');
    expect(choice?.text).toMatch(/Sunday evening/);
    expect(choice?.typeMatch).toBe(true);
    expect(choice!.margin).toBeGreaterThan(0);
  });

  it('ranks with the weight table it is given', () => {
    const text = 'The palace was invaded by Syrian rebels on Sunday evening.';
    const flat = Object.fromEntries(Object.keys(SPAN_RANK_WEIGHTS).map((k) => [k, 0])) as typeof SPAN_RANK_WEIGHTS;
    const a = chooseSpan('Who invaded the palace?', text);
    const b = chooseSpan('Who invaded the palace?', text, [], { ...flat, passive: 5 }, NO_OFFSETS);
    expect(a?.text).toBe('Syrian rebels');
    expect(b?.text).toBe('Syrian rebels');
    expect(b!.score).toBe(5);
  });

  it('adds the offsets of the question\'s own type only', () => {
    const text = 'The palace was invaded by Syrian rebels on Sunday evening.';
    const flat = Object.fromEntries(Object.keys(SPAN_RANK_WEIGHTS).map((k) => [k, 0])) as typeof SPAN_RANK_WEIGHTS;
    const whoOffset = { ...NO_OFFSETS, who: { passive: 2 } };
    expect(chooseSpan('Who invaded the palace?', text, [], { ...flat, passive: 5 }, whoOffset)!.score).toBe(7);
    const whenOffset = { ...NO_OFFSETS, when: { passive: 2 } };
    expect(chooseSpan('Who invaded the palace?', text, [], { ...flat, passive: 5 }, whenOffset)!.score).toBe(5);
  });
});

describe('number words', () => {
  it('does not read a number word glued to a noun ("one-off") as a count', () => {
    expect(extractSpan('How much did profits rise?', 'Profits were buoyed by one-off gains.')).not.toBe('one');
    expect(extractSpan('How many players joined?', 'Twenty-five players joined the squad.')).toMatch(/^Twenty-five/);
  });
});

describe('span evidence for what the question names', () => {
  it('marks a span headed by the focus noun, and a common lower-case head word but not a common word in a name', () => {
    const { scored } = scoreCandidates('Which river flows through the city?', 'The city lies on the Rhine River, near the border of the Islamic State.');
    const of = (text: string) => scored.find((c) => c.text === text);
    expect(of('Rhine River')?.evidence.focusHead).toBe(1);
    expect(of('border')?.evidence.commonHead).toBe(1);
    expect(of('Islamic State')?.evidence.commonHead).toBe(0);
    expect(extractSpan('Which river flows through the city?', 'The city lies on the Rhine River, near the border of the Islamic State.')).toBe('Rhine River');
  });
});

describe('a weekday before a name', () => {
  it('dates the sentence and is no part of the name ("On Tuesday Foreign Secretary Jack Straw told …")', () => {
    expect(collectCandidates('who', 'On Tuesday Foreign Secretary Jack Straw told the Commons.').map((c) => c.text)).toContain('Foreign Secretary Jack Straw');
  });

  it('stays in a paper\'s name ("Sunday Times")', () => {
    expect(collectCandidates('who', 'Sunday Times editor John Witherow said so.').map((c) => c.text)).toContain('Sunday Times');
  });
});

import { describe, expect, it } from 'vitest';
import { followUpTable, runFollowUps } from '../../bench/follow-up-section.ts';
import type { FollowUpConversation } from '../../bench/news-qa.ts';
import type { ConversationTurn, Engine } from '../../src/engine/engine.ts';

type AskResult = ReturnType<Engine['ask']>;

/** A stand-in engine: answers "when?" only with the previous turn, and says what it was asked after. */
const engine = {
  ask(question: string, previous?: ConversationTurn): AskResult {
    const turn: ConversationTurn = { question, expanded: question, articleIds: ['a'] };
    const reply = (answer: string | null, quote: string | null, short = false) =>
      ({ answer: { answer, quote, sources: answer === null ? [] : [{ id: 'a', title: 'A' }], confidence: answer === null ? 0 : 0.9, short }, span: null, turn }) as unknown as AskResult;
    if (question === 'who won') return reply('Smith', 'Smith won the race.', true);
    if (question === 'when?') return previous ? reply('on Sunday', 'Smith won on Sunday.') : reply(null, null);
    if (question === 'how much were tickets') return reply('£5', 'A programme cost £5.', true);
    return reply(null, null);
  },
};

const conversations: FollowUpConversation[] = [
  {
    id: 'c1',
    turns: [
      { id: 'c1.1', question: 'who won', kind: 'first', answers: ['Smith'], article: 'a' },
      { id: 'c1.2', question: 'when?', kind: 'follow-up', answers: ['Sunday'], article: 'a' },
      { id: 'c1.3', question: 'how much were tickets', kind: 'unanswerable', answers: [], article: null },
    ],
  },
];

describe('the follow-up table', () => {
  const { rows, replies } = runFollowUps(engine, conversations, (x, y) => x === y);
  const row = (name: string) => rows.find((r) => r.row === name);

  it('threads the previous turn in conversation, and asks later turns alone as well', () => {
    expect(row('follow-up needing context')).toMatchObject({ turns: 1, answeredPct: 100, supportedPct: 100, rightArticlePct: 100 });
    expect(row('follow-up needing context, asked alone')).toMatchObject({ answeredPct: 0, supportedPct: 0 });
    expect(replies.find((r) => r.id === 'c1.1')?.alone).toBeNull();
  });

  it('counts an answer to an unanswerable turn, and a short one, against it', () => {
    expect(row('unanswerable follow-up')).toMatchObject({ abstainedPct: 0, shortAnswers: 1, shortPrecisionPct: 0, sure: 1, sureHeld: 0 });
    const lines = followUpTable(rows);
    expect(lines[0]).toContain('shown sure (held %)');
    expect(lines.find((l) => l.startsWith('| unanswerable follow-up |'))).toContain('| 100.0 |');
  });
});

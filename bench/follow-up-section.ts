// The follow-up table of the bench's newsqa section: each conversation of bench/news-qa-followups.jsonl
// asked on one Engine with the previous turn threaded as the Bot does, scored per kind of turn,
// beside every later turn asked alone (what the context buys).
import { unsureNote } from '../src/bot/reply.ts';
import type { ConversationTurn, Engine } from '../src/engine/engine.ts';
import { FOLLOW_UP_KINDS, followUpItem, supportsAnswer, scoreNewsQa, type FollowUpConversation, type FollowUpKind, type FollowUpTurn, type NewsQaReply, type NewsQaScores } from './news-qa.ts';

type AskingEngine = Pick<Engine, 'ask'>;

/** What one turn got, in the conversation and asked alone. */
export interface FollowUpReply {
  id: string;
  question: string;
  kind: FollowUpKind;
  inConversation: NewsQaReply & { confidence: number; supported: boolean };
  alone: (NewsQaReply & { confidence: number; supported: boolean }) | null;
  /** The conversation's remembered words after this turn (what the next turn inherits). */
  expanded: string;
}

/** One table row: the scores of one kind of turn, asked in conversation or alone. */
export interface FollowUpRow extends NewsQaScores {
  row: string;
  kind: FollowUpKind;
  asked: 'in conversation' | 'alone';
  turns: number;
  /** Answers shown as sure (short, or confidence ≥ the unsure line), and how many of them hold an answer. */
  sure: number;
  sureHeld: number;
}

const ROW_NAMES: Record<FollowUpKind, string> = {
  first: 'first question',
  'follow-up': 'follow-up needing context',
  standalone: 'standalone mid-conversation',
  unanswerable: 'unanswerable follow-up',
};

function replyOf(engine: AskingEngine, turn: FollowUpTurn, previous: ConversationTurn | undefined) {
  const r = engine.ask(turn.question, previous);
  const a = r.answer;
  const reply = { answer: a.answer, quote: a.quote, firstSource: a.sources[0]?.id ?? null, short: a.short, confidence: a.confidence };
  return { reply: { ...reply, supported: a.quote !== null && supportsAnswer(a.quote, turn.answers) }, turn: r.turn };
}

/** Asks every conversation in order, each later turn also alone; `same` tells a copy of the expected article from another. */
export function runFollowUps(engine: AskingEngine, conversations: readonly FollowUpConversation[], same: (a: string, b: string) => boolean): { rows: FollowUpRow[]; replies: FollowUpReply[] } {
  const replies: FollowUpReply[] = [];
  for (const c of conversations) {
    let previous: ConversationTurn | undefined;
    for (const turn of c.turns) {
      const got = replyOf(engine, turn, previous);
      const alone = turn.kind === 'first' ? null : replyOf(engine, turn, undefined).reply;
      replies.push({ id: turn.id, question: turn.question, kind: turn.kind, inConversation: got.reply, alone, expanded: got.turn.expanded });
      previous = got.turn;
    }
  }
  const turns = conversations.flatMap((c) => c.turns);
  const rows: FollowUpRow[] = [];
  for (const asked of ['in conversation', 'alone'] as const) {
    for (const kind of FOLLOW_UP_KINDS) {
      if (asked === 'alone' && kind === 'first') continue;
      const of = turns.filter((t) => t.kind === kind);
      const byId = new Map<string, NewsQaReply>();
      for (const r of replies) {
        const reply = asked === 'alone' ? r.alone : r.inConversation;
        if (r.kind === kind && reply) byId.set(r.id, { answer: reply.answer, quote: reply.quote, firstSource: reply.firstSource, short: reply.short });
      }
      let sure = 0, sureHeld = 0;
      for (const r of replies) {
        const reply = asked === 'alone' ? r.alone : r.inConversation;
        if (r.kind !== kind || !reply || reply.answer === null || unsureNote({ answer: reply.answer, short: reply.short === true, confidence: reply.confidence }) !== null) continue;
        sure++;
        if (reply.supported) sureHeld++;
      }
      rows.push({ row: asked === 'alone' ? `${ROW_NAMES[kind]}, asked alone` : ROW_NAMES[kind], kind, asked, turns: of.length, sure, sureHeld, ...scoreNewsQa(of.map(followUpItem), byId, same) });
    }
  }
  return { rows, replies };
}

const fmt = (x: number | undefined, digits = 1) => (x === undefined ? '–' : x.toFixed(digits));

/** The markdown table: one row per kind of turn, then the later turns asked alone. */
export function followUpTable(rows: readonly FollowUpRow[]): string[] {
  const header = ['turns', 'n', 'answered', 'right article first', 'supported', 'F1', 'short precision', 'short coverage', 'shown sure (held %)', 'abstained'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 1 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const r of rows) {
    const unanswerable = r.kind === 'unanswerable';
    // an unanswerable turn has no article, no supporting quote and no F1: only abstaining counts
    const cells = [r.row, String(r.turns), unanswerable ? fmt(100 - r.abstainedPct) : fmt(r.answeredPct), unanswerable ? '–' : fmt(r.rightArticlePct), unanswerable ? '–' : fmt(r.supportedPct), unanswerable ? '–' : fmt(r.f1, 2), r.shortAnswers ? fmt(r.shortPrecisionPct) : '–', fmt(r.shortCoveragePct), `${r.sure} (${r.sure ? fmt((100 * r.sureHeld) / r.sure) : '–'})`, unanswerable ? fmt(r.abstainedPct) : '–'];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

// The news QA dev set (bench/news-qa.jsonl): its reader, its corpus (seed + BBC) and its scoring.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCorpus } from '../src/engine/corpus/load-corpus.ts';
import type { Article } from '../src/engine/types.ts';
import { PROJECT_ROOT } from './eval-data.ts';
import { exactMatch, f1Score, maxOverGold, normalizeAnswer } from './squad-metrics.ts';

export const NEWS_QA_FILE = path.join(PROJECT_ROOT, 'bench', 'news-qa.jsonl');
/** A fresh batch written blind on 2026-12-04 and measured once (bench/notes/freshqa.md). */
export const NEWS_QA_FRESH_FILE = path.join(PROJECT_ROOT, 'bench', 'news-qa-fresh.jsonl');
export const NEWS_QA_FRESH_LABEL = 'fresh batch (written 2026-12-04, blind at its first run)';

/** One blind batch of chat questions, `bench/news-qa-fresh*.jsonl`, reported as its own table. */
export interface FreshBatch {
  /** Its key in results.json and its table rows: "fresh" for news-qa-fresh.jsonl, "fresh2" for news-qa-fresh2.jsonl. */
  key: string;
  /** Its short name in table rows ("fresh batch", "fresh batch 2"). */
  name: string;
  label: string;
  file: string;
  /** Its notes file under bench/notes, when one is known. */
  notes: string | null;
}

/** The header of each known batch; a batch file not listed here still runs, labelled from its file name. */
const FRESH_BATCH_HEADERS: Readonly<Record<string, { label: string; notes: string }>> = {
  fresh: { label: NEWS_QA_FRESH_LABEL, notes: 'bench/notes/freshqa.md' },
  fresh2: { label: 'fresh batch 2 (written 2026-12-04 04:10–05:20 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh2.md' },
  fresh3: { label: 'fresh batch 3 (written 2026-12-04 06:55–07:55 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh3.md' },
  fresh4: { label: 'fresh batch 4 (written 2026-12-04 09:45–10:45 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh4.md' },
  fresh5: { label: 'fresh batch 5 (written 2026-12-04 13:29–13:45 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh5.md' },
  fresh6: { label: 'fresh batch 6 (written 2026-12-04 15:53–16:03 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh6.md' },
  fresh7: { label: 'fresh batch 7 (written 2026-12-04 18:27–18:35 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh7.md' },
  fresh8: { label: 'fresh batch 8 (written 2026-12-04 20:52–21:05 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh8.md' },
  fresh9: { label: 'fresh batch 9 (written 2026-12-04/05 23:03–23:12 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh9.md' },
  fresh10: { label: 'fresh batch 10 (written 2026-12-05 01:34–01:41 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh10.md' },
  fresh11: { label: 'fresh batch 11 (written 2026-12-05 04:19–04:24 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh11.md' },
  fresh12: { label: 'fresh batch 12 (written 2026-12-05 07:12–07:21 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh12.md' },
  fresh13: { label: 'fresh batch 13 (written 2026-12-05 09:27–09:32 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh13.md' },
  fresh14: { label: 'fresh batch 14 (written 2026-12-05 12:13–12:18 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh14.md' },
  fresh15: { label: 'fresh batch 15 (written 2026-12-05 14:09–14:14 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh15.md' },
  fresh16: { label: 'fresh batch 16 (written 2026-12-05 16:00–16:06 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh16.md' },
  fresh17: { label: 'fresh batch 17 (written 2026-12-05 17:26–17:31 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh17.md' },
  fresh18: { label: 'fresh batch 18 (written 2026-12-05 18:57–19:01 UTC, blind until the lead\'s final run)', notes: 'bench/notes/fresh18.md' },
  fresh19: { label: 'fresh batch 19 (written 2026-12-05 20:44–20:50 UTC, new facts of batch 1–6 articles, blind until the lead\'s final run)', notes: 'bench/notes/fresh19.md' },
  fresh20: { label: 'fresh batch 20 (written 2026-12-05 21:58–22:05 UTC, new facts of batch 7–12 articles, blind until the lead\'s final run)', notes: 'bench/notes/fresh20.md' },
  fresh21: { label: 'fresh batch 21 (written 2026-12-06 00:19–00:25 UTC, new facts of batch 13–18 articles, blind until the lead\'s final run)', notes: 'bench/notes/fresh21.md' },
  fresh22: { label: 'fresh batch 22 (written 2026-12-06 01:57–02:06 UTC, new facts of batch 1–12 articles, blind until the lead\'s final run)', notes: 'bench/notes/fresh22.md' },
  fresh23: { label: 'fresh batch 23 (written 2026-12-06 02:46–02:52 UTC, new facts of batch 1–18 articles, blind until the lead\'s final run)', notes: 'bench/notes/fresh23.md' },
  fresh24: { label: 'fresh batch 24 (written 2026-12-06 04:32–04:37 UTC, new facts of batch 1–18 articles, blind until the lead\'s final run)', notes: 'bench/notes/fresh24.md' },
};

const FRESH_FILE_PATTERN = /^news-qa-(fresh(\d*))\.jsonl$/;

/** Every `news-qa-fresh*.jsonl` in `dir`, in batch order (news-qa-fresh.jsonl is batch 1), with its label. */
export function listFreshBatches(dir: string = path.join(PROJECT_ROOT, 'bench')): FreshBatch[] {
  const found: { n: number; batch: FreshBatch }[] = [];
  for (const file of readdirSync(dir)) {
    const m = FRESH_FILE_PATTERN.exec(file);
    if (!m?.[1]) continue;
    const key = m[1];
    const n = m[2] ? Number(m[2]) : 1;
    const header = FRESH_BATCH_HEADERS[key];
    found.push({
      n,
      batch: { key, name: n === 1 ? 'fresh batch' : `fresh batch ${n}`, label: header?.label ?? `fresh batch ${n} (${file}, no header)`, file: path.join(dir, file), notes: header?.notes ?? null },
    });
  }
  return found.sort((a, b) => a.n - b.n).map((f) => f.batch);
}
export const SEED_FILE = path.join(PROJECT_ROOT, 'seeds', '000_f17fd30403ef36f3.txt');

export const QUESTION_TYPES = ['who', 'what', 'when', 'where', 'how many', 'how much', 'why', 'how'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface NewsQaItem {
  id: string;
  question: string;
  /** Every acceptable answer string; empty for an unanswerable item. */
  answers: string[];
  /** The article id as the engine names it, or null for an unanswerable item. */
  article: string | null;
  type: QuestionType;
  answerable: boolean;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Reads a JSONL set line by line: each record parsed, its "id" checked non-empty and unique, then built by `read`;
 * a malformed line throws naming its file and number (`bad`).
 */
function readIdRecords<T>(file: string, read: (o: Record<string, unknown>, id: string, bad: (what: string) => Error) => T): T[] {
  const out: T[] = [];
  const ids = new Set<string>();
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const bad = (what: string) => new Error(`${path.basename(file)}:${i + 1}: ${what}`);
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch (err) {
        throw bad(`not JSON (${(err as Error).message})`);
      }
      const o = (v ?? {}) as Record<string, unknown>;
      const id = o['id'];
      if (typeof id !== 'string' || !id) throw bad('"id" must be a non-empty string');
      if (ids.has(id)) throw bad(`duplicate id ${id}`);
      out.push(read(o, id, bad));
      ids.add(id);
    });
  return out;
}

/** Reads and checks the dev set; a malformed line throws naming its number. */
export function loadNewsQa(file: string = NEWS_QA_FILE): NewsQaItem[] {
  return readIdRecords(file, (o, id, bad) => {
    if (typeof o['question'] !== 'string' || !o['question'].trim()) throw bad('"question" must be a non-empty string');
    if (!isStringArray(o['answers'])) throw bad('"answers" must be an array of strings');
    if (o['article'] !== null && typeof o['article'] !== 'string') throw bad('"article" must be a string or null');
    if (!(QUESTION_TYPES as readonly unknown[]).includes(o['type'])) throw bad(`"type" must be one of ${QUESTION_TYPES.join(', ')}`);
    if (typeof o['answerable'] !== 'boolean') throw bad('"answerable" must be a boolean');
    if (o['answerable'] && (o['answers'].length === 0 || o['article'] === null)) throw bad('an answerable item needs answers and an article');
    if (!o['answerable'] && o['answers'].length > 0) throw bad('an unanswerable item must have no answers');
    return { id, question: o['question'], answers: o['answers'], article: o['article'], type: o['type'] as QuestionType, answerable: o['answerable'] };
  });
}

/** The set's corpus as the engine loads it: the seed article plus every BBC record, ids as the loader gives them. */
export async function loadNewsCorpus(bbcFile: string, seedFile: string = SEED_FILE): Promise<Article[]> {
  const [seed, bbc] = await Promise.all([loadCorpus(seedFile), loadCorpus(bbcFile)]);
  return [...seed.articles, ...bbc.articles];
}

/** Share of the shorter copy's distinct words the other must hold for two same-titled articles to be copies. */
export const NEAR_COPY_OVERLAP = 0.9;

const titleKey = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const distinctWords = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Whether two articles are copies of one story: the same title and nearly the same words (a re-filed copy with small edits). */
export function isNearCopy(a: Pick<Article, 'title' | 'text'>, b: Pick<Article, 'title' | 'text'>): boolean {
  if (titleKey(a.title) !== titleKey(b.title)) return false;
  const x = distinctWords(a.text);
  const y = distinctWords(b.text);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  let common = 0;
  for (const w of small) if (large.has(w)) common++;
  return small.size > 0 && common / small.size >= NEAR_COPY_OVERLAP;
}

/**
 * Whether two article ids name the same article: equal, in one exact-duplicate group
 * (clustering.jsonl's exact_dup_group: a.id → group), or, when `articleOf` is given, near copies.
 */
export function sameArticleTest(groups: ReadonlyMap<string, string>, articleOf?: (id: string) => Pick<Article, 'title' | 'text'> | undefined): (a: string, b: string) => boolean {
  return (a, b) => {
    if (a === b || (groups.has(a) && groups.get(a) === groups.get(b))) return true;
    const x = articleOf?.(a);
    const y = articleOf?.(b);
    return x !== undefined && y !== undefined && isNearCopy(x, y);
  };
}

/**
 * Whether a quote holds one of the answers, both normalised as SQuAD does (whole words); the quote is also read with its
 * hyphens as spaces and its possessive "'s" dropped, so "19-year-old" holds "19" and "Michael Moore's" "Michael Moore".
 */
export function supportsAnswer(quote: string, answers: readonly string[]): boolean {
  const readings = [quote, quote.replace(/[-‐–]/g, ' ').replace(/['’]s\b/g, '')].map((r) => ` ${normalizeAnswer(r)} `);
  return answers.some((a) => {
    const n = normalizeAnswer(a);
    return n !== '' && readings.some((q) => q.includes(` ${n} `));
  });
}

/** What one system said for one item; `short` only when the engine reports it. */
export interface NewsQaReply {
  answer: string | null;
  quote: string | null;
  firstSource: string | null;
  short?: boolean;
}

export interface NewsQaScores {
  answerable: number;
  unanswerable: number;
  answeredPct: number;
  rightArticlePct: number;
  supportedPct: number;
  em: number;
  f1: number;
  answerContainsPct: number;
  abstainedPct: number;
  /** Present only when every reply carried `short`; over all items answered, unanswerable ones included (a short answer there counts as wrong). */
  shortPrecisionPct?: number;
  shortCoveragePct?: number;
  shortAnswers?: number;
}

const pct = (num: number, den: number) => (den ? Math.round((10000 * num) / den) / 100 : 0);

/**
 * Scores replies against the set. Answerable figures are over all answerable items (an
 * abstention scores zero); abstained % is over the unanswerable ones. `sameArticle` lets an
 * exact duplicate of the expected article count as the right one.
 */
export function scoreNewsQa(
  items: readonly NewsQaItem[],
  replies: ReadonlyMap<string, NewsQaReply>,
  sameArticle: (a: string, b: string) => boolean = (a, b) => a === b,
): NewsQaScores {
  let answerable = 0, unanswerable = 0, answered = 0, rightArticle = 0, supported = 0, em = 0, f1 = 0, contains = 0, abstained = 0;
  let shortSeen = 0, shortTrue = 0, shortGood = 0, repliesSeen = 0, answeredAny = 0;
  for (const item of items) {
    const r = replies.get(item.id);
    if (!r) continue;
    repliesSeen++;
    if (typeof r.short === 'boolean') shortSeen++;
    if (!item.answerable) {
      unanswerable++;
      if (r.answer === null) abstained++;
      else {
        answeredAny++;
        // a short answer to a question the corpus cannot answer is wrong by definition
        if (r.short === true) shortTrue++;
      }
      continue;
    }
    answerable++;
    if (r.firstSource !== null && item.article !== null && sameArticle(r.firstSource, item.article)) rightArticle++;
    if (r.quote !== null && supportsAnswer(r.quote, item.answers)) supported++;
    if (r.answer === null) continue;
    answered++;
    answeredAny++;
    em += maxOverGold(exactMatch, r.answer, item.answers);
    const bestF1 = maxOverGold(f1Score, r.answer, item.answers);
    f1 += bestF1;
    if (supportsAnswer(r.answer, item.answers)) contains++;
    if (r.short === true) {
      shortTrue++;
      if (bestF1 >= 0.5) shortGood++;
    }
  }
  const scores: NewsQaScores = {
    answerable,
    unanswerable,
    answeredPct: pct(answered, answerable),
    rightArticlePct: pct(rightArticle, answerable),
    supportedPct: pct(supported, answerable),
    em: pct(em, answerable),
    f1: pct(f1, answerable),
    answerContainsPct: pct(contains, answerable),
    abstainedPct: pct(abstained, unanswerable),
  };
  // the `short` flag comes from another branch; report it only when the engine gives it
  if (repliesSeen > 0 && shortSeen === repliesSeen) {
    scores.shortPrecisionPct = pct(shortGood, shortTrue);
    scores.shortCoveragePct = pct(shortTrue, answeredAny);
    scores.shortAnswers = shortTrue;
  }
  return scores;
}

// ---------------------------------------------------------------------------------------------
// The follow-up dev set (bench/news-qa-followups.jsonl): conversations of two or three turns.

export const NEWS_QA_FOLLOWUPS_FILE = path.join(PROJECT_ROOT, 'bench', 'news-qa-followups.jsonl');

/**
 * What a turn is: the conversation's opening question; a follow-up that needs the earlier turns
 * ("when?", "who leads it"); a standalone question mid-conversation that must not take the old
 * context; a follow-up its article cannot answer.
 */
export const FOLLOW_UP_KINDS = ['first', 'follow-up', 'standalone', 'unanswerable'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export interface FollowUpTurn {
  /** `<conversation id>.<turn number from 1>`. */
  id: string;
  question: string;
  kind: FollowUpKind;
  /** Every acceptable answer string as the article writes it; empty for an unanswerable turn. */
  answers: string[];
  /** The article that answers it, or null for an unanswerable turn. */
  article: string | null;
}

export interface FollowUpConversation {
  id: string;
  turns: FollowUpTurn[];
}

/** Reads and checks the follow-up set; a malformed line throws naming its number. */
export function loadFollowUps(file: string = NEWS_QA_FOLLOWUPS_FILE): FollowUpConversation[] {
  return readIdRecords(file, (o, id, bad) => {
    const rawTurns = o['turns'];
    if (!Array.isArray(rawTurns) || rawTurns.length < 2) throw bad('"turns" must be an array of at least two turns');
    const turns = rawTurns.map((raw: unknown, n): FollowUpTurn => {
      const t = (raw ?? {}) as Record<string, unknown>;
      const at = (what: string) => bad(`turn ${n + 1}: ${what}`);
      if (typeof t['question'] !== 'string' || !t['question'].trim()) throw at('"question" must be a non-empty string');
      if (!(FOLLOW_UP_KINDS as readonly unknown[]).includes(t['kind'])) throw at(`"kind" must be one of ${FOLLOW_UP_KINDS.join(', ')}`);
      const kind = t['kind'] as FollowUpKind;
      if ((kind === 'first') !== (n === 0)) throw at('the first turn, and only it, is of kind "first"');
      if (!isStringArray(t['answers'])) throw at('"answers" must be an array of strings');
      if (t['article'] !== null && typeof t['article'] !== 'string') throw at('"article" must be a string or null');
      if (kind === 'unanswerable' && (t['answers'].length > 0 || t['article'] !== null)) throw at('an unanswerable turn has no answers and no article');
      if (kind !== 'unanswerable' && (t['answers'].length === 0 || t['article'] === null)) throw at('an answerable turn needs answers and an article');
      return { id: `${id}.${n + 1}`, question: t['question'], kind, answers: t['answers'], article: t['article'] };
    });
    return { id, turns };
  });
}

/** A turn as a news QA item, so the news scoring applies to it. */
export function followUpItem(turn: FollowUpTurn): NewsQaItem {
  return { id: turn.id, question: turn.question, answers: turn.answers, article: turn.article, type: 'what', answerable: turn.kind !== 'unanswerable' };
}

/**
 * The questions a dev tool examines, from its command line: `--pool` (the news dev set, every fresh batch and the
 * follow-up set's first turns), `--set FILE` (repeatable: the sets named), else the news dev set.
 */
export function loadItemsFromArgs(args: readonly string[]): NewsQaItem[] {
  if (args.includes('--pool')) return [...loadNewsQa(), ...listFreshBatches().flatMap((b) => loadNewsQa(b.file)), ...loadFollowUps().map((c) => followUpItem(c.turns[0]!))];
  const setFiles = args.flatMap((a, i) => (a === '--set' && args[i + 1] ? [args[i + 1]!] : []));
  return setFiles.length ? setFiles.flatMap((f) => loadNewsQa(f)) : loadNewsQa();
}

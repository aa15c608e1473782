// The open SQuAD sample as the calibration scripts read it: every question, one article per paragraph, an engine over them.
// Options make it look like the product's use: one long document per SQuAD article, chat-typed questions.
import { readFileSync } from 'node:fs';
import { Engine } from '../../src/engine/engine.ts';
import { WORD_VECTORS_FILE } from '../../src/engine/word-vectors.ts';
import { splitSentences, STOP_WORDS, stem, terms, words } from '../../src/engine/text.ts';
import type { Article } from '../../src/engine/types.ts';
import { evalDirPath, evalFiles, loadQa, type QaRow } from '../eval-data.ts';

export interface SquadCorpus {
  questions: QaRow[];
  /** Articles by id: `title#paragraph` (default) or `title` (joined); folds are split by `title`. */
  articles: Map<string, Article>;
  engine: Engine;
}

export interface SquadCorpusOptions {
  /** All paragraphs of one SQuAD article (same title) as one document, like a news article of 20–60 sentences. */
  joinArticles?: boolean;
  /** Questions as typed in chat (lower case, no question mark): `true` replaces them, `'both'` adds them beside the originals. */
  chat?: boolean | 'both';
  /**
   * Share (0–1) of the question's words taken from its answer sentence (not the title) that a chat variant drops, as
   * if paraphrased: SQuAD questions copy the answer sentence's words, chat questions copy the topic's and reword the rest.
   */
  paraphrase?: number;
  /** With `paraphrase`: a chosen word is replaced by its nearest word by vector (another stem) instead of dropped, as people reword. */
  substitute?: boolean;
}

/** Rows of the shipped vector file that substitutions are drawn from: the most frequent words. */
const SUBSTITUTE_FROM = 20000;

/** The shipped vectors as words (the engine keys them by stem): for substitutions in fitting questions only. */
function readWordList(): { words: string[]; row: Map<string, number>; data: Int8Array; dims: number; norms: Float32Array } {
  const buf = readFileSync(WORD_VECTORS_FILE);
  const count = buf.readUInt32LE(5);
  const dims = buf.readUInt16LE(9);
  const wordBytes = buf.readUInt32LE(11);
  const list = buf.toString('utf8', 15, 15 + wordBytes).split('\n');
  const data = new Int8Array(buf.buffer, buf.byteOffset + 15 + wordBytes, count * dims);
  const norms = new Float32Array(count);
  for (let r = 0; r < count; r++) {
    let x = 0;
    for (let d = r * dims; d < (r + 1) * dims; d++) x += data[d]! * data[d]!;
    norms[r] = Math.sqrt(x) || 1;
  }
  return { words: list, row: new Map(list.map((w, i) => [w, i])), data, dims, norms };
}
let wordList: ReturnType<typeof readWordList> | undefined;
const nearestCache = new Map<string, string | null>();

/** The nearest frequent word by vector with another stem (a stand-in for how a person rewords it); null without a vector. */
export function nearestWord(word: string): string | null {
  const lower = word.toLowerCase();
  const cached = nearestCache.get(lower);
  if (cached !== undefined) return cached;
  wordList ??= readWordList();
  const { words: list, row, data, dims, norms } = wordList;
  const a = row.get(lower);
  let best: string | null = null;
  if (a !== undefined) {
    const own = stem(lower);
    let bestCos = -2;
    for (let r = 0; r < Math.min(SUBSTITUTE_FROM, list.length); r++) {
      const w = list[r]!;
      if (r === a || !/^[a-z]+$/.test(w) || STOP_WORDS.has(w) || stem(w) === own) continue;
      let x = 0;
      for (let i = a * dims, j = r * dims, end = i + dims; i < end; i++, j++) x += data[i]! * data[j]!;
      const c = x / (norms[a]! * norms[r]!);
      if (c > bestCos) {
        bestCos = c;
        best = w;
      }
    }
  }
  nearestCache.set(lower, best);
  return best;
}

/** A question as people type it in chat: lower case, no question mark (how the news set is written). */
export function chatStyle(question: string): string {
  return question.toLowerCase().replace(/[?？]+/g, '').replace(/\s+/g, ' ').trim();
}

/** A deterministic draw in [0, 1) for a word of a question (FNV-1a): the same variant on every run. */
function draw(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
}

/**
 * The question without part of the common words it shares with its answer sentence (not names, numbers or title words); one
 * content word stays. With `substitute`, those words are replaced by their nearest word by vector instead.
 */
export function paraphrased(q: QaRow, share: number, substitute = false): string {
  const answer = q.answers.map((a) => a.toLowerCase());
  const gold = splitSentences(q.context).find((s) => answer.some((a) => s.text.toLowerCase().includes(a)));
  if (!gold || share <= 0) return q.question;
  const inGold = new Set(terms(gold.text));
  const inTitle = new Set(terms(q.title.replace(/_/g, ' ')));
  const list = q.question.split(/\s+/);
  const dropped = list.map((token, i) => {
    const ws = words(token).filter((w) => !STOP_WORDS.has(w));
    // names and numbers are what people keep when they reword a question
    if (i > 0 && /^\p{Lu}/u.test(token)) return false;
    if (/\d/.test(token)) return false;
    return ws.length > 0 && ws.every((w) => inGold.has(stem(w)) && !inTitle.has(stem(w))) && draw(`${q.id} ${token}`) < share;
  });
  if (substitute) {
    // each chosen word is said another way: its nearest word by vector, punctuation kept
    const out = list.map((token, i) => {
      if (!dropped[i]) return token;
      const core = token.match(/[A-Za-z]+/)?.[0];
      const near = core ? nearestWord(core) : null;
      return near && core ? token.replace(core, near) : token;
    });
    return out.join(' ');
  }
  const kept = list.filter((_, i) => !dropped[i]);
  return kept.some((t) => words(t).some((w) => !STOP_WORDS.has(w))) ? kept.join(' ') : q.question;
}

export function loadSquadCorpus(options: SquadCorpusOptions = {}): SquadCorpus {
  const rows = loadQa(evalFiles(evalDirPath()).squad);
  const articles = new Map<string, Article>();
  if (options.joinArticles) {
    const paragraphs = new Map<string, Map<number, string>>();
    for (const q of rows) {
      const byIndex = paragraphs.get(q.title) ?? new Map<number, string>();
      byIndex.set(q.paragraphIndex, q.context);
      paragraphs.set(q.title, byIndex);
    }
    for (const [title, byIndex] of paragraphs) {
      const text = [...byIndex].sort((a, b) => a[0] - b[0]).map(([, p]) => p).join('\n\n');
      articles.set(title, { id: title, title, text, url: null, date: null, source: null, origin: 'squad' });
    }
  } else {
    for (const q of rows) {
      const id = `${q.title}#${q.paragraphIndex}`;
      if (!articles.has(id)) articles.set(id, { id, title: q.title, text: q.context, url: null, date: null, source: null, origin: 'squad' });
    }
  }
  const chatted = (q: QaRow): QaRow => ({ ...q, id: `${q.id}#chat`, question: chatStyle(paraphrased(q, options.paraphrase ?? 0, options.substitute)) });
  const questions = options.chat === 'both' ? rows.flatMap((q) => [q, chatted(q)]) : options.chat ? rows.map(chatted) : rows;
  return { questions, articles, engine: new Engine([...articles.values()]) };
}

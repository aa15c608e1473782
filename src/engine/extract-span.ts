import { STOP_WORDS, stem, words } from './text.ts';

/** What kind of short answer a question asks for. */
export type QuestionType = 'who' | 'when' | 'where' | 'number' | 'what' | 'other';

export function classifyQuestion(question: string): QuestionType {
  const q = question.toLowerCase();
  if (/\bhow (many|much|long|far|old|big|large|tall|high|often)\b|\bwhat (percentage|percent|number|amount)\b/.test(q)) return 'number';
  if (/\b(when|what year|which year|what date|what time|what day|what month|what century|what decade)\b/.test(q)) return 'when';
  if (/\bwhere\b|\bwhat (city|country|place|state|region|town|continent)\b|\bwhich (city|country|place|state|region|town)\b/.test(q)) return 'where';
  if (/\b(who|whom|whose)\b|\bwhat (person|man|woman|company|organization|group|team)\b/.test(q)) return 'who';
  if (/\b(what|which)\b/.test(q)) return 'what';
  return 'other';
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const DATE_PATTERNS = [
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b${MONTH}\\s+\\d{4}\\b`, 'g'),
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'g'),
  /\b(?:\d{4}s|\d{4}\s*[–-]\s*\d{2,4}|(?:1[0-9]|20)\d{2})\b/g,
  /\b\d{1,2}(?:st|nd|rd|th)\s+century\b/gi,
  new RegExp(`\\b(?:on\\s+)?${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?\\b`, 'g'),
  /\b(?:yesterday|today|tomorrow|last (?:week|month|year)|next (?:week|month|year))\b/gi,
];
const NUMBER_PATTERN =
  /(?:[$£€¥]\s?)?\b\d[\d,.]*(?:\s?(?:%|percent|per cent))?(?:\s+(?:million|billion|trillion|thousand|hundred))?(?:\s+[a-z]+){0,2}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|dozens?|hundreds|thousands|millions)\b(?:\s+[a-z]+){0,2}/g;
const NAME_PATTERN = /\b(?:[A-Z][\p{L}'’-]+|[A-Z]\.)(?:\s+(?:(?:of|the|de|la|van|von|al|bin|and|for)\s+)?(?:[A-Z][\p{L}'’-]+|[A-Z]\.))*/gu;

/** Capitalised words that are not the names of people or places. */
const NOT_NAMES = new RegExp(`^(?:${WEEKDAY}|${MONTH}|The|A|An|In|On|At|It|He|She|They|We|I|This|That|But|And|However|According)$`);

/** How much each word between a candidate and the question's words costs. */
const DISTANCE_WEIGHT = 0.1;

interface Candidate {
  text: string;
  start: number;
  kind: QuestionType;
}

function collect(sentence: string, pattern: RegExp, kind: QuestionType, out: Candidate[]): void {
  for (const m of sentence.matchAll(new RegExp(pattern.source, pattern.flags))) {
    out.push({ text: m[0].trim(), start: m.index + (m[0].length - m[0].trimStart().length), kind });
  }
}

/** Number candidates keep at most the unit word after the number, not a whole clause. */
function trimNumber(text: string): string {
  const m = /^((?:[$£€¥]\s?)?[\d,.]+(?:\s?(?:%|percent|per cent))?(?:\s+(?:million|billion|trillion|thousand|hundred))?)/.exec(text);
  return m ? m[1]!.replace(/[.,]$/, '') : text.split(/\s+/)[0] ?? text;
}

/** Chunks of the sentence between punctuation and function words: crude noun phrases. */
function phraseCandidates(sentence: string, out: Candidate[]): void {
  const re = /[^,;:()"“”—–]+/g;
  for (const m of sentence.matchAll(re)) {
    const chunk = m[0];
    const tokens = [...chunk.matchAll(/\S+/g)];
    let run: RegExpMatchArray[] = [];
    const flush = () => {
      if (run.length) {
        const first = run[0]!;
        const last = run[run.length - 1]!;
        const start = m.index + first.index!;
        const text = sentence.slice(start, m.index + last.index! + last[0].length).replace(/[.!?]+$/, '');
        if (text) out.push({ text, start, kind: 'what' });
      }
      run = [];
    };
    for (const t of tokens) {
      const w = t[0].toLowerCase().replace(/[^\p{L}\p{N}'’-]/gu, '');
      if (CLAUSE_BREAKS.has(w)) flush();
      else run.push(t);
    }
    flush();
  }
}

const CLAUSE_BREAKS = new Set(
  'is are was were be been being has have had do does did will would can could should may might must which that who whom whose when where while because although though since after before during until if as by with from into onto upon than then and or but for to in on at of'.split(' '),
);

function questionStems(question: string): Set<string> {
  return new Set(words(question).filter((w) => !STOP_WORDS.has(w)).map(stem));
}

/** Spans of the asked-for type (dates, numbers, names) in a sentence. */
function collectCandidates(type: QuestionType, sentence: string): Candidate[] {
  const candidates: Candidate[] = [];
  if (type === 'when') for (const p of DATE_PATTERNS) collect(sentence, p, 'when', candidates);
  if (type === 'number') {
    collect(sentence, NUMBER_PATTERN, 'number', candidates);
    for (const c of candidates) c.text = trimNumber(c.text);
  }
  if (type === 'who' || type === 'where') {
    const names: Candidate[] = [];
    collect(sentence, NAME_PATTERN, type, names);
    for (const c of names) {
      c.text = c.text.replace(/^(?:The|A|An|In|On|At|But|And|After|Before|When|While|This|That|However)\s+/, '');
      const next = sentence.slice(c.start + c.text.length);
      // "Russian air defense", "Syrian rebels": a lone demonym before a noun describes, it does not name
      const demonym = !c.text.includes(' ') && /(?:an|ese|ish|i)$/.test(c.text) && /^\s+[a-z]/.test(next);
      if (!NOT_NAMES.test(c.text) && c.text.length > 1 && !demonym) candidates.push(c);
    }
  }
  return candidates;
}

/** Whether the sentence holds a span of the asked-for type that the question does not already name. */
export function hasCandidate(question: string, sentence: string): boolean {
  const qStems = questionStems(question);
  return collectCandidates(classifyQuestion(question), sentence).some((c) => words(c.text).some((w) => !STOP_WORDS.has(w) && !qStems.has(stem(w))));
}

/**
 * Picks the short answer span in `sentence` for `question`, or null when none fits.
 * Candidates of the asked-for type that do not repeat the question's words win; among
 * them, the one nearest to the question's words in the sentence.
 */
export function extractSpan(question: string, sentence: string): string | null {
  const type = classifyQuestion(question);
  const qStems = questionStems(question);
  const candidates = collectCandidates(type, sentence);
  // A typed question without a candidate of its type is answered by the whole sentence
  if (type === 'what' || type === 'other') phraseCandidates(sentence, candidates);

  // Positions of question words in the sentence, for proximity
  const anchors: { start: number; end: number }[] = [];
  for (const m of sentence.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (qStems.has(stem(m[0].toLowerCase()))) anchors.push({ start: m.index, end: m.index + m[0].length });
  }
  // Word distance between a candidate and a question word, either side of it
  const gap = (c: Candidate, a: { start: number; end: number }) => {
    const from = c.start >= a.end ? a.end : c.start + c.text.length;
    const to = c.start >= a.end ? c.start : a.start;
    return to <= from ? 0 : (sentence.slice(from, to).match(/\S+/g)?.length ?? 0);
  };
  let best: { text: string; score: number } | null = null;
  for (const c of candidates) {
    const cWords = words(c.text);
    const content = cWords.filter((w) => !STOP_WORDS.has(w));
    if (content.length === 0) continue;
    const novel = content.filter((w) => !qStems.has(stem(w))).length / content.length;
    if (novel < (c.kind === 'what' ? 0.5 : 1)) continue;
    const distance = anchors.length ? anchors.reduce((sum, a) => sum + gap(c, a), 0) / anchors.length : 10;
    const lengthPenalty = type === 'what' || type === 'other' ? Math.max(0, cWords.length - 5) * 0.08 : 0;
    const typeBonus = c.kind === type ? 1 : 0;
    const score = typeBonus + novel - DISTANCE_WEIGHT * distance - lengthPenalty;
    if (!best || score > best.score) best = { text: trimSpan(c.text, qStems), score };
  }
  return best?.text ?? null;
}

/** Drops leading articles and question words at the span's edges. */
function trimSpan(text: string, qStems: ReadonlySet<string>): string {
  const tokens = text.split(/\s+/);
  while (tokens.length > 1 && (/^(the|a|an)$/i.test(tokens[0]!) || qStems.has(stem(tokens[0]!.toLowerCase())))) tokens.shift();
  while (tokens.length > 1 && qStems.has(stem(tokens[tokens.length - 1]!.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')))) tokens.pop();
  return tokens.join(' ').replace(/^[("'“‘]+|[)"'”’.,;:]+$/g, '');
}

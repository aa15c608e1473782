// `npx tsx bench/follow-up-dump.ts [OUT] [--all]`: every follow-up turn of bench/news-qa-followups.jsonl that is not
// supported (with --all, every follow-up turn), asked in conversation as the Bot does, with what the engine did with the
// context: whether the question was read as needing it, the question as resolved, both drafts (alone and in context)
// and which one won, and a category for the miss. Prints the counts per category; writes the turns as JSON lines for
// reading (bench/notes/followups2.md). A dev tool, not a bench section.
import fs from 'node:fs';
import path from 'node:path';
import { Engine, type ConversationTurn } from '../src/engine/engine.ts';
import type { AnswerDraft } from '../src/engine/answer-question.ts';
import { ABSTAIN_BELOW } from '../src/engine/answer-question.ts';
import { needsContext, resolveReference } from '../src/engine/follow-up.ts';
import { namesOf } from '../src/engine/follow-up-state.ts';
import { evalFiles, loadClustering, PROJECT_ROOT } from './eval-data.ts';
import { loadFollowUps, loadNewsCorpus, sameArticleTest, supportsAnswer } from './news-qa.ts';

const args = process.argv.slice(2);
const all = args.includes('--all');
const out = args.find((a) => !a.startsWith('--')) ?? '/tmp/follow-up-dump.jsonl';
const files = evalFiles(path.join(PROJECT_ROOT, '..', 'shared', 'eval'));
const articles = await loadNewsCorpus(files.bbcSummaries);
const byId = new Map(articles.map((a) => [a.id, a]));
const dupGroups = new Map<string, string>();
for (const r of loadClustering(files.bbcClustering)) if (r.exactDupGroup !== null) dupGroups.set(r.id, r.exactDupGroup);
const same = sameArticleTest(dupGroups, (id) => byId.get(id));
const engine = new Engine(articles);
// the private drafting step, to see both drafts chooseDraft weighed
const draft = (q: string, ctx: string, preferred: readonly string[]): AnswerDraft | null => (engine as any).draftAnswer(q, ctx, preferred);

const view = (d: AnswerDraft | null, answers: readonly string[], article: string | null) =>
  d === null
    ? null
    : {
        article: d.entry.article.id,
        rightArticle: article !== null && same(d.entry.article.id, article),
        quote: d.quote.slice(0, 220),
        span: d.span,
        confidence: Number(d.confidence.toFixed(3)),
        ownSupport: Number(d.ownSupport.toFixed(3)),
        answers: d.confidence >= ABSTAIN_BELOW,
        supported: supportsAnswer(d.quote, answers),
      };

const rows: Record<string, unknown>[] = [];
const counts = new Map<string, number>();
for (const c of loadFollowUps()) {
  let previous: ConversationTurn | undefined;
  let previousQuote: string | null = null;
  for (const t of c.turns) {
    const r = engine.ask(t.question, previous);
    const a = r.answer;
    const supported = a.quote !== null && supportsAnswer(a.quote, t.answers);
    if (t.kind === 'follow-up' && (all || !supported)) {
      const needs = previous !== undefined && needsContext(t.question);
      const cited = previous?.articleIds[0];
      const names = previous && cited ? namesOf(previous, byId.get(cited)?.text) : {};
      const resolved = previous ? resolveReference(t.question, previous.question, names) : t.question;
      const alone = view(draft(t.question, '', []), t.answers, t.article);
      const inContext = previous ? view(draft(resolved, previous.expanded, previous.articleIds), t.answers, t.article) : null;
      const usedContext = r.turn.expanded !== r.turn.question && r.turn.expanded.length > t.question.length + 1;
      const src = a.sources[0]?.id ?? null;
      const rightArticle = src !== null && t.article !== null && same(src, t.article);
      const prevRight = previous?.articleIds[0] !== undefined && t.article !== null && same(previous.articleIds[0], t.article);
      const expectedText = t.article ? byId.get(t.article)?.text ?? '' : '';
      const inArticle = t.answers.some((x) => expectedText.includes(x));
      let category: string;
      if (supported) category = 'supported';
      else if (!prevRight) category = 'previous turn cited another article';
      else if (!needs) category = 'context not used: read as standalone';
      else if (!usedContext) category = 'context not used: the draft alone won';
      else if (a.answer === null) category = 'context used: abstained';
      else if (!rightArticle) category = 'context used: another article';
      else if (previousQuote !== null && a.quote !== null && (a.quote.includes(previousQuote.slice(0, 80)) || previousQuote.includes(a.quote.slice(0, 80)))) category = 'context used: right article, the previous turn’s sentence again';
      else category = 'context used: right article, another wrong sentence';
      counts.set(category, (counts.get(category) ?? 0) + 1);
      rows.push({ id: t.id, category, question: t.question, answers: t.answers, needsContext: needs, resolved, expanded: r.turn.expanded, previousQuestion: previous?.question, answered: a.answer, short: a.short, quote: a.quote?.slice(0, 220) ?? null, source: src, expected: t.article, inArticle, alone, inContext });
    }
    previous = r.turn;
    previousQuote = a.quote;
  }
}
fs.writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(3)}  ${k}`);
console.log(`${rows.length} follow-up turns → ${out}`);

import type { Answer, GeneratedAnswer, RetrievedPassage, Story } from '../engine/types.ts';
import type { Logger } from '../logger.ts';
import { buildAnswerPrompt, buildSummaryPrompt } from './build-prompt.ts';
import type { ChatClient } from './chat-client.ts';
import { checkGrounding, verifiedPrefix } from './check-grounding.ts';

/** Longest answer asked of the model (tokens); answers are a few sentences. */
const MAX_TOKENS = 400;

/**
 * Answers through a chat model, grounded in retrieved passages: only text that passes the
 * checks (check-grounding.ts) is returned or streamed; anything else (a failed check, a
 * timeout, an HTTP error, a malformed reply) gives back the offline answer, logged at warn.
 */
export class GenerativeAnswerer {
  constructor(
    private readonly client: ChatClient,
    private readonly log: Logger,
  ) {}

  get model(): string {
    return this.client.model;
  }

  /**
   * The offline answer with a verified `generated` answer added, or the offline answer as it
   * was. `onPartial` (streaming) hears the verified prefix whenever it grows.
   */
  async answer(question: string, passages: readonly RetrievedPassage[], offline: Answer, onPartial?: (partial: Answer) => void): Promise<Answer> {
    if (passages.length === 0) return offline;
    const started = performance.now();
    const messages = buildAnswerPrompt(question, passages);
    let shown = '';
    let earlyFailure: string | null = null;
    const stop = new AbortController();
    const onText = onPartial
      ? (soFar: string) => {
          if (earlyFailure) return;
          const prefix = verifiedPrefix(soFar, passages);
          if (prefix && 'failed' in prefix) {
            // the answer will be discarded whatever follows: stop reading it
            earlyFailure = prefix.failed;
            stop.abort();
            return;
          }
          if (!prefix || prefix.text === shown) return;
          shown = prefix.text;
          try {
            onPartial({ ...offline, generated: this.generated(prefix.text, prefix.cited, passages, true) });
          } catch (err) {
            this.log.warn({ err }, 'llm: a partial answer was not shown');
          }
        }
      : undefined;
    const result = await this.client.complete(messages, { maxTokens: MAX_TOKENS, signal: stop.signal, ...(onText ? { onText } : {}) });
    const ms = Math.round(performance.now() - started);
    if (earlyFailure) return this.fallBack(offline, `discarded: ${earlyFailure}`, ms);
    if (!result.ok) return this.fallBack(offline, result.reason, ms);
    const checked = checkGrounding(result.text, passages);
    if (!checked.ok) return this.fallBack(offline, `discarded: ${checked.reason}`, ms);
    this.log.info({ model: this.model, cited: checked.cited, passages: passages.length, ms }, 'llm: generated answer passed the checks');
    return { ...offline, generated: this.generated(checked.text, checked.cited, passages, false) };
  }

  /**
   * A story's summary through the model, over one passage per source article (so [n] is the
   * story's n-th source); a failure (logged) says whether the model failed or its text did.
   */
  async summarize(story: Story, passages: readonly RetrievedPassage[]): Promise<{ text: string } | { failed: 'model' | 'checks' }> {
    if (passages.length === 0) return { failed: 'checks' };
    const started = performance.now();
    const result = await this.client.complete(buildSummaryPrompt(story.headline, passages), { maxTokens: MAX_TOKENS });
    const ms = Math.round(performance.now() - started);
    const checked = result.ok ? checkGrounding(result.text, passages) : null;
    if (!checked?.ok) {
      const reason = !result.ok ? result.reason : `discarded: ${checked && !checked.ok ? checked.reason : 'unknown'}`;
      this.log.warn({ model: this.model, reason, ms }, 'llm: story summary kept offline');
      return { failed: result.ok ? 'checks' : 'model' };
    }
    return { text: checked.text };
  }

  private generated(text: string, cited: readonly number[], passages: readonly RetrievedPassage[], partial: boolean): GeneratedAnswer {
    const sources = cited.map((n) => {
      const p = passages[n - 1]!;
      return { n, id: p.articleId, title: p.title, url: p.url, date: p.date };
    });
    return { text, sources, model: this.model, ...(partial ? { partial: true } : {}) };
  }

  private fallBack(offline: Answer, reason: string, ms: number): Answer {
    this.log.warn({ model: this.model, reason, ms }, 'llm: answering offline');
    return offline;
  }
}

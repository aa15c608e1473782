/**
 * A small client for OpenAI-compatible chat completions (`POST …/v1/chat/completions`), as
 * served by OpenAI, Ollama, llama.cpp's server and vLLM: streaming (server-sent events) or
 * not, one timeout over the whole exchange. Expected failures (timeout, HTTP error, malformed
 * reply, network) come back as values with a reason; the API key never appears in a reason.
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatClientOptions {
  /** `http://host:port`, `…/v1`, or the full `…/v1/chat/completions` address. */
  baseUrl: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs: number;
  /** Replaces global fetch (tests). */
  fetch?: typeof fetch;
}

export type ChatResult = { ok: true; text: string } | { ok: false; reason: string };

export interface CompleteOptions {
  /** Streams the reply: called with the whole text so far after each chunk. */
  onText?: (textSoFar: string) => void;
  /** Aborts the request (besides the timeout). */
  signal?: AbortSignal;
  maxTokens?: number;
}

/** The chat-completions address for a base URL given with or without `/v1` or the path. */
export function completionsUrl(baseUrl: string): string {
  const base = baseUrl.trim().replace(/\/+$/, '');
  if (/\/chat\/completions$/.test(base)) return base;
  if (/\/v\d+$/.test(base)) return `${base}/chat/completions`;
  return `${base}/v1/chat/completions`;
}

export class ChatClient {
  readonly model: string;
  private readonly url: string;
  private readonly apiKey: string | undefined;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(options: ChatClientOptions) {
    this.url = completionsUrl(options.baseUrl);
    this.model = options.model;
    this.apiKey = options.apiKey;
    this.timeoutMs = options.timeoutMs;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async complete(messages: ChatMessage[], options: CompleteOptions = {}): Promise<ChatResult> {
    const stream = options.onText !== undefined;
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    try {
      const res = await this.fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: stream ? 'text/event-stream' : 'application/json',
          ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}),
        },
        body: JSON.stringify({ model: this.model, messages, stream, temperature: 0, ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}) }),
        signal,
      });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, reason: `HTTP ${res.status}` };
      }
      return stream ? await readStream(res, options.onText!) : await readJson(res);
    } catch (err) {
      if (timeout.aborted) return { ok: false, reason: `timeout after ${this.timeoutMs} ms` };
      if (options.signal?.aborted) return { ok: false, reason: 'aborted' };
      return { ok: false, reason: `network: ${networkReason(err)}` };
    }
  }
}

/** A short reason for a failed fetch (undici hides the cause under "fetch failed"). */
function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message.slice(0, 200);
  return err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200);
}

async function readJson(res: Response): Promise<ChatResult> {
  let body: unknown;
  try {
    body = JSON.parse(await res.text());
  } catch {
    return { ok: false, reason: 'malformed reply: not JSON' };
  }
  const content = (body as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') return { ok: false, reason: 'malformed reply: no choices[0].message.content' };
  return { ok: true, text: content };
}

/** Reads `data: {…}` events up to `data: [DONE]`, calling `onText` with the text so far. */
async function readStream(res: Response, onText: (textSoFar: string) => void): Promise<ChatResult> {
  if (!res.body) return { ok: false, reason: 'malformed stream: no body' };
  const decoder = new TextDecoder();
  let buffer = '';
  let text = '';
  let finished = false;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (!line.startsWith('data:')) continue; // comments, event names, blank separators
      const data = line.slice(5).trim();
      if (data === '[DONE]') return { ok: true, text };
      let event: { choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[]; error?: unknown };
      try {
        event = JSON.parse(data) as typeof event;
      } catch {
        return { ok: false, reason: 'malformed stream: an event is not JSON' };
      }
      if (event.error !== undefined) return { ok: false, reason: 'error event in the stream' };
      const choice = event.choices?.[0];
      if (!choice) continue;
      const piece = choice.delta?.content;
      if (piece !== undefined && piece !== null && typeof piece !== 'string') return { ok: false, reason: 'malformed stream: delta.content is not text' };
      if (piece) {
        text += piece;
        onText(text);
      }
      if (typeof choice.finish_reason === 'string' && choice.finish_reason) finished = true;
    }
  }
  // a stream cut short (no [DONE] and no finish_reason) may have lost the rest of the answer
  return finished ? { ok: true, text } : { ok: false, reason: 'malformed stream: ended before [DONE]' };
}

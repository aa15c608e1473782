import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.ts';
import { ChatClient } from '../../src/llm/chat-client.ts';
import { GenerativeAnswerer } from '../../src/llm/generate-answer.ts';

/** An API key no log line may ever contain. */
export const FAKE_API_KEY = 'sk-fake-LLMKEY-0123456789abcdef';

/** The production logger at trace, without the secret net (so a logged key would show), writing to memory. */
export function capturedLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('trace', stream), lines };
}

/** A generator talking to `baseUrl` with the fake key. */
export function fakeGenerator(baseUrl: string, log: Logger, timeoutMs = 5000): GenerativeAnswerer {
  return new GenerativeAnswerer(new ChatClient({ baseUrl, model: 'fake-1', apiKey: FAKE_API_KEY, timeoutMs }), log);
}

/** The `llm:` warnings logged, parsed. */
export function llmWarnings(lines: string[]): { reason: string; msg: string }[] {
  return lines
    .map((l) => JSON.parse(l) as { level: number; msg: string; reason: string })
    .filter((l) => l.level === 40 && l.msg.startsWith('llm:'));
}

import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../src/bot/bot.ts';
import { parseConsoleLine } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { makeErrorReference } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { renderText, styleFor } from './render-text.ts';

/** The console is one digest channel. */
export const CONSOLE_CHANNEL_KEY = 'console:local';

export interface ConsoleOptions {
  bot: Bot;
  log: Logger;
  input?: Readable;
  output?: Writable;
  /** Interactive: a prompt and a greeting. Otherwise each line is answered and the run ends with the input. */
  interactive?: boolean;
  width?: number;
  /** Aborting stops reading input: the line being answered is finished, then the run ends. */
  signal?: AbortSignal;
}

/** The console bot: one conversation per session; resolves when the input ends or on /quit. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  const width = options.width ?? (output as { columns?: number }).columns ?? 80;
  const style = styleFor(output as { isTTY?: boolean });
  const conversationId = randomUUID();
  const rl = createInterface({ input, crlfDelay: Infinity, ...(interactive ? { output, prompt: '> ' } : {}) });
  const write = (text: string) => output.write(`${text}\n${interactive ? '\n' : ''}`);
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    rl.close();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  if (interactive) {
    write(`Briefing bot over ${await options.bot.engine.size()} article(s). Ask a question, or /help for the commands; /quit to leave.`);
    rl.prompt();
  }
  for await (const line of rl) {
    if (/^\s*\/(quit|exit)\s*$/i.test(line)) break;
    if (!line.trim() && !interactive) continue;
    let reply: Reply;
    const parsed = parseConsoleLine(line);
    if (!parsed.ok) {
      reply = { kind: 'error', ...parsed.error, ...(parsed.error.usage ? { usage: `/${parsed.error.usage}` } : {}) };
    } else {
      try {
        reply = await options.bot.handle(parsed.command, {
          surface: 'console',
          conversationId,
          userId: 'console',
          channelKey: CONSOLE_CHANNEL_KEY,
          canManageDigest: true,
        });
        if (reply.kind === 'error' && reply.usage) reply = { ...reply, usage: `/${reply.usage}` };
      } catch (err) {
        const ref = makeErrorReference();
        options.log.error({ err, ref }, 'console command failed');
        reply = { kind: 'error', code: 'internal', message: `Sorry, something went wrong (reference ${ref}).` };
      }
    }
    write(renderText(reply, width, style));
    if (aborted) break;
    if (interactive) rl.prompt();
  }
  options.signal?.removeEventListener('abort', onAbort);
  rl.close();
}

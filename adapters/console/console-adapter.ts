import { createInterface } from 'node:readline';
import { randomUUID } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../src/bot/bot.ts';
import { cleanInput, parseConsoleLine, type ParsedCommand } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { makeErrorReference } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { completeCommand } from './complete-command.ts';
import { colorEnabled, consoleStyle } from './console-style.ts';
import { renderText, wrap } from './render-text.ts';
import { readCappedLines, readlineLines } from '../shared/capped-lines.ts';
import { onClosedPipe } from '../shared/closed-pipe.ts';

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
  /** Colours; default: as the output stream and NO_COLOR / FORCE_COLOR say. */
  color?: boolean;
  /** Aborting stops reading input: the line being answered is finished, then the run ends. */
  signal?: AbortSignal;
}

/** The console bot: one conversation per session; resolves when the input ends or on /quit. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY);
  // a pseudo-terminal may report 0 columns
  const width = options.width ?? ((output as { columns?: number }).columns || 80);
  const style = consoleStyle(options.color ?? colorEnabled(output as { isTTY?: boolean }));
  const conversationId = randomUUID();
  // piped input is read with a line-length cap; a person at a terminal gets readline's editing
  const rl = interactive
    ? createInterface({ input, crlfDelay: Infinity, output, prompt: style.accent('> '), completer: completeCommand })
    : null;
  const lines = rl ? readlineLines(rl) : readCappedLines(input, options.signal ? { signal: options.signal } : {});
  const write = (text: string) => output.write(`${text}\n${interactive ? '\n' : ''}`);
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    rl?.close();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  // the reader of piped output stopped (`| head`): end like end of input, without a crash (kept after
  // the loop: the error of the last write arrives after it)
  onClosedPipe(output, onAbort);

  if (interactive) {
    const size = await options.bot.articleCount();
    write(wrap(`Briefing bot over ${size.toLocaleString('en')} article${size === 1 ? '' : 's'}. Ask a question or ask for something in words ("brief me on oil"), or /help for the commands; quit to leave.`, Math.max(20, width)));
    rl?.prompt();
  }
  for await (const item of lines) {
    const line = item.ok ? item.line : '';
    if (/^\s*\/?(quit|exit)\s*$/i.test(line)) break;
    if (item.ok && !line.trim() && !interactive) continue;
    // Piped input is not echoed by a terminal: show each question so its answer can be matched to it
    if (!interactive) output.write(`${style.accent(`> ${item.ok ? cleanInput(line) : `(a line of ${item.bytes.toLocaleString('en')} bytes)`}`)}\n`);
    let reply: Reply;
    const ctx = { surface: 'console', conversationId, userId: 'console', channelKey: CONSOLE_CHANNEL_KEY, canManageDigest: true } as const;
    const words = item.ok && !cleanInput(line).startsWith('/') && cleanInput(line) !== '';
    const parsed: ParsedCommand = item.ok ? parseConsoleLine(line) : { ok: false, error: item.error };
    if (words) {
      // a line in words: the Bot reads what it asks for (a question, a brief, a summary…)
      try {
        reply = (await options.bot.handleText(line, ctx)).reply;
      } catch (err) {
        const ref = makeErrorReference();
        options.log.error({ err, ref }, 'console command failed');
        reply = { kind: 'error', code: 'internal', message: `Sorry, something went wrong (reference ${ref}).` };
      }
      if (reply.kind === 'error' && reply.usage) reply = { ...reply, usage: `/${reply.usage}` };
    } else if (!parsed.ok) {
      reply = { kind: 'error', ...parsed.error, ...(parsed.error.usage ? { usage: `/${parsed.error.usage}` } : {}) };
    } else {
      try {
        reply = await options.bot.handle(parsed.command, ctx);
        if (reply.kind === 'error' && reply.usage) reply = { ...reply, usage: `/${reply.usage}` };
      } catch (err) {
        const ref = makeErrorReference();
        options.log.error({ err, ref }, 'console command failed');
        reply = { kind: 'error', code: 'internal', message: `Sorry, something went wrong (reference ${ref}).` };
      }
    }
    write(renderText(reply, width, style));
    if (aborted) break;
    if (interactive) rl?.prompt();
  }
  options.signal?.removeEventListener('abort', onAbort);
  rl?.close();
}

// `chat -`: one direct-message conversation from standard input, through the Bot as a DM would go.
import type { Readable, Writable } from 'node:stream';
import { displayJson } from '../../src/bot/display-text.ts';
import type { Reply } from '../../src/bot/reply.ts';
import type { RequestIntent } from '../../src/bot/understand-request.ts';
import { runConsole } from '../console/console-adapter.ts';
import { renderText } from '../console/render-text.ts';
import { readCappedLines } from '../shared/capped-lines.ts';
import { withCliBot, type CliBotOptions } from './cli-bot.ts';

export interface ChatOptions extends CliBotOptions {
  json: boolean;
  input?: Readable;
  output?: Writable;
}

/** The object the matching CLI command prints for a reply (interface.md, `chat`). */
export function chatResult(intent: RequestIntent, reply: Reply): unknown {
  switch (reply.kind) {
    case 'answer':
      return reply.answer;
    case 'stories':
      return { stories: reply.stories };
    case 'summary':
      return reply.summary;
    case 'sources':
      return { articles: reply.articles, feeds: reply.feeds };
    case 'error':
      return { error: { code: reply.code, message: reply.message } };
    case 'notice':
      // help and forget answer in text; any other notice is a request that could not be done
      return intent === 'help' || intent === 'forget' ? { text: reply.text } : { error: { code: 'usage', message: reply.text } };
    case 'help':
    case 'subscriptions':
      return { text: renderText(reply, 100) };
  }
}

/**
 * Reads the conversation line by line; text mode prints exactly what the console shows, JSON
 * mode one `{"intent", "result"}` line per message. The conversation's state lives in a
 * temporary store removed at the end.
 */
export async function chatEachLine(options: ChatOptions): Promise<number> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  return withCliBot(options, async (bot) => {
    if (!options.json) {
      await runConsole({ bot, log: options.log, input, output, interactive: false, color: false, width: 100 });
      return 0;
    }
    const ctx = { surface: 'console', conversationId: 'chat', userId: 'chat', channelKey: 'console:chat', canManageDigest: false } as const;
    for await (const item of readCappedLines(input)) {
      if (item.ok && !item.line.trim()) continue;
      if (!item.ok) {
        output.write(`${displayJson({ intent: 'ask', result: { error: item.error } })}\n`);
        continue;
      }
      const { request, reply } = await bot.handleText(item.line, ctx);
      output.write(`${displayJson({ intent: request.intent, result: chatResult(request.intent, reply) })}\n`);
    }
    return 0;
  });
}

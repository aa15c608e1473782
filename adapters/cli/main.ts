import { parseSince } from '../../src/bot/parse-since.ts';
import { loadConfig, readDotEnv } from '../../src/config.ts';
import { CorpusUnreadableError, type ErrorCode, type Failure, type Result } from '../../src/errors.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { createLogger, secretValues } from '../../src/logger.ts';
import { renderText } from '../console/render-text.ts';
import { readCappedLines } from '../shared/capped-lines.ts';
import { displayJson, displayText } from '../../src/bot/display-text.ts';
import { colorEnabled, consoleStyle } from '../console/console-style.ts';
import { cleanInput, MAX_QUESTION_CHARS } from '../../src/bot/command.ts';
import { parseCliArgs, CLI_HELP, type CliArgs } from './parse-args.ts';
import { readPackageVersion } from './package-version.ts';
import type { Answer } from '../../src/bot/reply.ts';
import { createGenerator } from '../../src/llm/create-generator.ts';
import { chatEachLine } from './chat-lines.ts';
import type { Bot } from '../../src/bot/bot.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { withCliBot } from './cli-bot.ts';
import { onClosedPipe } from '../shared/closed-pipe.ts';

/** Thrown inside the CLI for an expected failure; turned into the error object and exit code. */
class CliFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

const exitCodeOf = (code: ErrorCode) => (code === 'usage' ? 2 : 1);

function printJson(value: unknown): void {
  process.stdout.write(`${displayJson(value)}\n`);
}

function questionError(question: string): Failure | null {
  const q = cleanInput(question);
  if (!q) return { code: 'usage', message: 'The question is empty: ask "QUESTION".' };
  if (q.length > MAX_QUESTION_CHARS) return { code: 'usage', message: `The question is ${q.length} characters long; keep it under ${MAX_QUESTION_CHARS}.` };
  return null;
}

/** The failure a Bot error reply stands for (its usage line is the chat surfaces' hint, not part of the CLI's error object). */
function failureOf(reply: Reply & { kind: 'error' }): Failure {
  return { code: reply.code, message: reply.message };
}

/** The Bot's answer to one question, in a conversation of its own so no line follows up on another. */
async function answerOf(bot: Bot, question: string, conversation: number): Promise<Result<Answer>> {
  const ctx = { surface: 'console', conversationId: `cli-ask-${conversation}`, userId: 'cli' } as const;
  const reply = await bot.handle({ name: 'ask', question }, ctx);
  if (reply.kind === 'answer') return { ok: true, value: reply.answer };
  if (reply.kind === 'error') return { ok: false, error: failureOf(reply) };
  throw new Error(`ask replied with a ${reply.kind}`);
}

const CLI_CTX = { surface: 'console', conversationId: 'cli', userId: 'cli' } as const;

async function run(args: CliArgs, bot: Bot, defaultTimezone: string): Promise<number> {
  const out = (json: unknown, text: string) => (args.json ? printJson(json) : process.stdout.write(`${text}\n`));
  const since = (): Date | undefined => {
    if (!args.since) return undefined;
    const parsed = parseSince(args.since, new Date(), defaultTimezone);
    if (!parsed.ok) throw new CliFailure(parsed.error);
    return parsed.value;
  };
  switch (args.command) {
    case 'help':
    case 'version':
    case 'chat':
      throw new Error(`${args.command} does not run against the Bot here`);
    case 'ask': {
      if (args.positional === '-') return askEachLine(bot, args.json);
      const bad = questionError(args.positional);
      if (bad) throw new CliFailure(bad);
      const answer = await answerOf(bot, cleanInput(args.positional), 0);
      if (!answer.ok) throw new CliFailure(answer.error);
      out(answer.value, renderText({ kind: 'answer', question: args.positional, answer: answer.value }, 80, consoleStyle(colorEnabled(process.stdout))));
      return 0;
    }
    case 'brief':
    case 'digest': {
      const sinceDate = since();
      const limit = args.limit ?? (args.command === 'brief' ? 5 : 8);
      const stories = await bot.stories({ ...(args.topic ? { topic: args.topic } : {}), ...(sinceDate ? { since: sinceDate } : {}), limit });
      out({ stories }, renderText({ kind: 'stories', title: args.command === 'brief' ? 'Briefing' : 'Digest', stories, empty: 'No stories.' }));
      return 0;
    }
    case 'summarize': {
      if (!args.positional.trim()) throw new CliFailure({ code: 'usage', message: 'Name the article: summarize ID_OR_TITLE_WORDS.' });
      const reply = await bot.handle({ name: 'summary', target: args.positional, sentences: args.sentences ?? 3 }, CLI_CTX);
      if (reply.kind === 'error') throw new CliFailure(failureOf(reply));
      if (reply.kind !== 'summary') throw new Error(`summary replied with a ${reply.kind}`);
      out(reply.summary, renderText(reply));
      return 0;
    }
    case 'sources': {
      const reply = await bot.handle({ name: 'sources', query: args.positional, limit: args.limit ?? 10 }, CLI_CTX);
      if (reply.kind === 'error') throw new CliFailure(failureOf(reply));
      if (reply.kind !== 'sources') throw new Error(`sources replied with a ${reply.kind}`);
      // feeds are polled only by `npm start`: the CLI lists none (docs/cli.md)
      out({ articles: reply.articles, feeds: [] }, renderText({ ...reply, feeds: [] }));
      return 0;
    }
  }
}

/** `--help` and `--version`: no configuration or corpus needed. */
function printInfo(args: CliArgs): number {
  if (args.command === 'help') process.stdout.write(CLI_HELP);
  else if (args.json) printJson({ version: readPackageVersion() });
  else process.stdout.write(`briefing-bot ${readPackageVersion()}\n`);
  return 0;
}

/** `ask -`: one independent question per input line, one output line each. */
async function askEachLine(bot: Bot, json: boolean): Promise<number> {
  let n = 0;
  for await (const item of readCappedLines(process.stdin)) {
    const line = item.ok ? item.line : '';
    const bad = item.ok ? questionError(line) : item.error;
    const answer = bad ? { ok: false as const, error: bad } : await answerOf(bot, cleanInput(line), ++n);
    if (!answer.ok) {
      if (json) printJson({ error: answer.error });
      else process.stdout.write(`error: ${displayText(answer.error.message)}\n`);
      continue;
    }
    if (json) printJson(answer.value);
    else process.stdout.write(`${renderText({ kind: 'answer', question: line, answer: answer.value }, 80, consoleStyle(colorEnabled(process.stdout)))}\n\n`);
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  readDotEnv();
  const parsed = parseCliArgs(argv);
  const json = argv.includes('--json');
  const fail = (f: Failure) => {
    if (json) printJson({ error: f });
    else process.stderr.write(`briefing: ${displayText(f.message)}\n`);
    return exitCodeOf(f.code);
  };
  if (!parsed.ok) return fail(parsed.error);
  const args = parsed.value;
  if (args.command === 'help' || args.command === 'version') return printInfo(args);
  let log;
  let config;
  try {
    config = loadConfig();
    log = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, undefined, secretValues(config));
  } catch (err) {
    return fail({ code: 'usage', message: (err as Error).message });
  }
  try {
    const engine = await loadEngine(args.corpus ?? config.CORPUS_DIR, log);
    const generator = createGenerator(config, log);
    const botOptions = { engine, log, defaultTimezone: config.DEFAULT_TIMEZONE, ...(generator ? { generator } : {}) };
    if (args.command === 'chat') return await chatEachLine({ ...botOptions, json: args.json });
    return await withCliBot(botOptions, (bot) => run(args, bot, config.DEFAULT_TIMEZONE));
  } catch (err) {
    if (err instanceof CliFailure) return fail(err.failure);
    if (err instanceof CorpusUnreadableError) return fail({ code: 'corpus_unreadable', message: err.message });
    log.error({ err }, 'briefing CLI failed');
    return fail({ code: 'internal', message: `Something went wrong: ${(err as Error).message}` });
  }
}

// a reader that stops early (`| head`) closes the pipe: stop reading input and end quietly, as Unix tools do
onClosedPipe(process.stdout, () => process.stdin.destroy());
process.exitCode = await main(process.argv.slice(2));

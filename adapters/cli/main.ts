import { parseSince } from '../../src/bot/parse-since.ts';
import { loadConfig, readDotEnv } from '../../src/config.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { CorpusUnreadableError, type ErrorCode, type Failure } from '../../src/errors.ts';
import { loadEngine } from '../../src/load-engine.ts';
import { createLogger, secretValues } from '../../src/logger.ts';
import { renderText } from '../console/render-text.ts';
import { readCappedLines } from '../shared/capped-lines.ts';
import { displayJson, displayText } from '../../src/bot/display-text.ts';
import { colorEnabled, consoleStyle } from '../console/console-style.ts';
import { cleanInput, MAX_QUESTION_CHARS } from '../../src/bot/command.ts';
import { parseCliArgs, CLI_HELP, type CliArgs } from './parse-args.ts';
import { readPackageVersion } from './package-version.ts';
import type { Answer } from '../../src/engine/types.ts';
import { createGenerator } from '../../src/llm/create-generator.ts';
import { chatEachLine } from './chat-lines.ts';
import type { Logger } from '../../src/logger.ts';
import type { GenerativeAnswerer } from '../../src/llm/generate-answer.ts';

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

/** The engine's answer, with a checked generated one added when LLM_BASE_URL is set (`generated` in the JSON). */
async function answerOf(engine: Engine, generator: GenerativeAnswerer | undefined, question: string): Promise<Answer> {
  const { answer } = await engine.ask(question);
  return generator ? generator.answer(question, await engine.passages(question), answer) : answer;
}

async function run(args: CliArgs, engine: Engine, defaultTimezone: string, log: Logger, generator?: GenerativeAnswerer): Promise<number> {
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
      return printInfo(args);
    case 'chat':
      return chatEachLine({ engine, log, json: args.json, defaultTimezone, ...(generator ? { generator } : {}) });
    case 'ask': {
      if (args.positional === '-') return askEachLine(engine, args.json, generator);
      const bad = questionError(args.positional);
      if (bad) throw new CliFailure(bad);
      const answer = await answerOf(engine, generator, cleanInput(args.positional));
      out(answer, renderText({ kind: 'answer', question: args.positional, answer }, 80, consoleStyle(colorEnabled(process.stdout))));
      return 0;
    }
    case 'brief':
    case 'digest': {
      const sinceDate = since();
      const limit = args.limit ?? (args.command === 'brief' ? 5 : 8);
      const stories = engine.brief({ ...(args.topic ? { topic: args.topic } : {}), ...(sinceDate ? { since: sinceDate } : {}), limit });
      out({ stories }, renderText({ kind: 'stories', title: args.command === 'brief' ? 'Briefing' : 'Digest', stories, empty: 'No stories.' }));
      return 0;
    }
    case 'summarize': {
      if (!args.positional.trim()) throw new CliFailure({ code: 'usage', message: 'Name the article: summarize ID_OR_TITLE_WORDS.' });
      const found = engine.summarize(args.positional, args.sentences ?? 3);
      if (!found.ok) throw new CliFailure(found.error);
      const a = engine.article(found.value.id);
      out(found.value, renderText({ kind: 'summary', summary: found.value, url: a?.url ?? null, date: a?.date ?? null }));
      return 0;
    }
    case 'sources': {
      const articles = engine.sources(args.positional, args.limit ?? 10);
      out({ articles, feeds: [] }, renderText({ kind: 'sources', query: args.positional, articles, feeds: [] }));
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
async function askEachLine(engine: Engine, json: boolean, generator?: GenerativeAnswerer): Promise<number> {
  for await (const item of readCappedLines(process.stdin)) {
    const line = item.ok ? item.line : '';
    const bad = item.ok ? questionError(line) : item.error;
    if (bad) {
      if (json) printJson({ error: bad });
      else process.stdout.write(`error: ${displayText(bad.message)}\n`);
      continue;
    }
    const answer = await answerOf(engine, generator, cleanInput(line));
    if (json) printJson(answer);
    else process.stdout.write(`${renderText({ kind: 'answer', question: line, answer }, 80, consoleStyle(colorEnabled(process.stdout)))}\n\n`);
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
    return await run(args, engine, config.DEFAULT_TIMEZONE, log, createGenerator(config, log));
  } catch (err) {
    if (err instanceof CliFailure) return fail(err.failure);
    if (err instanceof CorpusUnreadableError) return fail({ code: 'corpus_unreadable', message: err.message });
    log.error({ err }, 'briefing CLI failed');
    return fail({ code: 'internal', message: `Something went wrong: ${(err as Error).message}` });
  }
}

process.exitCode = await main(process.argv.slice(2));

import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Failure } from '../../src/errors.ts';

export type CliCommand = 'ask' | 'brief' | 'digest' | 'summarize' | 'sources' | 'chat' | 'help' | 'version';

export interface CliArgs {
  command: CliCommand;
  positional: string;
  json: boolean;
  corpus?: string;
  topic?: string;
  since?: string;
  limit?: number;
  sentences?: number;
}

export const CLI_HELP = `Usage: npm run --silent briefing -- COMMAND [options]

Commands:
  ask "QUESTION"            answer with a supporting quote and its source
  ask -                     answer each line of standard input (one output line each)
  brief [--topic T] [--since WHEN] [--limit N]    the top stories (default 5)
  digest [--topic T] [--since WHEN] [--limit N]   a digest now (default 8; --limit 0: every story)
  summarize ID_OR_WORDS [--sentences N]           summary of one article (alias: summary)
  sources [WORDS] [--limit N]                     list articles (the most recent, or those matching WORDS)
  chat -                    one DM conversation from standard input, a message a line, in words
                            ("brief me on oil", "summarize the second one"); --json: {"intent", "result"} a line
  help                      this text (also --help, -h)

Options for every command:
  --corpus PATH             a folder or a .jsonl file (overrides CORPUS_DIR)
  --json                    one JSON object on stdout (one per line for ask -); logs on stderr
  --version, -V             print the version and exit

WHEN is an ISO date or time, or words: yesterday, "3 days ago", monday.

Examples:
  npm run --silent briefing -- ask "Who captured the palace in Aleppo?"
  npm run --silent briefing -- ask --json "Who captured the palace in Aleppo?"
  printf '%s\\n' "Who captured the palace in Aleppo?" "What did Iran send?" | npm run --silent briefing -- ask - --json
  npm run --silent briefing -- brief --topic oil --since yesterday
  npm run --silent briefing -- summarize 000_f17fd30403ef36f3 --sentences 3
  npm run --silent briefing -- digest --limit 0 --json --corpus ./news.jsonl

Environment (also read from a .env file in the current folder):
  CORPUS_DIR                articles to read (default ./seeds)
  DEFAULT_TIMEZONE          timezone of --since words (default UTC)
  LOG_LEVEL                 pino level of the stderr logs (default: warn and above)
  LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS
                            optional generated answers for ask (checked; offline on failure)
  Every other variable of .env.example is validated too: a bad value is a usage error naming it.

Exit codes:
  0  the command ran (also when the corpus has no answer)
  1  no matching article (not_found), unreadable corpus (corpus_unreadable), or internal error
  2  usage error: unknown command or option, missing or empty argument, bad configuration
  With --json an error prints {"error": {"code": ..., "message": ...}} on stdout.
`;

const COMMANDS: Record<string, CliCommand> = {
  ask: 'ask',
  brief: 'brief',
  digest: 'digest',
  summarize: 'summarize',
  summary: 'summarize',
  sources: 'sources',
  chat: 'chat',
  help: 'help',
};

/** Which options each command takes beyond --corpus and --json. */
const OPTIONS: Record<CliCommand, readonly string[]> = {
  ask: [],
  brief: ['--topic', '--since', '--limit'],
  digest: ['--topic', '--since', '--limit'],
  summarize: ['--sentences'],
  sources: ['--limit'],
  chat: [],
  help: [],
  version: [],
};

type Parsed = { ok: true; value: CliArgs } | { ok: false; error: Failure };
const usage = (message: string): Parsed => ({ ok: false, error: { code: 'usage', message } });

/** Every option of every command; which command takes which is checked after (OPTIONS), so the message can name the command. */
const PARSE_OPTIONS = {
  corpus: { type: 'string' },
  json: { type: 'boolean' },
  topic: { type: 'string' },
  since: { type: 'string' },
  limit: { type: 'string' },
  sentences: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const satisfies ParseArgsConfig['options'];

function count(name: string, raw: string, min: number): number | Failure {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min) return { code: 'usage', message: `${name} takes a whole number of at least ${min}, not "${raw}".` };
  return n;
}

/** The argv tokens of node:util parseArgs (non-strict, so an unknown option is a token the checks below can name). */
function tokenize(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: PARSE_OPTIONS, strict: false, allowPositionals: true, tokens: true }).tokens;
  } catch {
    return null;
  }
}

export function parseCliArgs(argv: readonly string[]): Parsed {
  const tokens = tokenize(argv);
  if (!tokens) return usage('The arguments could not be read (see --help).');
  const rest: string[] = [];
  const values = new Map<string, string>();
  const json = argv.includes('--json');
  let lastPositional = -1;
  let valueOf = -1;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional' && token.index === valueOf) continue;
    // Only `--name`, `-h` and `-V` are options: any other word with one dash (`-`, `-5 degrees`) is part of the text
    const raw = argv[token.index]!;
    if (token.kind === 'positional' || (!raw.startsWith('--') && raw !== '-h' && raw !== '-V')) {
      if (token.index !== lastPositional) rest.push(raw);
      lastPositional = token.index;
      continue;
    }
    if (token.name === 'json' && token.value === undefined) continue;
    if ((token.name === 'help' || token.name === 'version') && token.value === undefined) {
      return { ok: true, value: { command: token.name, positional: '', json } };
    }
    // An unknown option takes the next word as its value, as a known one would; it is reported below, naming the command
    const unknown = !Object.hasOwn(PARSE_OPTIONS, token.name);
    const value = token.value ?? (unknown ? argv[token.index + 1] : undefined);
    if (value === undefined) return usage(`${token.rawName} needs a value.`);
    if (unknown && token.value === undefined) valueOf = token.index + 1;
    values.set(token.rawName, value);
  }
  const [name, ...words] = rest;
  if (!name) return usage('Name a command: ask, brief, digest, summarize, sources or help (see --help).');
  const command = COMMANDS[name.toLowerCase()];
  if (!command) return usage(`Unknown command "${name}". Commands: ask, brief, digest, summarize, sources, help.`);
  const args: CliArgs = { command, positional: words.join(' '), json };
  for (const [option, value] of values) {
    if (option === '--corpus') {
      if (!value.trim()) return usage('--corpus needs a path.');
      args.corpus = value;
    } else if (!OPTIONS[command].includes(option)) {
      return usage(`Unknown option ${option} for ${name}.`);
    } else if (option === '--topic') args.topic = value;
    else if (option === '--since') args.since = value;
    else {
      const n = count(option, value, option === '--limit' ? 0 : 1);
      if (typeof n !== 'number') return { ok: false, error: n };
      if (option === '--limit') args.limit = n;
      else args.sentences = n;
    }
  }
  if (command === 'chat' && args.positional.trim() !== '-') return usage('chat reads one conversation from standard input: chat -');
  if (command === 'ask' && !args.positional.trim()) return usage('The question is empty: ask "QUESTION" (or ask - to read standard input).');
  return { ok: true, value: args };
}

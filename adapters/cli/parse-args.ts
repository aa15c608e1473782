import type { Failure } from '../../src/errors.ts';

export type CliCommand = 'ask' | 'brief' | 'digest' | 'summarize' | 'sources' | 'help';

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
  sources [WORDS]           list articles (the most recent, or those matching WORDS)
  help                      this text

Options for every command:
  --corpus PATH             a folder or a .jsonl file (overrides CORPUS_DIR)
  --json                    one JSON object on stdout; logs on stderr
`;

const COMMANDS: Record<string, CliCommand> = {
  ask: 'ask',
  brief: 'brief',
  digest: 'digest',
  summarize: 'summarize',
  summary: 'summarize',
  sources: 'sources',
  help: 'help',
};

/** Which options each command takes beyond --corpus and --json. */
const OPTIONS: Record<CliCommand, readonly string[]> = {
  ask: [],
  brief: ['--topic', '--since', '--limit'],
  digest: ['--topic', '--since', '--limit'],
  summarize: ['--sentences'],
  sources: ['--limit'],
  help: [],
};

type Parsed = { ok: true; value: CliArgs } | { ok: false; error: Failure };
const usage = (message: string): Parsed => ({ ok: false, error: { code: 'usage', message } });

function count(name: string, raw: string, min: number): number | Failure {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min) return { code: 'usage', message: `${name} takes a whole number of at least ${min}, not "${raw}".` };
  return n;
}

export function parseCliArgs(argv: readonly string[]): Parsed {
  const rest: string[] = [];
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--help' || a === '-h') return { ok: true, value: { command: 'help', positional: '', json } };
    else if (a.startsWith('--')) {
      const [name, inline] = a.split(/=(.*)/s, 2) as [string, string | undefined];
      const value = inline ?? argv[++i];
      if (value === undefined) return usage(`${name} needs a value.`);
      values.set(name, value);
    } else rest.push(a);
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
  if (command === 'ask' && !args.positional.trim()) return usage('The question is empty: ask "QUESTION" (or ask - to read standard input).');
  return { ok: true, value: args };
}

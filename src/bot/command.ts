import type { Failure } from '../errors.ts';

/** A platform-neutral command, parsed from whatever the surface delivered. */
export type Command =
  | { name: 'ask'; question: string }
  | { name: 'brief'; topic: string; since: string | null }
  | { name: 'summary'; target: string; sentences?: number }
  /** `limit`: how many articles (the CLI's --limit); the engine's default without it. */
  | { name: 'sources'; query: string; limit?: number }
  | { name: 'digest'; action: DigestAction; args: string }
  | { name: 'forget' }
  | { name: 'help' };

export type DigestAction = 'now' | 'subscribe' | 'unsubscribe' | 'status' | 'list';
export const DIGEST_ACTIONS: readonly DigestAction[] = ['now', 'subscribe', 'unsubscribe', 'status', 'list'];

export const COMMAND_NAMES = ['ask', 'brief', 'summary', 'sources', 'digest', 'forget', 'help'] as const;

export type ParsedCommand = { ok: true; command: Command } | { ok: false; error: Failure & { usage?: string } };

export const USAGE: Record<(typeof COMMAND_NAMES)[number], string> = {
  ask: 'ask QUESTION',
  brief: 'brief [topic words] [since:WHEN]',
  summary: 'summary ID_OR_TITLE_WORDS',
  sources: 'sources [words]',
  digest: 'digest now|status|list|unsubscribe|subscribe time:HH:MM …',
  forget: 'forget',
  help: 'help',
};

const usageError = (message: string, usage?: string): ParsedCommand => ({
  ok: false,
  error: { code: 'usage', message, ...(usage ? { usage } : {}) },
});

/** Splits "words since:WHEN" into the topic and the `since:` part (which takes the rest). */
export function splitSince(text: string): { topic: string; since: string | null } {
  const m = /(?:^|\s)since:\s*(.*)$/i.exec(text);
  if (!m) return { topic: text.trim(), since: null };
  return { topic: text.slice(0, m.index).trim(), since: m[1]!.trim() || null };
}

/** Strips control, zero-width and text-direction characters that would hide, reorder or break words. */
export function cleanInput(text: string): string {
  return text
    .replace(/[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g, ' ')
    .trim();
}

/** Longest question accepted; longer text is not a question but a paste. */
export const MAX_QUESTION_CHARS = 1000;

/** Parses a sub-command name and its argument text (as after "/brief" on Slack or "/" in the console). */
export function parseSubcommand(name: string, rest: string): ParsedCommand {
  const args = cleanInput(rest);
  switch (name.toLowerCase()) {
    case 'ask':
      if (!args) return usageError('Ask a question, e.g. "ask who captured the palace in Aleppo?"', USAGE.ask);
      if (args.length > MAX_QUESTION_CHARS) return usageError(`That question is ${args.length} characters long; keep it under ${MAX_QUESTION_CHARS}.`, USAGE.ask);
      return { ok: true, command: { name: 'ask', question: args } };
    case 'brief': {
      const { topic, since } = splitSince(args);
      return { ok: true, command: { name: 'brief', topic, since } };
    }
    case 'summary':
    case 'summarize':
      if (!args) return usageError('Name the article to summarize: its id or words from its title.', USAGE.summary);
      return { ok: true, command: { name: 'summary', target: args } };
    case 'sources':
      return { ok: true, command: { name: 'sources', query: args } };
    case 'digest': {
      const [action = 'now', ...tail] = args.split(/\s+/).filter(Boolean);
      const lower = action.toLowerCase() as DigestAction;
      if (!DIGEST_ACTIONS.includes(lower)) {
        return usageError(`Unknown digest action "${action}". Use one of: ${DIGEST_ACTIONS.join(', ')}.`, USAGE.digest);
      }
      return { ok: true, command: { name: 'digest', action: lower, args: tail.join(' ') } };
    }
    case 'forget':
      // words after it ("forget me", "forget everything") change nothing
      return { ok: true, command: { name: 'forget' } };
    case 'help':
      return { ok: true, command: { name: 'help' } };
    default:
      return usageError(`Unknown command "${name}". Type help to see the commands.`);
  }
}

/** A console line: "/command args", or any other text as a question. */
export function parseConsoleLine(line: string): ParsedCommand {
  const text = cleanInput(line);
  if (!text) return usageError('Type a question, or /help for the commands.');
  if (!text.startsWith('/')) return parseSubcommand('ask', text);
  const m = /^\/(\S*)\s*([\s\S]*)$/.exec(text)!;
  return parseSubcommand(m[1]!, m[2]!);
}

/** Slack's `/brief TEXT`: a leading sub-command word is that sub-command, else TEXT is a topic. */
export function parseBriefText(text: string): ParsedCommand {
  const clean = cleanInput(text);
  const m = /^(\S+)\s*([\s\S]*)$/.exec(clean);
  const first = m?.[1]?.toLowerCase();
  if (first && ['ask', 'summary', 'sources', 'digest', 'forget', 'help'].includes(first)) return parseSubcommand(first, m![2]!);
  return parseSubcommand('brief', clean);
}

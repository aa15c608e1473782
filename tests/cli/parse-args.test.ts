import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../adapters/cli/parse-args.ts';

// The CLI parser sits on node:util parseArgs; these pin the behaviour the hand-written one had.
const ok = (argv: string[]) => {
  const r = parseCliArgs(argv);
  if (!r.ok) throw new Error(`expected ok, got ${r.error.message}`);
  return r.value;
};
const message = (argv: string[]) => {
  const r = parseCliArgs(argv);
  return r.ok ? null : r.error.message;
};

describe('parseCliArgs (node:util parseArgs)', () => {
  it('reads options before or after the words, with a space or an equals sign', () => {
    expect(ok(['brief', '--topic', 'oil', '--since=yesterday', '--limit', '3', '--json'])).toEqual({ command: 'brief', positional: '', json: true, topic: 'oil', since: 'yesterday', limit: 3 });
    expect(ok(['summary', 'abc', '--sentences=2'])).toEqual({ command: 'summarize', positional: 'abc', json: false, sentences: 2 });
    expect(ok(['--corpus', './news.jsonl', 'digest', '--limit', '0'])).toMatchObject({ command: 'digest', corpus: './news.jsonl', limit: 0 });
  });

  it('keeps a lone dash and one-dash words as text of the question', () => {
    expect(ok(['ask', '-', '--json'])).toMatchObject({ command: 'ask', positional: '-', json: true });
    expect(ok(['ask', '-5 degrees in Moscow?', '-x'])).toMatchObject({ positional: '-5 degrees in Moscow? -x' });
    expect(ok(['ask', 'what', 'is', '-hx'])).toMatchObject({ positional: 'what is -hx' });
  });

  it('answers --help, -h, --version and -V wherever they stand', () => {
    expect(ok(['brief', '--frob', '-h'])).toMatchObject({ command: 'help', json: false });
    expect(ok(['ask', 'q', '--version', '--json'])).toEqual({ command: 'version', positional: '', json: true });
    expect(ok(['-V'])).toMatchObject({ command: 'version' });
  });

  it('takes words after -- as text, even when they look like options', () => {
    expect(ok(['ask', '--', '--what', 'now?'])).toMatchObject({ command: 'ask', positional: '--what now?' });
  });

  it('gives the usage messages of the hand-written parser', () => {
    expect(message(['brief', '--frob', 'x'])).toBe('Unknown option --frob for brief.');
    expect(message(['ask', '--topic', 'oil', 'q'])).toBe('Unknown option --topic for ask.');
    expect(message(['ask', '--json=1', 'q'])).toBe('Unknown option --json for ask.');
    expect(message(['brief', '--topic'])).toBe('--topic needs a value.');
    expect(message(['brief', '--frob'])).toBe('--frob needs a value.');
    expect(message(['ask', '--corpus', ' ', 'q'])).toBe('--corpus needs a path.');
    expect(message(['brief', '--limit', '-1'])).toBe('--limit takes a whole number of at least 0, not "-1".');
    expect(message(['summarize', 'x', '--sentences', '0'])).toBe('--sentences takes a whole number of at least 1, not "0".');
    expect(message([])).toMatch(/^Name a command/);
    expect(message(['explode'])).toMatch(/^Unknown command "explode"/);
    expect(message(['ask', '  '])).toMatch(/^The question is empty/);
  });
});

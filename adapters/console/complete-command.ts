import { COMMAND_NAMES, DIGEST_ACTIONS } from '../../src/bot/command.ts';

/** What tab completes after `/`: every command, the alias `summarize`, and leaving. */
const COMMANDS = [...COMMAND_NAMES, 'summarize', 'quit', 'exit'].sort();

/**
 * readline's completer: `/br` → `/brief `, `/digest s` → `subscribe`/`status`; a line that is a
 * question (no leading `/`) completes to nothing, so a tab there does no harm.
 */
export function completeCommand(line: string): [string[], string] {
  const command = /^\/(\S*)$/.exec(line);
  if (command) {
    const hits = COMMANDS.filter((c) => c.startsWith(command[1]!.toLowerCase())).map((c) => `/${c} `);
    return [hits, line];
  }
  const digest = /^\/digest\s+(\S*)$/i.exec(line);
  if (digest) {
    const word = digest[1]!;
    return [DIGEST_ACTIONS.filter((a) => a.startsWith(word.toLowerCase())).map((a) => `${a} `), word];
  }
  return [[], line];
}

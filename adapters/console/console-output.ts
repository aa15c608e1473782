import type { DestinationStream } from 'pino';
import type { Config } from '../../src/config.ts';
import { consoleLogPath, logFileDestination } from '../../src/logger.ts';
import { colorEnabled, consoleStyle } from './console-style.ts';
import { createLoadProgress, type LoadProgress } from './load-progress.ts';

export interface ConsoleOutput {
  /** The log file at a terminal; none (stderr) when stdout is a pipe or a file. */
  logDestination?: DestinationStream;
  /** The loading line at a terminal; none for a pipe, whose large loads keep their stderr progress lines. */
  progress?: LoadProgress;
  color: boolean;
}

/**
 * The console bot's stdout before the conversation: at a terminal, one line naming the log file
 * (so no log line lands between questions) and the loading line; a pipe gets neither, and its
 * logs go to stderr as the chat adapters' do.
 */
export function startConsoleOutput(
  config: Pick<Config, 'DATA_DIR' | 'LOG_LEVEL'>,
  stdout: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): ConsoleOutput {
  const color = colorEnabled(stdout, env);
  const style = consoleStyle(color);
  let logDestination: DestinationStream | undefined;
  if (stdout.isTTY === true) {
    const path = consoleLogPath(config.DATA_DIR);
    try {
      logDestination = logFileDestination(path);
      stdout.write(`${style.dim(`Logs (LOG_LEVEL=${config.LOG_LEVEL}) go to ${path}`)}\n`);
    } catch (err) {
      stdout.write(`${style.dim(`Logs go to stderr: ${path} cannot be opened (${(err as Error).message})`)}\n`);
    }
  }
  if (stdout.isTTY !== true) return { color };
  const progress = createLoadProgress(stdout, { style });
  progress.start();
  return { ...(logDestination ? { logDestination } : {}), progress, color };
}

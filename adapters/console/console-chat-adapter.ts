import type { AdapterFactory, ChatAdapter } from '../../src/chat-adapter.ts';
import { runConsole } from './console-adapter.ts';
import { createConsoleDigestChannel } from './console-digest-channel.ts';
import { startConsoleOutput, type ConsoleOutput } from './console-output.ts';

/**
 * The console behind the ChatAdapter port: it owns stdout (at a terminal its logs go to a file,
 * whatever LOG_LEVEL says), reads stdin until it ends or `quit`, and prints scheduled digests.
 */
export function consoleAdapter(): AdapterFactory {
  let output: ConsoleOutput | undefined;
  return {
    name: 'console',
    prepare(config) {
      output = startConsoleOutput(config);
      return { ...(output.logDestination ? { logDestination: output.logDestination } : {}), ...(output.progress ? { progress: output.progress } : {}) };
    },
    create({ bot, log }): ChatAdapter {
      const stopping = new AbortController();
      const digests = createConsoleDigestChannel(process.stdout);
      let run: Promise<void> | undefined;
      let ended!: () => void;
      let failed!: (err: unknown) => void;
      const endedPromise = new Promise<void>((resolve, reject) => {
        ended = resolve;
        failed = reject;
      });
      // a failure before main waits on it must not count as unhandled; main's wait still sees it
      endedPromise.catch(() => undefined);
      return {
        name: 'console',
        ended: endedPromise,
        async start() {
          // aborting stops reading: the line being answered is finished, then the run ends
          run = runConsole({ bot, log, signal: stopping.signal, color: output?.color ?? false }).then(ended, (err: unknown) => {
            failed(err);
          });
        },
        async stop() {
          stopping.abort();
          await run;
        },
        digestChannel: () => digests,
      };
    },
  };
}

import type { Surface } from '../../src/bot/help.ts';
import type { ChatAdapter } from '../../src/chat-adapter.ts';
import type { DigestChannel } from '../../src/schedule/digest-channel.ts';

/** What a chat platform's start function gives back. */
export interface StartedHandle {
  stop(): Promise<void>;
  digestChannel: DigestChannel;
}

/** A chat platform's start function behind the ChatAdapter port. */
export function startedAdapter(name: Surface, start: () => Promise<StartedHandle>): ChatAdapter {
  let handle: StartedHandle | undefined;
  return {
    name,
    async start() {
      handle = await start();
    },
    async stop() {
      await handle?.stop();
    },
    digestChannel() {
      if (!handle) throw new Error(`the ${name} adapter has no digest channel before it is started`);
      return handle.digestChannel;
    },
  };
}

import type { Writable } from 'node:stream';
import type { Reply } from '../../src/bot/reply.ts';
import { slotMarker, type DigestChannel } from '../../src/schedule/digest-channel.ts';
import { renderText } from './render-text.ts';

const HISTORY = 200;

/** Scheduled digests printed to the terminal, each followed by its slot marker line. */
export function createConsoleDigestChannel(output: Writable = process.stdout, width = 80): DigestChannel & { history: string[] } {
  const history: string[] = [];
  return {
    history,
    async send(_channelKey: string, reply: Reply, slotId: string): Promise<void> {
      output.write(`\n${renderText(reply, width)}\n(${slotMarker(slotId)})\n`);
      history.push(slotId);
      if (history.length > HISTORY) history.shift();
    },
    // The terminal keeps no history across restarts: only this process's posts can be found
    async findSlotMarker(_channelKey: string, slotId: string): Promise<boolean> {
      return history.includes(slotId);
    },
  };
}

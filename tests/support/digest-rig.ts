import type { CallContext } from '../../src/bot/call-context.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { Bot } from '../../src/bot/bot.ts';
import { Engine } from '../../src/engine/engine.ts';
import type { Article } from '../../src/engine/types.ts';
import type { ClaimStore } from '../../src/store/claim-store.ts';
import { createDigestCommands } from '../../src/bot/digest-commands.ts';
import { createDigestService, type DigestService, type DigestServiceOptions } from '../../src/schedule/digest-service.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { StubDigestChannel } from './digest-channel-stub.ts';
import { makeTempDir } from './temp-dir.ts';
import { silentLog } from './test-log.ts';

/** A dated article about one subject; articles built with the same subject tell one story. */
export function article(id: string, subject: string, date: string, extra = ''): Article {
  const text = `${subject}. Officials confirmed the ${subject} on the day. Witnesses described the ${subject} in detail and reporters followed the ${subject} closely. ${extra}`;
  return { id, title: `Report on the ${subject}`, text, url: null, date, source: null, origin: id };
}

/** A controllable clock. */
export class FakeClock {
  constructor(public t: Date) {}
  now = (): Date => new Date(this.t);
  set(iso: string | Date): void {
    this.t = new Date(iso);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface DigestRig {
  dir: string;
  store: Store;
  engine: Engine;
  clock: FakeClock;
  channel: StubDigestChannel;
  service: DigestService;
  bot: Bot;
  /** Stops the running instance and starts a new one on the same files (a restart). */
  restart(extra?: Partial<DigestServiceOptions>): Promise<DigestService>;
  close(): Promise<void>;
}

/** A scheduler on a real SQLite store and claim file in a temp dir, with a fake clock and a stand-in channel. */
export async function makeDigestRig(options: {
  start: string;
  articles?: Article[];
  catchupHours?: number;
  extra?: Partial<DigestServiceOptions>;
  claims?: ClaimStore;
}): Promise<DigestRig> {
  const temp = makeTempDir('briefing-digest-');
  const store = await openStore({ dataDir: temp.dir });
  const engine = new Engine(options.articles ?? []);
  const clock = new FakeClock(new Date(options.start));
  const channel = new StubDigestChannel(clock.now);
  const make = async (extra?: Partial<DigestServiceOptions>) => {
    const service = await createDigestService({
      engine,
      store,
      log: silentLog,
      dataDir: temp.dir,
      catchupHours: options.catchupHours ?? 6,
      now: clock.now,
      cron: false,
      ...(options.claims ? { claims: options.claims } : {}),
      ...options.extra,
      ...extra,
    });
    await service.start(new Map([['console', channel], ['slack', channel], ['discord', channel]]));
    return service;
  };
  const rig: DigestRig = {
    dir: temp.dir,
    store,
    engine,
    clock,
    channel,
    service: await make(),
    bot: undefined as unknown as Bot,
    async restart(extra) {
      await rig.service.stop();
      rig.service = await make(extra);
      rig.bot = new Bot({ engine, store, log: silentLog, now: clock.now, digests: createDigestCommands(rig.service) });
      return rig.service;
    },
    async close() {
      await rig.service.stop();
      await store.close();
      temp.remove();
    },
  };
  rig.bot = new Bot({ engine, store, log: silentLog, now: clock.now, digests: createDigestCommands(rig.service) });
  return rig;
}

/** The console's call context on its one channel, allowed to manage digests. */
export const CONSOLE_CTX: CallContext = { surface: 'console', conversationId: 'c', userId: 'console', channelKey: 'console:local', canManageDigest: true };

/** A reply as one line to assert on: a notice's text, an error's code and message, else its kind. */
export const replyText = (reply: Reply): string => (reply.kind === 'notice' ? reply.text : reply.kind === 'error' ? `${reply.code}: ${reply.message}` : reply.kind);

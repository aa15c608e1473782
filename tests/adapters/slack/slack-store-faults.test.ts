import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDigestCommands } from '../../../src/bot/digest-commands.ts';
import { createDigestService } from '../../../src/schedule/digest-service.ts';
import type { Subscription } from '../../../src/schedule/subscription.ts';
import { startHarness, type Harness } from '../../support/slack-harness.ts';
import { lockSqliteFile, watchUnhandledRejections } from '../../support/store-faults.ts';

const rejections = watchUnhandledRejections();
let h: Harness;
let dataDir = '';
beforeAll(async () => {
  h = await startHarness({
    digests: async (deps) => {
      dataDir = deps.dataDir;
      const service = await createDigestService({ ...deps, catchupHours: 6, cron: false });
      return { ...createDigestCommands(service), stop: () => service.stop() };
    },
  });
});
afterAll(async () => {
  await h?.close();
  rejections.stop();
});

let n = 0;
/** `/brief TEXT` from an admin in C0STORE; resolves with the text of its private reply (the store waits up to 5 s on a lock). */
async function brief(text: string): Promise<string> {
  const id = `store-${++n}`;
  h.stub.admins.add('U0ADMIN');
  await h.client.command({ text, user: 'U0ADMIN', channel: 'C0STORE', responseUrl: h.stub.responseUrl(id) });
  await h.stub.waitFor((s) => s.responses(id).length >= 1, 15_000, `a response at ${id}`);
  return String(h.stub.responses(id)[0]!.body.text);
}

describe('Slack /brief while another process holds the SQLite store locked', () => {
  it('says plainly that nothing was saved or read, answers the question, and works again once the lock goes', async () => {
    expect(await brief('digest subscribe time:08:00')).toMatch(/^Subscribed/);
    const lock = await lockSqliteFile(join(dataDir, 'state.sqlite'));
    try {
      expect(await brief('digest subscribe time:10:00')).toBe('I could not save that — the store is unavailable; nothing changed, try again in a minute.');
      expect(await brief('digest status')).toMatch(/^I could not read this channel's digest settings: the store is unavailable/);
      expect(await brief('ask how many residents were evacuated?')).toMatch(/4,000/);
    } finally {
      await lock.release();
    }
    expect(await h.store.get<Subscription>('subscription', 'slack:C0STORE')).toMatchObject({ hour: 8, minute: 0 });
    expect(await brief('digest status')).toMatch(/every day at 08:00/);
    expect(h.logs.filter((l) => l.msg === 'store unavailable; command not done')).toHaveLength(2);
    expect(rejections.seen).toEqual([]);
  }, 60_000);
});

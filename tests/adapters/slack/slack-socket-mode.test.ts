import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contexts, sections, sleep } from '../../support/slack-blocks.ts';
import { startHarness, type Harness } from '../../support/slack-harness.ts';
import { commandFields, eventEnvelope } from '../../support/slack-signed-client.ts';
import type { SlackSocketStub } from '../../support/slack-socket-stub.ts';

let h: Harness;
let socket: SlackSocketStub;
beforeAll(async () => {
  h = await startHarness({ socketMode: true });
  socket = h.socket!;
});
afterAll(async () => {
  await h?.close();
});

describe('Slack adapter in Socket Mode', () => {
  it('connects through apps.connections.open with the app token and listens on no port', () => {
    expect(h.slack.mode).toBe('socket');
    expect(h.slack.port).toBeNull();
    const open = h.stub.api('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.headers.authorization).toBe('Bearer xapp-test-token');
    expect(h.stub.api('auth.test')).toHaveLength(1);
    expect(h.stub.api('auth.test')[0]!.headers.authorization).toBe('Bearer xoxb-test-token');
    expect(socket.connected).toBe(true);
  });

  it('acknowledges an @mention envelope and answers in the thread', async () => {
    const ts = '1700200000.000100';
    socket.deliver('events_api', 'env-mention', eventEnvelope({ type: 'app_mention', user: 'U0BOB', text: '<@UBOT> how many residents were evacuated?', ts, channel: 'C0SOCK' }));
    await socket.waitFor(() => socket.acked('env-mention') !== undefined, 5000, 'the envelope ack');
    await h.stub.waitFor((s) => s.api('chat.postMessage').some((c) => c.body.channel === 'C0SOCK'), 5000, 'the threaded answer');
    const post = h.stub.api('chat.postMessage').find((c) => c.body.channel === 'C0SOCK')!.body;
    expect(post.thread_ts).toBe(ts);
    expect(String(post.text)).toContain('4,000');
    expect(contexts(post)[0]).toBe('*Q:* how many residents were evacuated?');
  });

  it('acknowledges a /brief envelope while the engine is held busy, then responds privately', async () => {
    let release!: () => void;
    h.bot.gate = new Promise<void>((resolve) => (release = resolve));
    try {
      socket.deliver('slash_commands', 'env-command', commandFields({ text: 'summary volcano', responseUrl: h.stub.responseUrl('sock-cmd') }), true);
      await socket.waitFor(() => socket.acked('env-command') !== undefined, 2500, 'the command ack while the engine is busy');
      await sleep(100);
      expect(h.stub.responses('sock-cmd')).toHaveLength(0);
      release();
      await h.stub.waitFor((s) => s.responses('sock-cmd').length === 1, 5000, 'the command reply');
      const body = h.stub.responses('sock-cmd')[0]!.body;
      expect(body.response_type).toBe('ephemeral');
      expect(sections(body)[0]).toBe('*Volcano erupts near Reykjavik* · 2024-11-25');
    } finally {
      h.bot.gate = null;
      release?.();
    }
  });

  it('answers an event delivered twice (same event_id) once', async () => {
    const envelope = eventEnvelope({ type: 'message', channel_type: 'im', user: 'U0ALICE', text: 'how many residents were evacuated?', ts: '1700200001.000100', channel: 'D0SOCK' }, 'EvSOCKDUP');
    socket.deliver('events_api', 'env-dup-1', envelope);
    socket.deliver('events_api', 'env-dup-2', envelope);
    await socket.waitFor(() => socket.acked('env-dup-2') !== undefined);
    await h.stub.waitFor((s) => s.api('chat.postMessage').some((c) => c.body.channel === 'D0SOCK'));
    await sleep(300);
    expect(h.stub.api('chat.postMessage').filter((c) => c.body.channel === 'D0SOCK')).toHaveLength(1);
  });

  it('closes the WebSocket on stop', async () => {
    const started = Date.now();
    await h.slack.stop();
    await socket.waitFor(() => !socket.connected, 5000, 'the socket to close');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

/**
 * LLM_DIGEST=1: scheduled digests (and `digest now`) get story summaries from the loopback
 * model, checked like answers; a story whose summary fails keeps its offline summary, and
 * after a model failure the rest of that digest is not asked for.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConsoleLine } from '../../src/bot/command.ts';
import type { Reply } from '../../src/bot/reply.ts';
import type { Story } from '../../src/engine/types.ts';
import { generatedStorySummaries } from '../../src/llm/digest-summaries.ts';
import { article, makeDigestRig, type DigestRig } from '../support/digest-rig.ts';
import { FakeModelServer, promptPassages } from '../support/fake-model-server.ts';
import { capturedLog, fakeGenerator, llmWarnings } from '../support/llm-rig.ts';

const ARTICLES = [
  article('fire.txt', 'harbour fire', '2026-11-01T06:00:00Z'),
  article('storm.txt', 'mountain storm', '2026-11-01T05:00:00Z'),
  article('vote.txt', 'council vote', '2026-11-01T04:00:00Z'),
];

let model: FakeModelServer;
let rig: DigestRig | undefined;
let llm: ReturnType<typeof capturedLog>;
beforeAll(async () => {
  model = await FakeModelServer.start();
});
afterAll(async () => {
  await model?.stop();
});
beforeEach(() => {
  model.mode = 'good';
  model.requests.length = 0;
  llm = capturedLog();
});
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

async function deliverOne(withModel: boolean): Promise<Story[]> {
  const summarizeStories = generatedStorySummaries(fakeGenerator(model.url, llm.log, 300), { article: (id) => ARTICLES.find((a) => a.id === id) }, llm.log);
  rig = await makeDigestRig({ start: '2026-11-01T07:00:00Z', articles: ARTICLES, extra: withModel ? { summarizeStories } : {} });
  const parsed = parseConsoleLine('/digest subscribe time:08:00 timezone:UTC');
  if (!parsed.ok) throw new Error(parsed.error.message);
  await rig.bot.handle(parsed.command, { surface: 'console', conversationId: 'c', userId: 'me', channelKey: 'console:local' });
  rig.clock.set('2026-11-01T08:00:00Z');
  await rig.service.scheduler.tick();
  const post = rig.channel.posts[0];
  if (!post || post.reply.kind !== 'stories') throw new Error('no digest delivered');
  const stories = post.reply.stories;
  await rig.close();
  rig = undefined;
  return stories;
}

describe('digest story summaries through the model (LLM_DIGEST=1)', () => {
  it('replaces each summary with the checked one, citing the story’s sources by their numbers', async () => {
    const offline = await deliverOne(false);
    const stories = await deliverOne(true);
    expect(stories.map((s) => s.headline)).toEqual(offline.map((s) => s.headline));
    expect(stories).toHaveLength(3);
    for (const [i, story] of stories.entries()) {
      expect(story.summary).toEqual([expect.stringMatching(/^The first passage answers it \[1\]\. It reports "[^"]+" \[1\]\.$/)]);
      expect(story.sources).toEqual(offline[i]!.sources);
    }
    // the model saw each story's source article as passage [1]
    const prompts = model.requests.map((r) => r.body.messages!.find((m) => m.role === 'user')!.content);
    expect(prompts.map((p) => promptPassages(p)[0]!.heading)).toEqual(offline.map((s) => `${s.sources[0]!.title} (article ${s.sources[0]!.id}, 2026-11-01)`));
    expect(prompts[0]).toContain(`Summarize the story "${offline[0]!.headline}"`);
  });

  it('keeps the offline summary of a story whose summary fails the checks', async () => {
    const offline = await deliverOne(false);
    model.mode = 'misquote';
    expect(await deliverOne(true)).toEqual(offline);
    expect(model.requests).toHaveLength(3);
    expect(llmWarnings(llm.lines).map((w) => w.reason)).toEqual(Array(3).fill(expect.stringMatching(/^discarded: a quoted phrase is not verbatim/)));
  });

  it('stops asking after the model times out: the rest of the digest stays offline', async () => {
    const offline = await deliverOne(false);
    model.mode = 'hang';
    expect(await deliverOne(true)).toEqual(offline);
    expect(model.requests).toHaveLength(1);
    expect(llmWarnings(llm.lines).map((w) => w.reason)).toEqual(['timeout after 300 ms']);
  });

  it('rewrites the `digest now` preview too', async () => {
    const summarizeStories = generatedStorySummaries(fakeGenerator(model.url, llm.log), { article: (id) => ARTICLES.find((a) => a.id === id) }, llm.log);
    rig = await makeDigestRig({ start: '2026-11-01T07:00:00Z', articles: ARTICLES, extra: { summarizeStories } });
    const parsed = parseConsoleLine('/digest now');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const reply: Reply = await rig.bot.handle(parsed.command, { surface: 'console', conversationId: 'c', userId: 'me', channelKey: 'console:local' });
    expect(reply.kind === 'stories' && reply.stories.map((s) => s.summary[0])).toEqual(Array(3).fill(expect.stringContaining('It reports "')));
  });
});

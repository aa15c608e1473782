import { afterEach, describe, expect, it } from 'vitest';
import { understandRequest } from '../../src/bot/understand-request.ts';
import { article, CONSOLE_CTX, makeDigestRig, replyText, type DigestRig } from '../support/digest-rig.ts';

describe('forget and "summarize it" in words', () => {
  it.each([['forget everything'], ['clear our conversation'], ['delete what i said'], ['wipe all'], ['forget me']])('reads %j as forget', (text) => {
    expect(understandRequest(text).intent).toBe('forget');
  });

  it.each([['summarize it'], ['summarize that article'], ['tl;dr this'], ['tell me more'], ['more please']])('reads %j as a summary of the article just cited', (text) => {
    expect(understandRequest(text)).toMatchObject({ intent: 'summary', lastCited: true, understood: 'Summary of the article just cited' });
    expect(understandRequest(text, { lastCitedId: 'a1' })).toMatchObject({ refId: 'a1', command: '/summary a1' });
  });
});

describe('short chat replies in words', () => {
  it.each([['thanks'], ['thx'], ['ok'], ['never mind'], ['forget it'], ['cancel']])('acknowledges %j in a line', (text) => {
    expect(understandRequest(text)).toMatchObject({ intent: 'help', ack: 'ack', understood: 'OK' });
  });

  it.each([['start over'], ['new topic'], ['reset']])('reads %j as starting over', (text) => {
    expect(understandRequest(text)).toMatchObject({ intent: 'help', ack: 'reset' });
  });

  it.each([['tell me about yukos', 'yukos'], ['anything about oil?', 'oil'], ['what do you know about the palace', 'palace']])('reads %j as a brief on %j', (text, topic) => {
    expect(understandRequest(text)).toMatchObject({ intent: 'brief', topic });
  });

  it.each([['read me the first one', 1], ['what is the second one about', 2]])('reads %j as a summary of story %i of the last brief', (text, ref) => {
    expect(understandRequest(text, { lastBrief: ['a', 'b'] })).toMatchObject({ intent: 'summary', ref });
  });

  it.each([['source?'], ['where did you get that'], ["what's your source"]])('reads %j as the source of the last answer', (text) => {
    expect(understandRequest(text)).toMatchObject({ intent: 'sources', lastCited: true, understood: 'The most recent articles' });
    expect(understandRequest(text, { lastCitedId: 'a1' })).toMatchObject({ understood: 'The source of the last answer', command: '/sources a1' });
  });

  it('keeps greetings as help and questions as questions', () => {
    expect(understandRequest('hello')).toMatchObject({ intent: 'help' });
    expect(understandRequest('hello').ack).toBeUndefined();
    expect(understandRequest('what did the minister tell the press about the budget?').intent).toBe('ask');
  });
});

let rig: DigestRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const ctx = CONSOLE_CTX;
const say = replyText;

describe('through the Bot', () => {
  it('"summarize it" summarizes the one article the last answer cited, and says so plainly when there is none', async () => {
    rig = await makeDigestRig({ start: '2026-11-25T10:00:00Z', articles: [article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z'), article('a2', 'ferry fare rise', '2026-11-25T07:00:00Z')] });
    const none = await rig.bot.handleText('summarize it', ctx);
    expect(none.command).toBeNull();
    expect(say(none.reply)).toMatch(/^There is no single article just cited here/);
    const asked = await rig.bot.handleText('what did witnesses describe about the harbour warehouse fire?', ctx);
    expect(asked.reply.kind === 'answer' && asked.reply.answer.sources.map((s) => s.id)).toEqual(['a1']);
    const more = await rig.bot.handleText('summarize it', ctx);
    expect(more.command).toEqual({ name: 'summary', target: 'a1' });
    expect(more.reply.kind === 'summary' && more.reply.summary.id).toBe('a1');
  });
  it('"source?" lists the article the last answer cited; "start over" drops the context so "summarize it" has none', async () => {
    rig = await makeDigestRig({ start: '2026-11-25T10:00:00Z', articles: [article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z'), article('a2', 'ferry fare rise', '2026-11-25T07:00:00Z')] });
    const before = await rig.bot.handleText('source?', ctx);
    expect(before.reply.kind === 'sources' && before.reply.articles.length).toBe(2);
    await rig.bot.handleText('what did witnesses describe about the harbour warehouse fire?', ctx);
    const source = await rig.bot.handleText('where did you get that', ctx);
    expect(source.reply.kind === 'sources' && source.reply.articles.map((a) => a.id)).toEqual(['a1']);
    expect(source.reply.understood).toEqual({ line: 'The source of the last answer', command: '/sources a1' });
    expect(say((await rig.bot.handleText('thanks', ctx)).reply)).toBe('OK. Ask me anything about the news, or type help for the commands.');
    expect(say((await rig.bot.handleText('start over', ctx)).reply)).toBe('Starting over: your next question is read on its own.');
    expect(say((await rig.bot.handleText('summarize it', ctx)).reply)).toMatch(/^There is no single article just cited here/);
  });
});

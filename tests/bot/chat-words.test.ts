import { afterEach, describe, expect, it } from 'vitest';
import type { CallContext } from '../../src/bot/call-context.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { understandRequest, type RequestIntent } from '../../src/bot/understand-request.ts';
import { normalizeWords } from '../../src/bot/request-words.ts';
import { loadRequestSet, PROBE_FILE } from '../../bench/requests-set.ts';
import { article, makeDigestRig, type DigestRig } from '../support/digest-rig.ts';

// none of these messages is in bench/requests.jsonl or bench/requests-probe.jsonl
const now = new Date('2024-12-05T15:00:00Z'); // a Thursday
const read = (text: string) => understandRequest(text, { now, timeZone: 'UTC', lastBrief: ['a', 'b', 'c', 'd'] });

describe('keyword queries', () => {
  it.each([
    ['petrol prices', 'petrol prices'],
    ['@briefbot ryanair', 'ryanair'],
    ['the nhs', 'nhs'],
    ['bbc licence fee', 'bbc licence fee'],
    ['a380 delays', 'a380 delays'],
  ])('reads %j as a brief on %j', (text, topic) => {
    expect(read(text)).toMatchObject({ intent: 'brief', topic });
  });

  it('takes a window out of the keywords', () => {
    expect(read('tesco yesterday')).toMatchObject({ intent: 'brief', topic: 'tesco', sinceWords: 'yesterday' });
  });

  it.each([
    ['petrol prices?'], // a question mark keeps it a question
    ['petrol price'], // a singular value noun asks for a value
    ['the cost of petrol'],
    ['zzkqwt plmbr'], // gibberish
    ['and in scotland'], // a follow-up fragment
    ['explain inflation'], // an instruction
    ['is it raining'],
    ['how about cardiff'],
    ['lots of words that go on for more than four'],
    ["when's the budget"], // a question word's contraction is still a question word
    ["who's the ceo"],
  ])('keeps %j a question', (text) => {
    expect(read(text).intent).toBe('ask');
  });
});

describe('story references alone', () => {
  it.each([
    ['3', 3],
    ['the third one', 3],
    ['4th', 4],
    ['and the 2nd?', 2],
    ['give me #1', 1],
    ['second one tldr', 2],
    ['tell me about story 4', 4],
    ['how about the 3rd', 3],
  ])('reads %j as a summary of story %i', (text, ref) => {
    expect(read(text)).toMatchObject({ intent: 'summary', ref });
  });

  it('keeps the sentence count of a reference alone', () => {
    expect(read('the 2nd story in 2 sentences')).toMatchObject({ intent: 'summary', ref: 2, sentences: 2 });
  });

  it.each([['one'], ['top'], ['the one']])('does not read the bare word %j as a reference', (text) => {
    expect(read(text).ref).toBeUndefined();
  });

  it('reads "the one about X" as a summary of X, and "link for that one" as the cited source', () => {
    expect(read('the one about the strike')).toMatchObject({ intent: 'summary', topic: 'strike' });
    expect(read('link for that article')).toMatchObject({ intent: 'sources', lastCited: true });
    expect(read('more info on that one')).toMatchObject({ intent: 'summary', lastCited: true });
  });
});

describe('chit-chat, complaints and questions about the bot', () => {
  it.each([['ahh right'], ['ok cool thanks'], ['haha'], ['good answer'], ['yep'], ['no problem'], ['cheers mateee'], ['ta'], ['👍🏽'], ['🙏'], [':+1:']])('acknowledges %j in a line', (text) => {
    expect(read(text)).toMatchObject({ intent: 'help', ack: 'ack' });
  });

  it('keeps emoji that say nothing a question', () => {
    expect(read('🔥🤔').intent).toBe('ask');
  });

  it.each([["that's not right"], ['nope, wrong article'], ['not what i asked for'], ['rubbish']])('reads %j as a missed reply', (text) => {
    expect(read(text)).toMatchObject({ intent: 'help', ack: 'missed', understood: 'Not what you wanted' });
  });

  it.each([
    ['how old is your news'],
    ['which outlets do you use'],
    ['how many stories do you have'],
    ['is this real time'],
    ['can you browse the internet'],
    ['where do your articles come from'],
    ['how far back does it go'],
    ['when were you last updated'],
    ['which websites do you use'],
  ])('reads %j as a question about the corpus', (text) => {
    expect(read(text)).toMatchObject({ intent: 'help', about: 'corpus', understood: 'About the news I hold' });
  });

  it('keeps a question about what the sources say a question', () => {
    expect(read('what do your sources say about the strike').intent).toBe('ask');
    expect(read('where does the gas come from').intent).toBe('ask');
  });

  it.each([['who built you'], ['are you human'], ["what's your job"], ['are you clever'], ['what is this about'], ['what are you for']])('reads %j as a question about the bot', (text) => {
    expect(read(text)).toMatchObject({ intent: 'help', about: 'bot' });
  });

  it.each([['what do you keep about me'], ['do you log my questions'], ['how can i delete my data']])('reads %j as a question about what is kept', (text) => {
    expect(read(text)).toMatchObject({ intent: 'help', about: 'data' });
  });

  it.each([['how does the summary work'], ['how do i set up a digest'], ['how can i get a digest on fridays'], ['show me the commands'], ['?'], ['give me some examples'], ['show me what you can do']])('reads %j as help', (text) => {
    const r = read(text);
    expect(r.intent).toBe('help');
    expect(r.about ?? r.ack).toBeUndefined();
  });
});

describe('windows and requests in more words', () => {
  it.each<[string, RequestIntent, string | undefined, string | undefined]>([
    ['anything worth knowing about yesterday', 'brief', undefined, 'yesterday'],
    ["what's happened since tuesday", 'brief', undefined, 'tuesday'],
    ['the biggest stories of the week', 'brief', undefined, 'this week'],
    ['articles about the strike from the past 3 days', 'brief', 'strike', '3 days ago'],
    ['hello! anything new today', 'brief', undefined, 'today'],
    ['whats up with tesco', 'brief', 'tesco', undefined],
    ['tell me more about the rail strike', 'brief', 'rail strike', undefined],
    ['what is happening in the world', 'brief', undefined, undefined],
    ["what's in the news about tesco", 'brief', 'tesco', undefined],
    ['any headlines about tesco', 'brief', 'tesco', undefined],
    ['any word on tesco', 'brief', 'tesco', undefined],
    ["what's been going on since monday", 'brief', undefined, 'monday'], // "going on" keeps its preposition
    ['which stories mention tesco', 'sources', 'tesco', undefined],
    ['where can i read about the rail strike', 'sources', 'rail strike', undefined],
    ['weekly digest at 8am on mondays', 'help', undefined, undefined],
    ['what happened', 'ask', undefined, undefined],
  ])('reads %j', (text, intent, topic, since) => {
    const r = read(text);
    expect(r.intent).toBe(intent);
    expect(r.topic).toBe(topic);
    if (since) expect(r.sinceWords).toBe(since);
  });

  it('writes contractions without their apostrophe', () => {
    expect(normalizeWords("Where's that from? You're sure it isn't")).toBe('wheres that from youre sure it isnt');
  });
});

describe('the probe set (bench/requests-probe.jsonl)', () => {
  const items = loadRequestSet(PROBE_FILE, { probe: true });
  it('has at least 120 messages, every intent among them', () => {
    expect(items.length).toBeGreaterThanOrEqual(120);
    expect(new Set(items.map((i) => i.intent)).size).toBe(7);
  });
  it('is understood with intent accuracy ≥ 95 %', () => {
    const lastBrief = ['a', 'b', 'c', 'd', 'e'];
    const right = items.filter((item) => understandRequest(item.text, { now, timeZone: 'UTC', lastBrief }).intent === item.intent).length;
    expect(right / items.length).toBeGreaterThanOrEqual(0.95);
  });
});

let rig: DigestRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const ctx: CallContext = { surface: 'console', conversationId: 'c', userId: 'console', channelKey: 'console:local', canManageDigest: true };
const say = (reply: Reply) => (reply.kind === 'notice' ? reply.text : reply.kind);

describe('notices through the Bot', () => {
  it('says what the corpus holds: its article count, newest date and title, not an answer from an article', async () => {
    rig = await makeDigestRig({
      start: '2026-11-25T10:00:00Z',
      articles: [article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z'), article('a2', 'ferry fare rise', '2026-11-24T07:00:00Z'), { ...article('a3', 'old mill sale', '2026-01-01'), date: null }],
    });
    const { request, command, reply } = await rig.bot.handleText('how recent is your news?', ctx);
    expect(request).toMatchObject({ intent: 'help', about: 'corpus' });
    expect(command).toBeNull();
    expect(say(reply)).toBe('I answer from a fixed news corpus, not the live web: 3 articles; the newest is dated 2026-11-25 ("Report on the harbour warehouse fire"); 1 carry no date. "sources" lists the latest.');
  });

  it('answers questions about the bot and what it keeps, and a missed reply, in one line each', async () => {
    rig = await makeDigestRig({ start: '2026-11-25T10:00:00Z', articles: [article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z')] });
    expect(say((await rig.bot.handleText('are you a bot', ctx)).reply)).toMatch(/^I am a news briefing bot/);
    expect(say((await rig.bot.handleText('what do you store about me', ctx)).reply)).toMatch(/each for 24 hours.*"forget" deletes all of it\.$/);
    expect(say((await rig.bot.handleText("that's wrong", ctx)).reply)).toMatch(/^Sorry that missed/);
    const keyword = await rig.bot.handleText('harbour fire', ctx);
    expect(keyword.command).toEqual({ name: 'brief', topic: 'harbour fire', since: null });
    expect(keyword.reply.understood).toEqual({ line: 'Briefing on *harbour fire*', command: '/brief harbour fire' });
  });
});

describe('references into an article listing asked for in words', () => {
  it('"the 2nd one" after "articles about X" is the second article listed; past the end it says so', async () => {
    rig = await makeDigestRig({
      start: '2026-11-25T10:00:00Z',
      articles: [article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z'), article('a2', 'forest fire spread', '2026-11-24T07:00:00Z'), article('a3', 'ferry fare rise', '2026-11-24T08:00:00Z')],
    });
    const listed = await rig.bot.handleText('articles about the fire', ctx);
    const ids = listed.reply.kind === 'sources' ? listed.reply.articles.map((a) => a.id) : [];
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const second = await rig.bot.handleText('the 2nd one', ctx);
    expect(second.command).toEqual({ name: 'summary', target: ids[1] });
    expect(second.reply.understood?.line).toBe('Summary of article 2 of the last list');
    const past = await rig.bot.handleText('number 9', ctx);
    expect(past.command).toBeNull();
    expect(say(past.reply)).toBe(`The last list here had ${ids.length} articles; there is no number 9.`);
    // a brief replaces the list: references count in the brief again
    await rig.bot.handleText('brief me on the ferry fare', ctx);
    expect((await rig.bot.handleText('the first one', ctx)).reply.understood?.line).toBe('Summary of story 1 of your last brief');
  });
});

describe('a role at the end of keywords asks who holds it', () => {
  it.each([['italy coach'], ['chelsea manager'], ['england captain'], ['yukos buyer']])('reads %j as a question', (text) => {
    expect(understandRequest(text).intent).toBe('ask');
  });
  it.each([['oil prices'], ['sony psp']])('still reads %j as a brief', (text) => {
    expect(understandRequest(text).intent).toBe('brief');
  });
});

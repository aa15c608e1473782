import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestCommand, requestTurn, stripMention, takeWindow, understandRequest, type RequestIntent } from '../../src/bot/understand-request.ts';
import { resolveSinceWords, sinceLabelOf } from '../../src/bot/request-window.ts';
import { correctKeyWord, normalizeWords } from '../../src/bot/request-words.ts';
import { loadRequestSet } from '../../bench/requests-set.ts';

const now = new Date('2024-12-05T15:00:00Z'); // a Thursday
const zone = 'UTC';
const read = (text: string, lastBrief?: string[]) => understandRequest(text, { now, timeZone: zone, ...(lastBrief ? { lastBrief } : {}) });

// [message, intent, topic (brief/sources) or target (summary), window words]
const CASES: [string, RequestIntent, string?, string?][] = [
  // briefs
  ['brief me on the euro', 'brief', 'euro'],
  ['Briefing: strikes in france', 'brief', 'strikes in france'],
  ['can you brief me about tesco since tuesday', 'brief', 'tesco', 'tuesday'],
  ['<@U0BOT> gimme the lowdown on rail fares', 'brief', 'rail fares'],
  ['<@!123456> bring me up to speed on the budget', 'brief', 'budget'],
  ['any updates on the strike?', 'brief', 'strike'],
  ['is there anything new about eurostar', 'brief', 'eurostar'],
  ['what is going on with ryanair lately', 'brief', 'ryanair'],
  ['whats been happening with the nhs over the past 2 weeks', 'brief', 'nhs', '2 weeks ago'],
  ['what happened with the euro yesterday', 'brief', 'euro', 'yesterday'],
  ['cricket headlines', 'brief', 'cricket'],
  ['what are the headlines today', 'brief', undefined, 'today'],
  ["what are today's top stories", 'brief', undefined, 'today'],
  ['what are the main stories on oil', 'brief', 'oil'],
  ['main stories today', 'brief', undefined, 'today'],
  ['since monday', 'brief', undefined, 'monday'],
  // a keyword query is a brief on it (it was a question: the ask path answered "chelsea" with a random quote)
  ['oil', 'brief', 'oil'],
  ['the news pls', 'brief'],
  ['whats the situation with the mortgage market', 'brief', 'mortgage market'],
  ['breif me on nasa', 'brief', 'nasa'],
  ['catch me up', 'brief'],
  ['keep me posted on the election since last monday', 'brief', 'election', 'monday'],
  // summaries
  ['summarize the article about the pension shortfall', 'summary', 'pension shortfall'],
  ['tl;dr: euro disney losses', 'summary', 'euro disney losses'],
  ['quick summary of the story on wine sales in 4 sentences', 'summary', 'wine sales'],
  ['gist of the piece about chip makers', 'summary', 'chip makers'],
  // a summary of the whole news is the top stories, not an article matching "news"
  ['summarize the news', 'brief'],
  ["summarise today's news", 'brief', undefined, 'today'],
  ['recap the headlines', 'brief'],
  ['give me a summary of the day', 'brief'],
  ['summarise the news about the nintendo ds euro debut', 'summary', 'nintendo ds euro debut'],
  ['give me a summary of today', 'brief', undefined, 'today'],
  // asked which stories it holds: the stories, not a question answered from the nearest passage
  ['which stories do you have', 'brief'],
  ['what have you got', 'brief'],
  ['what do you have on the mac mini', 'sources', 'mac mini'],
  // "X news" with the asking words before it: X alone is the topic
  ['show me the latest tech news since monday', 'brief', 'tech', 'monday'],
  ['breaking news', 'brief'],
  ['what does the bot do', 'help'],
  // sources
  ['show me articles about steel', 'sources', 'steel'],
  ['any links on the airbus a380?', 'sources', 'airbus a380'],
  ['what have you got on fifa', 'sources', 'fifa'],
  ['sources', 'sources', ''],
  ['list', 'sources', ''],
  ['list all', 'sources', ''],
  ['sources aleppo', 'sources', 'aleppo'],
  // digest, help, forget
  ['what is in the digest', 'digest'],
  ['check my digest', 'digest'],
  ['commands?', 'help'],
  ['hello', 'help'],
  ['<@U0BOT>', 'help'],
  ['   ', 'help'],
  ['wipe my data', 'forget'],
  ['forget everything about me please', 'forget'],
  // questions, including ones that use the request words
  ['how did the euro do against the dollar', 'ask'],
  ['sources close to the talks say the deal is off', 'ask'],
  ['what did the report say about debt relief', 'ask'],
  ['who briefed the press about the merger', 'ask'],
  ['did the minister forget me in his speech', 'ask'],
  ['what is a digest', 'ask'],
  ['latest unemployment figure?', 'ask'],
  ['what happened to the ftse', 'ask'],
  ['show me who runs the fed', 'ask'],
  ['any idea why shares fell', 'ask'],
  ['why is the news so bad', 'ask'],
  ['Was hat die EZB gesagt?', 'ask'],
  ['🎉🎉', 'ask'],
  ['http://example.com/story', 'ask'],
  ['__proto__', 'ask'],
  ['constructor hasOwnProperty', 'brief', 'constructor hasownproperty'],
  ['constructor hasOwnProperty?', 'ask'],
];

describe('understandRequest over a table of messages', () => {
  it.each(CASES)('%s → %s', (text, intent, words, since) => {
    const r = read(text);
    expect(r.intent).toBe(intent);
    if (words !== undefined) expect(r.topic ?? '').toBe(words);
    if (since !== undefined) expect(r.sinceWords).toBe(since);
    if (intent === 'brief' && since === undefined && !r.catchUp) expect(r.sinceWords).toBeUndefined();
    expect(r.understood.length).toBeGreaterThan(0);
    expect(r.command.startsWith('/')).toBe(true);
  });
});

describe('references to the last brief', () => {
  const last = ['bbc-a', 'bbc-b', 'bbc-c'];
  it.each([
    ['summarize the third one', 'summary', 3],
    ['more on 2', 'summary', 2],
    ['tell me more about story 1', 'summary', 1],
    ['tldr #2 in one sentence', 'summary', 2],
    ['sources for the 3rd', 'sources', 3],
    ['links for number 1', 'sources', 1],
    ['where did the second story come from', 'sources', 2],
  ] as const)('%s → %s of story %i', (text, intent, ref) => {
    const r = read(text, last);
    expect(r.intent).toBe(intent);
    expect(r.ref).toBe(ref);
    expect(r.refId).toBe(last[ref - 1]);
    expect(r.command).toContain(last[ref - 1]);
  });

  it('keeps a reference past the end of the last brief without an id, for the caller to explain', () => {
    const r = read('summarize number 7', last);
    expect(r.ref).toBe(7);
    expect(r.refId).toBeUndefined();
    expect(r.understood).toContain('story 7');
  });

  it('reads the sentences asked for', () => {
    expect(read('summarise the first one in 2 sentences', last).sentences).toBe(2);
    expect(read('summarize the article about rail fares in three sentences').sentences).toBe(3);
  });
});

describe('time windows and the understood line', () => {
  it('reads a weekday as the latest one not in the future, and "this week" from Monday', () => {
    const sat = resolveSinceWords('saturday', now, zone);
    expect(sat.ok && sat.value.toISOString()).toBe('2024-11-30T00:00:00.000Z');
    const week = resolveSinceWords('this week', now, zone);
    expect(week.ok && week.value.toISOString()).toBe('2024-12-02T00:00:00.000Z');
    expect(sinceLabelOf('monday')).toBe('Mon');
    expect(sinceLabelOf('this week')).toBe('Mon');
    expect(sinceLabelOf('3 days ago')).toBe('3 days ago');
  });

  it('says how a brief was understood and the exact command for next time, per surface', () => {
    const text = 'whats the latest on oil prices since monday';
    const r = read(text);
    expect(r.understood).toBe('Briefing on *oil prices* since Mon');
    expect(r.command).toBe('/brief oil prices since:monday');
    expect(r.since?.toISOString()).toBe('2024-12-02T00:00:00.000Z');
    expect(understandRequest(text, { now, surface: 'discord' }).command).toBe('/brief topic:oil prices since:monday');
    expect(understandRequest('summarize the wine article', { now, surface: 'slack' }).command).toBe('/brief summary wine');
    expect(understandRequest('articles on wine', { now, surface: 'discord' }).command).toBe('/sources query:wine');
  });

  it('reads a window in the caller timezone', () => {
    const r = understandRequest('news about rail since yesterday', { now, timeZone: 'America/New_York' });
    expect(r.since?.toISOString()).toBe('2024-12-04T05:00:00.000Z');
  });

  it('catches up from the last brief when there was one, else over 24 hours', () => {
    const at = new Date('2024-12-05T09:30:00Z');
    expect(understandRequest('catch me up', { now, lastBriefAt: at }).since?.toISOString()).toBe(at.toISOString());
    const r = read('what did i miss');
    expect(r.catchUp).toBe(true);
    expect(r.since?.getTime()).toBe(now.getTime() - 24 * 3600 * 1000);
    expect(r.command).toBe('/brief since:24 hours ago');
  });

  it('takes the window out of the topic words', () => {
    expect(takeWindow('oil prices in the last 3 days')).toEqual({ rest: 'oil prices', spec: '3 days ago' });
    expect(takeWindow('oil prices')).toBeNull();
  });
});

describe('bad input', () => {
  it('hands an over-long message to the question path untouched, where the length limit is explained', () => {
    const long = 'brief me on oil '.repeat(400);
    const r = read(long);
    expect(r.intent).toBe('ask');
    expect(r.question).toBe(long.trim());
  });

  it('never throws and always answers the same way for the same words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const a = read(text);
        expect(read(text)).toEqual(a);
        expect(['ask', 'brief', 'summary', 'sources', 'digest', 'help', 'forget']).toContain(a.intent);
      }),
      { numRuns: 300 },
    );
  });

  it('strips only a leading mention', () => {
    expect(stripMention('<@U123|briefbot> hi there')).toBe('hi there');
    expect(stripMention('hey @BriefBot: news pls')).toBe('news pls');
    expect(stripMention('who is @someone')).toBe('who is @someone');
  });

  it('fixes a typo in the first word only', () => {
    expect(correctKeyWord('sumary')).toBe('summary');
    expect(correctKeyWord('brfie')).toBe('brief');
    expect(correctKeyWord('grief')).toBe('brief');
    expect(normalizeWords('grief counselling brfie')).toBe('brief counselling brfie');
    expect(correctKeyWord('bird')).toBe('bird');
  });
});

describe('the command a request dispatches to', () => {
  it('maps each intent onto the existing commands', () => {
    expect(requestCommand(read('brief me on wine since monday'))).toEqual({ name: 'brief', topic: 'wine', since: 'monday' });
    expect(requestCommand(read('summarize #2 in 2 sentences', ['x', 'y']))).toEqual({ name: 'summary', target: 'y', sentences: 2 });
    expect(requestCommand(read('whats in my digest'))).toEqual({ name: 'digest', action: 'now', args: '' });
    expect(requestCommand(read('who won?'))).toEqual({ name: 'ask', question: 'who won?' });
  });

  it('leaves a follow-up context after a brief, none after a question', () => {
    const turn = requestTurn(read('brief me on the psp'), [{ id: 'bbc-tech-025', title: 'Sony PSP console hits US in March' }]);
    expect(turn).toEqual({ question: 'psp', expanded: 'psp', articleIds: ['bbc-tech-025'] });
    expect(requestTurn(read('top stories'), [{ id: 'x', title: 'Oil rally' }])?.expanded).toBe('Oil rally');
    expect(requestTurn(read('who won?'), [])).toBeUndefined();
  });
});

describe('the dev set (bench/requests.jsonl)', () => {
  const items = loadRequestSet();

  it('has at least 80 messages in 40 conversations, every intent among them', () => {
    expect(items.length).toBeGreaterThanOrEqual(80);
    expect(new Set(items.map((i) => i.conv)).size).toBeGreaterThanOrEqual(40);
    expect(new Set(items.map((i) => i.intent)).size).toBe(7);
  });

  // its speed (p50) is a bench figure (`npm run bench`, requests section), not a timed test
  it('is understood with intent accuracy ≥ 95 %', () => {
    const lastBrief = ['a', 'b', 'c', 'd', 'e'];
    const right = items.filter((item) => understandRequest(item.text, { now, timeZone: zone, lastBrief }).intent === item.intent).length;
    expect(right / items.length).toBeGreaterThanOrEqual(0.95);
  });
});

describe("Slack's /brief TEXT", () => {
  it('keeps plain words a topic, reads questions and requests in words as such', async () => {
    const { understandBriefText } = await import('../../src/bot/understand-request.ts');
    const brief = (t: string) => understandBriefText(t, { now, timeZone: zone });
    expect(brief('oil prices')).toMatchObject({ intent: 'brief', topic: 'oil prices', command: '/brief oil prices' });
    expect(brief('oil prices since:monday')).toMatchObject({ intent: 'brief', topic: 'oil prices', sinceWords: 'monday', sinceLabel: 'Mon' });
    expect(brief('yukos last 3 days')).toMatchObject({ intent: 'brief', topic: 'yukos', sinceWords: '3 days ago' });
    expect(brief('who won the australian open?').intent).toBe('ask');
    expect(brief('why did shares fall').intent).toBe('ask');
    expect(brief('summarize the yukos auction')).toMatchObject({ intent: 'summary', topic: 'yukos auction', command: '/brief summary yukos auction' });
    expect(brief('')).toMatchObject({ intent: 'help' });
    // an acknowledgement in a DM is a topic after the command ("/brief fine": fines)
    expect(brief('fine')).toMatchObject({ intent: 'brief', topic: 'fine', command: '/brief fine' });
    expect(brief('help')).toMatchObject({ intent: 'help' });
  });
});

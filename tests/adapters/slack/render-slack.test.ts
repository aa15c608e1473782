import { describe, expect, it } from 'vitest';
import {
  ACTION_IDS,
  SLACK_LIMITS,
  decodeFeedbackValue,
  encodeFeedbackValue,
  messageChars,
  renderSlack,
  slackUsage,
  type SlackMessage,
} from '../../../adapters/slack/render-slack.ts';
import { decodeSlackText, escapeSlack, safeUrl, slackLink } from '../../../adapters/slack/slack-text.ts';
import { UNSURE_SHORT_TEXT, UNSURE_TEXT, type Reply } from '../../../src/bot/reply.ts';
import { helpReply } from '../../../src/bot/help.ts';
import type { Story } from '../../../src/engine/types.ts';
import { UNSAFE_PATTERNS, payloadTexts } from '../../support/slack-harness.ts';

const sectionsOf = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : []));
const contextsOf = (m: SlackMessage) =>
  m.blocks.flatMap((b) => (b.type === 'context' ? [b.elements.map((e) => ('text' in e && typeof e.text === 'string' ? e.text : '')).join(' | ')] : []));
const actionIds = (m: SlackMessage) => m.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => ('action_id' in e ? e.action_id : '')) : []));
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\u2060/g, '');

function expectWithinLimits(messages: SlackMessage[]) {
  for (const m of messages) {
    expect(m.text.length).toBeGreaterThan(0);
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    for (const s of sectionsOf(m)) expect(s.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
    for (const b of m.blocks) if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
    expect(messageChars(m) + m.text.length).toBeLessThan(12_000 * 0.9);
  }
}

function expectSafe(messages: SlackMessage[]) {
  for (const { path, text } of payloadTexts(messages)) for (const p of UNSAFE_PATTERNS) expect(`${path}: ${text}`).not.toMatch(p);
}

describe('Slack text helpers', () => {
  it('escapes &, < and > and breaks @here, @channel and @everyone', () => {
    expect(escapeSlack('a & b <!channel> <@U123> <#C1|x> 1 > 0')).toBe('a &amp; b &lt;!channel&gt; &lt;@U123&gt; &lt;#C1|x&gt; 1 &gt; 0');
    expect(escapeSlack('hi @everyone, @Here and @channel; email me@herefordshire.uk')).toBe(
      'hi @\u2060everyone, @\u2060Here and @\u2060channel; email me@herefordshire.uk',
    );
    expect(escapeSlack('&amp;')).toBe('&amp;amp;');
  });

  it('links only safe http(s) URLs, with an escaped title', () => {
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,hi')).toBeNull();
    expect(safeUrl('not a url')).toBeNull();
    expect(safeUrl(`https://example.org/${'a'.repeat(2000)}`)).toBeNull();
    expect(safeUrl('https://example.org/a|b?<x>')).toBe('https://example.org/a%7Cb?%3Cx%3E');
    expect(slackLink('https://example.org/?a=1&b=2', 'Tom & Jerry <!here>')).toBe('<https://example.org/?a=1&amp;b=2|Tom &amp; Jerry &lt;!here&gt;>');
    expect(slackLink('ftp://example.org/x', 'Plain <title>')).toBe('Plain &lt;title&gt;');
    expect(slackLink(null, 'No link')).toBe('No link');
  });

  it('decodes what Slack delivers into plain text, dropping mentions of the bot', () => {
    expect(decodeSlackText('<@UBOT> who is <@U123|bob> in <#C9|general>? see <https://x.org/a?b=1&amp;c=2|this> &amp; <https://y.org>', 'UBOT')).toBe(
      'who is @bob in #general? see this & https://y.org',
    );
    expect(decodeSlackText('tell <!channel> and <!subteam^S1|@team> about 1 &lt; 2 &gt; 0')).toBe('tell @channel and @team about 1 < 2 > 0');
    expect(decodeSlackText('<@UBOT|briefing>', 'UBOT')).toBe('');
  });

  it('turns usage lines into /brief commands', () => {
    expect(slackUsage('ask QUESTION')).toBe('/brief ask QUESTION');
    expect(slackUsage('brief [topic words] [since:WHEN]')).toBe('/brief [topic words] [since:WHEN]');
    expect(slackUsage('/brief help')).toBe('/brief help');
  });

  it('round-trips the feedback value and drops source ids that do not fit', () => {
    expect(decodeFeedbackValue(encodeFeedbackValue({ ref: 'abc123', sources: ['a.txt', 'b.txt'] }))).toEqual({ ref: 'abc123', sources: ['a.txt', 'b.txt'] });
    const big = encodeFeedbackValue({ ref: 'r1', sources: Array.from({ length: 100 }, (_, i) => `${'x'.repeat(40)}-${i}`) });
    expect(big.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValueChars);
    expect(decodeFeedbackValue(big)).toEqual({ ref: 'r1', sources: [] });
    expect(decodeFeedbackValue('not json')).toBeNull();
    expect(decodeFeedbackValue(undefined)).toBeNull();
  });
});

describe('renderSlack', () => {
  const answer: Reply = {
    kind: 'answer',
    question: 'who said <!here> & why?',
    answer: {
      answer: '@everyone',
      quote: 'Mayor Ortiz told <!channel> and @everyone that <@U123> pays.',
      sources: [{ id: 'h.txt', title: 'Harbour <b>news</b>', url: 'https://n.example/h?a=1&b=2', date: '2024-11-28T10:00:00Z' }],
      confidence: 0.9,
      short: true,
    },
  };

  it('renders an answer: question, answer, quote, sources, buttons, fallback text', () => {
    const [m, ...rest] = renderSlack(answer, { answerRef: 'ref1', shareKey: 'key1' });
    expect(rest).toEqual([]);
    expect(contextsOf(m!)[0]).toBe('*Q:* who said &lt;!here&gt; &amp; why?');
    expect(sectionsOf(m!)).toEqual(['*@\u2060everyone*', '>“Mayor Ortiz told &lt;!channel&gt; and @\u2060everyone that &lt;@U123&gt; pays.”']);
    expect(contextsOf(m!)[1]).toBe('Sources: <https://n.example/h?a=1&amp;b=2|Harbour &lt;b&gt;news&lt;/b&gt;> · 2024-11-28');
    expect(actionIds(m!)).toEqual([ACTION_IDS.feedbackUp, ACTION_IDS.feedbackDown, ACTION_IDS.share]);
    expect(m!.text).toContain('@\u2060everyone');
    expectSafe([m!]);
  });

  it('leaves out buttons it was not asked for, and the quote when it is the answer', () => {
    const reply: Reply = {
      kind: 'answer',
      question: 'q?',
      answer: { answer: 'Same sentence.', quote: 'Same sentence.', sources: [], confidence: 1, short: false },
    };
    const [plain] = renderSlack(reply);
    expect(sectionsOf(plain!)).toEqual(['Same sentence.']);
    expect(actionIds(plain!)).toEqual([]);
  });

  it('says an unsure answer is only the closest passage, in a context line above it', () => {
    const answer = { answer: 'A sentence <@U1>.', quote: 'A sentence <@U1>.', sources: [], confidence: 0.3, short: false };
    const [m] = renderSlack({ kind: 'answer', question: 'q?', answer });
    expect(contextsOf(m!)).toContain(UNSURE_TEXT);
    expect(sectionsOf(m!)).toEqual(['A sentence &lt;@U1&gt;.']);
    const [sure] = renderSlack({ kind: 'answer', question: 'q?', answer: { ...answer, confidence: 0.7 } });
    expect(contextsOf(sure!)).not.toContain(UNSURE_TEXT);
  });

  it('hedges a bold answer below the sure line in a context line, and keeps it bold', () => {
    const answer = { answer: 'Syrian rebels', quote: 'The palace was invaded by Syrian rebels.', sources: [], confidence: 0.4, short: true };
    const [m] = renderSlack({ kind: 'answer', question: 'q?', answer });
    expect(contextsOf(m!)).toContain(UNSURE_SHORT_TEXT);
    expect(sectionsOf(m!)[0]).toBe('*Syrian rebels*');
    const [sure] = renderSlack({ kind: 'answer', question: 'q?', answer: { ...answer, confidence: 0.5 } });
    expect(contextsOf(sure!)).not.toContain(UNSURE_SHORT_TEXT);
  });

  it('says "the corpus does not say" for a null answer', () => {
    const [m] = renderSlack({ kind: 'answer', question: 'q?', answer: { answer: null, quote: null, sources: [], confidence: 0, short: false } }, { answerRef: 'r' });
    expect(sectionsOf(m!)[0]).toMatch(/^The corpus does not say/);
    expect(m!.text).toMatch(/The corpus does not say/);
  });

  it('renders help, errors with the usage line, notices and empty results with fallback text', () => {
    const [help] = renderSlack(helpReply('slack'));
    expect(sectionsOf(help!).join('\n')).toContain('`/brief ask QUESTION`');
    const [err] = renderSlack({ kind: 'error', code: 'not_found', message: 'No article matches "x". Try /sources to list articles.', usage: 'summary ID_OR_TITLE_WORDS' });
    expect(sectionsOf(err!)[0]).toBe('⚠️ No article matches "x". Try /brief sources to list articles.');
    expect(contextsOf(err!)).toEqual(['Usage: `/brief summary ID_OR_TITLE_WORDS`']);
    const [internal] = renderSlack({ kind: 'error', code: 'internal', message: 'Sorry (reference ABC).' });
    expect(contextsOf(internal!)).toEqual(['Type `/brief help` for the commands.']);
    const [empty] = renderSlack({ kind: 'stories', title: 'Briefing', stories: [], empty: 'No stories about "x <y>".' });
    expect(sectionsOf(empty!)).toEqual(['*Briefing*', 'No stories about "x &lt;y&gt;".']);
    for (const m of [help!, err!, internal!, empty!]) expect(m.text.length).toBeGreaterThan(0);
  });

  it('splits a very long summary at sentence boundaries within every limit, losing nothing', () => {
    const sentences = Array.from({ length: 400 }, (_, i) => `Sentence ${i} & its <detail> matter.`);
    const story: Story = { headline: 'Long', summary: sentences, sources: [] };
    const messages = renderSlack({ kind: 'stories', title: 'T', stories: [story], empty: '' }, { shareKey: 'k' });
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    expectSafe(messages);
    const text = unescape(messages.flatMap(sectionsOf).join(' '));
    for (const s of sentences) expect(text).toContain(s);
    // cuts fall between sentences
    for (const s of messages.flatMap(sectionsOf).slice(1)) expect(s).toMatch(/matter\.$/);
    expect(actionIds(messages.at(-1)!)).toEqual([ACTION_IDS.share]);
    for (const m of messages.slice(0, -1)) expect(actionIds(m)).toEqual([]);
  });

  it('keeps sections under 3,000 characters even when escaping multiplies their length', () => {
    const messages = renderSlack({ kind: 'notice', text: '&'.repeat(9000) });
    expectWithinLimits(messages);
    expect(messages.flatMap(sectionsOf).join('')).toBe('&amp;'.repeat(9000));
  });

  it('caps blocks per message and context elements for many stories with many sources', () => {
    const stories: Story[] = Array.from({ length: 40 }, (_, i) => ({
      headline: `Story ${i}`,
      summary: [`Summary of story ${i}.`],
      sources: Array.from({ length: 15 }, (_, k) => ({ id: `${i}-${k}`, title: `Source ${k}`, url: `https://e.org/${i}/${k}`, date: null })),
    }));
    const messages = renderSlack({ kind: 'stories', title: 'Many', stories, empty: '' });
    expect(messages.length).toBeGreaterThan(1);
    expectWithinLimits(messages);
    const ctx = messages.flatMap(contextsOf);
    // at most 5 source lines a story, the rest counted
    expect(ctx[0]).toContain('and 10 more');
    expect(ctx[0]).not.toContain('Source 5');
    expect(messages.every((m) => m.blocks[0]?.type !== 'divider' && m.blocks.at(-1)?.type !== 'divider')).toBe(true);
    const order = messages.flatMap(sectionsOf).flatMap((s) => [...s.matchAll(/\*(\d+)\. Story (\d+)\*/g)].map((x) => Number(x[2])));
    expect(order).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('lists a story\'s copies folded into one line with "+N copies"', () => {
    const line = (id: string, title: string, copies: number) => ({ id, title, url: `https://e.org/${id}`, date: '2005-03-03', copies, copyIds: [] as string[] });
    const story: Story = {
      headline: 'Singapore growth at 8.1% in 2004',
      summary: ['Growth was driven by electronics.'],
      sources: [],
      distinctSources: [line('a', 'Singapore raises forecast', 0), line('b', 'Singapore growth at 8.1% in 2004', 2)],
    };
    const ctx = renderSlack({ kind: 'stories', title: 'Brief', stories: [story], empty: '' }).flatMap(contextsOf);
    expect(ctx).toEqual(['Sources: <https://e.org/a|Singapore raises forecast> · 2005-03-03 | <https://e.org/b|Singapore growth at 8.1% in 2004> · 2005-03-03 · +2 copies']);
  });

  it('lists many articles across sections and messages', () => {
    const articles = Array.from({ length: 300 }, (_, i) => ({ id: `a${i}.txt`, title: `Article ${i} about <things> & more`, date: '2024-01-01', source: 'Wire', url: `https://e.org/${i}?x=1&y=2` }));
    const messages = renderSlack({ kind: 'sources', query: 'things', articles, feeds: [{ url: 'https://feed.example/rss', ok: false, checked: null, error: 'HTTP 500 <oops>' }] });
    expectWithinLimits(messages);
    expectSafe(messages);
    const all = messages.flatMap(sectionsOf).join('\n');
    expect(all).toContain('300. <https://e.org/299?x=1&amp;y=2|Article 299 about &lt;things&gt; &amp; more> · 2024-01-01 · Wire · id: `a299.txt`');
    expect(all).toContain('feed <https://feed.example/rss|https://feed.example/rss>: failing (HTTP 500 &lt;oops&gt;)');
  });
});

describe('renderSlack: short answers', () => {
  const quote = 'The palace was invaded by Syrian rebels on Sunday evening.';
  const reply = (short: boolean): Reply => ({
    kind: 'answer',
    question: 'Who took the palace?',
    answer: { answer: short ? 'Syrian rebels' : quote, quote, sources: [], confidence: 0.8, short },
  });

  it('shows a vouched-for short answer in bold, then the quote', () => {
    const [m] = renderSlack(reply(true));
    expect(sectionsOf(m!)).toEqual(['*Syrian rebels*', `>“${quote}”`]);
    expect(m!.text).toContain('Syrian rebels');
  });

  it('leads with the supporting sentence, not bold, when the answer is not short', () => {
    const [m] = renderSlack(reply(false));
    expect(sectionsOf(m!)).toEqual([quote]);
    expect(sectionsOf(m!).join('')).not.toMatch(/^\*/);
  });
});

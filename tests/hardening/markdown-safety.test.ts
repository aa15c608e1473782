/**
 * Article text never changes the formatting of what the bot posts, nor pings anyone, on Slack
 * or on Discord. Differential property: a reply whose article-derived strings are markup soups
 * must carry exactly the same live formatting markers, in the same order, as the same reply
 * with every punctuation character of those strings replaced by a letter. Each platform's
 * markers are read by a small model of its parser (see `slackMarkers`, `discordMarkers`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeDiscord, renderDiscord, type DiscordMessage } from '../../adapters/discord/render-discord.ts';
import { renderSlack, type SlackMessage } from '../../adapters/slack/render-slack.ts';
import { escapeSlack } from '../../adapters/slack/slack-text.ts';
import type { Reply } from '../../src/bot/reply.ts';
import { payloadTexts, UNSAFE_PATTERNS } from '../support/slack-harness.ts';

const TOKENS = [
  '*', '**', '_', '__', '~', '~~', '`', '```', '>', '> ', '>>> ', '|', '||', '<', '>', '&', '&gt;', '[', ']', '](', '(', ')',
  '#', '# ', '## ', '-# ', '- ', '+ ', '1. ', '12. ', '\\', '\\*', ':', ':fire:', '@everyone', '@here', '@channel', '<!here>',
  '<@U123>', '<@123456789>', '<@&7>', '<#C1|x>', '<#99>', '<t:0:R>', '<:e:1>', 'https://x.org/a_b*c', '\n', ' ', '\t', 'a', 'B',
  'snake_case', 'New_York', '2*3', 'word', 'é', '9', '.', ',',
];
/** Article-derived text: short soups of markup and words (short: no splitting or truncation in play). */
const soup = (maxLength = 24) => fc.string({ unit: fc.constantFrom(...TOKENS), maxLength });

/** The same text with every character but letters, digits and white space turned into a letter. */
const neutral = (s: string) => s.replace(/[^\p{L}\p{N}\s]/gu, 'x');

interface Raw {
  question: string;
  answer: string;
  quote: string;
  titles: string[];
  ids: string[];
  sourceNames: string[];
  summary: string[];
  headline: string;
}

const raw: fc.Arbitrary<Raw> = fc.record({
  question: soup(),
  answer: soup(),
  quote: soup(),
  titles: fc.array(soup(), { minLength: 1, maxLength: 3 }),
  ids: fc.array(soup(12), { minLength: 3, maxLength: 3 }),
  sourceNames: fc.array(soup(12), { minLength: 3, maxLength: 3 }),
  summary: fc.array(soup(), { minLength: 1, maxLength: 3 }),
  headline: soup(),
});

const URLS = ['https://example.org/a', null, 'https://example.org/b_(c)?d=1&e=*'];

/** Every kind of reply that shows article text, with `f` applied to each article-derived string. */
function replies(r: Raw, f: (s: string) => string): Reply[] {
  const sources = r.titles.map((t, i) => ({ id: f(r.ids[i % 3]!), title: f(t), url: URLS[i % 3]!, date: i === 1 ? '2024-11-30' : null }));
  return [
    {
      kind: 'answer',
      question: f(r.question),
      // the prefixes keep answer and quote apart (an equal quote is not shown) in both forms
      answer: { answer: `A ${f(r.answer)}`, quote: `Q ${f(r.quote)}`, sources, confidence: 0.7, short: true },
    },
    { kind: 'stories', title: `Briefing on "${f(r.headline)}"`, empty: '', stories: [{ headline: f(r.headline), summary: r.summary.map(f), sources }] },
    { kind: 'summary', summary: { id: f(r.ids[0]!), title: f(r.titles[0]!), summary: r.summary.map(f) }, url: URLS[0]!, date: '2024-11-30' },
    {
      kind: 'sources',
      query: f(r.question),
      articles: sources.map((s, i) => ({ ...s, source: f(r.sourceNames[i % 3]!) })),
      feeds: [{ url: 'https://feeds.example.org/rss', ok: false, checked: '2024-11-30T10:00:00Z', error: f(r.answer) }],
    },
  ];
}

const ALNUM = /[\p{L}\p{N}]/u;

/**
 * The live formatting markers of Slack mrkdwn, in order: `*`, `_`, `~` unless inside a word (Slack
 * never formats within a word), code spans (their inside is literal), a `>` (raw or `&gt;`) opening a line, every raw `<`,
 * an emoji code (`:fire:`).
 */
function slackMarkers(text: string): string {
  let out = '';
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '`') {
      // a code span's inside is literal
      const close = text.indexOf('`', i + 1);
      out += '``';
      if (close < 0) break;
      i = close;
      lineStart = false;
      continue;
    }
    if (lineStart && (c === '>' || text.startsWith('&gt;', i))) out += '>';
    if ('*_~'.includes(c) && !(ALNUM.test(text[i - 1] ?? '') && ALNUM.test(text[i + 1] ?? ''))) out += c;
    if (c === '<') out += c;
    if (c === ':' && /^:[a-z0-9_+'-]*[a-z][a-z0-9_+'-]*:/i.test(text.slice(i))) out += ':';
    if (c === '\n') lineStart = true;
    else if (c !== ' ' && c !== '\t') lineStart = false;
  }
  return out;
}

/**
 * The live markers of Discord markdown, in order: a backslash hides the character after it;
 * a code span's inside is literal; `* _ ~ ` | < > #` count wherever they are, so does the `](` of a
 * masked link, and a list marker (`-`, `+`, `1.` before a space) at the start of a line.
 */
function discordMarkers(text: string): string {
  let out = '';
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      i++;
      lineStart = false;
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', i + 1);
      out += '``';
      if (close < 0) break;
      i = close;
      lineStart = false;
      continue;
    }
    if (lineStart) {
      const list = /^[ \t]*(?:[-+]|\d+\.)(?=[ \t]|$)/m.exec(text.slice(i));
      if (list && list.index === 0) out += 'L';
    }
    if ('*_~|<>#'.includes(c)) out += c;
    if (c === ']' && text[i + 1] === '(') out += '](';
    if (c === '\n') lineStart = true;
    else if (c !== ' ' && c !== '\t') lineStart = false;
  }
  return out;
}

/** Slack texts that are read as mrkdwn: section and context texts and the fallback. */
const slackTexts = (messages: SlackMessage[]) =>
  messages.flatMap((m) => [
    m.text,
    ...m.blocks.flatMap((b) => (b.type === 'section' && b.text ? [b.text.text] : b.type === 'context' ? b.elements.map((e) => ('text' in e ? String(e.text) : '')) : [])),
  ]);

/** Discord texts rendered as markdown: content, embed titles, descriptions and fields (footers are plain). */
const discordTexts = (messages: DiscordMessage[]) =>
  messages.flatMap((m) => [
    m.content ?? '',
    ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ]);

const RUNS = { numRuns: 500 } as const;

describe('article text never changes formatting nor pings anyone', () => {
  it('Slack: same live markers as with the markup taken out; no mention, no raw < or &', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const risky = replies(r, (s) => s);
        const plain = replies(r, neutral);
        risky.forEach((reply, k) => {
          const got = slackTexts(renderSlack(reply)).map(slackMarkers);
          const want = slackTexts(renderSlack(plain[k]!)).map(slackMarkers);
          expect(got).toEqual(want);
          for (const { path, text } of payloadTexts(renderSlack(reply))) {
            const outside = text.replace(/<https?:\/\/[^|>]*\|/g, '');
            for (const p of UNSAFE_PATTERNS) if (p.test(outside)) throw new Error(`unsafe ${p} at ${path}: ${JSON.stringify(text)}`);
          }
        });
      }),
      RUNS,
    );
  });

  it('Discord: same live markers as with the markup taken out; allowedMentions parse [] and no live mention', () => {
    fc.assert(
      fc.property(raw, (r) => {
        const risky = replies(r, (s) => s);
        const plain = replies(r, neutral);
        risky.forEach((reply, k) => {
          const messages = renderDiscord(reply);
          expect(discordTexts(messages).map(discordMarkers)).toEqual(discordTexts(renderDiscord(plain[k]!)).map(discordMarkers));
          for (const m of messages) {
            expect(m.allowedMentions).toEqual({ parse: [] });
            const all = [...discordTexts([m]), ...m.embeds.map((e) => e.footer?.text ?? '')].join('\n').replace(/`[^`]*`/g, '');
            expect(all).not.toMatch(/@(everyone|here)/i);
            expect(all).not.toMatch(/(^|[^\\])<(@[!&]?\d|#\d)/);
          }
        });
      }),
      RUNS,
    );
  });

  it('the escapers alone leave no live marker in any text', () => {
    fc.assert(
      fc.property(soup(40), (s) => {
        expect(discordMarkers(escapeDiscord(s))).toBe('');
        expect(slackMarkers(escapeSlack(s))).toBe('');
      }),
      RUNS,
    );
  });

  it('examples: titles with markup read as typed', () => {
    expect(escapeSlack('*Breaking* _news_ ~old~ `code` > quote')).toBe('\u2217Breaking\u2217 \u02CDnews\u02CD \u223Cold\u223C \u02CBcode\u02CB &gt; quote');
    expect(escapeSlack('> quoted\nsnake_case in America/New_York, 2*3')).toBe('\u00AD&gt; quoted\nsnake_case in America/New_York, 2*3');
    expect(escapeSlack('Fans :fire: at 10:30:45')).toBe('Fans :\u2060fire: at 10:30:45');
    expect(escapeDiscord('*Breaking* __news__ ||spoiler|| [a](b) <t:0:R> # 1. x\n- item\n1. first')).toBe(
      '\\*Breaking\\* \\_\\_news\\_\\_ \\|\\|spoiler\\|\\| [a]\\(b) \\<t:0:R\\> \\# 1. x\n\\- item\n1\\. first',
    );
  });
});

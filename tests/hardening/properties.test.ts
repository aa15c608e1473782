/**
 * Property tests of the parsers and renderers: no input makes them throw, none is slower than
 * linear on 1 MB adversarial input, and no rendered output carries a live mention or broken
 * markup. Runs are bounded so the file stays well under 20 s.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../adapters/cli/parse-args.ts';
import { renderText } from '../../adapters/console/render-text.ts';
import { DISCORD_LIMITS, embedLength, renderDiscord, type DiscordMessage } from '../../adapters/discord/render-discord.ts';
import { splitText } from '../../adapters/shared/split-text.ts';
import { messageChars, renderSlack, SLACK_LIMITS, type SlackMessage } from '../../adapters/slack/render-slack.ts';
import { decodeSlackText, escapeSlack } from '../../adapters/slack/slack-text.ts';
import { parseBriefText, parseConsoleLine, parseSubcommand } from '../../src/bot/command.ts';
import { parseSince } from '../../src/bot/parse-since.ts';
import type { Reply } from '../../src/bot/reply.ts';
import type { SourceRef, Story } from '../../src/engine/types.ts';
import { cleanArticle } from '../../src/engine/corpus/clean-article.ts';
import { parseFeedXml } from '../../src/engine/corpus/parse-feed.ts';
import { htmlToText, parseHtml } from '../../src/engine/corpus/parse-html.ts';
import { parseJson, parseJsonl } from '../../src/engine/corpus/parse-json.ts';
import { parseMarkdown, stripMarkdown } from '../../src/engine/corpus/parse-plain.ts';
import { parseSubscribe } from '../../src/schedule/subscription.ts';
import { payloadTexts, UNSAFE_PATTERNS } from '../support/slack-harness.ts';

/** Pieces that matter to the parsers and renderers: markup, mentions, separators, broken UTF-16. */
const TOKENS = [
  '<', '>', '&', '&amp;', '&lt;', '@', '@everyone', '@here', '@channel', '<!channel>', '<!here>', '<!everyone>', '<!subteam^S1>',
  '<@U123>', '<@W9>', '<#C123|general>', '<@123456789>', '<@!42>', '<@&7>', '<#99>', '*', '**', '_', '__', '~', '~~', '`', '```',
  '[', ']', '(', ')', '](', '|', '\n', '\n\n', ' ', '\t', '.', '. ', '?', '!', '"', '“', '”', 'since:', 'ask ', 'digest ', 'forget',
  'time:', 'timezone:', 'topic:', '/', '/ask ', '/brief ', '--', '--limit', '--json', '-', '#', '---\n', '{', '}', '{"text":"', '"}',
  'http://x.org/a?b=1&c=2', 'https://example.com/<@U1>', 'javascript:alert(1)', '\u200B', '\u202E', '\u0000', '\u0007', '\uFEFF',
  '\uD800', '\uDC00', '😀', 'é', 'Aleppo', 'palace', 'the', '2024-11-30', 'yesterday', '<p>', '</p>', '<div>', '<script>', '<![CDATA[',
  ']]>', '<rss><channel><item>', '</item>', '<title>', '<description>', '<feed><entry>', '<content type="html">',
];

const tokenString = (maxLength = 40) => fc.string({ unit: fc.constantFrom(...TOKENS), maxLength });
/** Any text: plain strings, full UTF-16 (lone surrogates too) and token soups. */
const anyText = (maxLength = 40) => fc.oneof(fc.string({ maxLength }), fc.string({ unit: 'binary', maxLength }), tokenString(maxLength));

const RUNS = { numRuns: 150 } as const;
const FEW = { numRuns: 40 } as const;

describe('parsers never throw on arbitrary text', () => {
  it('command parsing: console lines, Slack /brief text, sub-commands', () => {
    fc.assert(
      fc.property(anyText(), (s) => {
        for (const parsed of [parseConsoleLine(s), parseBriefText(s), parseSubcommand('digest', s), parseSubcommand('ask', s)]) {
          expect(typeof parsed.ok).toBe('boolean');
          if (!parsed.ok) expect(parsed.error.message.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it('since: and digest subscribe options', () => {
    const now = new Date('2024-12-02T15:00:00Z');
    fc.assert(
      fc.property(anyText(30), fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'), (s, tz) => {
        const r = parseSince(s, now, tz);
        if (r.ok) expect(Number.isNaN(r.value.getTime())).toBe(false);
        parseSubscribe(s, { channelKey: 'c', userId: 'u', timezone: tz, now });
      }),
      { numRuns: 100 },
    );
  });

  it('the CLI argument parser', () => {
    fc.assert(
      fc.property(fc.array(anyText(15), { maxLength: 8 }), (argv) => {
        const r = parseCliArgs(argv);
        if (!r.ok) expect(r.error.code).toBe('usage');
      }),
      RUNS,
    );
  });

  it('JSONL, JSON, Markdown and Slack text', () => {
    fc.assert(
      fc.property(anyText(60), (s) => {
        parseJsonl(s, 'f.jsonl', 'f.jsonl');
        parseJson(s, 'f.json', 'f.json');
        parseMarkdown(s, 'f.md', 'f.md');
        stripMarkdown(s);
        decodeSlackText(s, 'UBOT');
      }),
      RUNS,
    );
  });

  it('JSONL lines built from arbitrary field values', () => {
    const value = fc.oneof(anyText(20), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(fc.record({ id: value, text: value, title: value, url: value, date: value, source: value }, { requiredKeys: [] }), { maxLength: 5 }), (objects) => {
        const { articles } = parseJsonl(objects.map((o) => JSON.stringify(o)).join('\n'), 'f.jsonl', 'f.jsonl');
        for (const a of articles) expect(a.text.trim().length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('feeds, HTML and the article cleaner', () => {
    fc.assert(
      fc.property(anyText(60), (s) => {
        parseFeedXml(s, 'f.xml', 'f.xml');
        parseFeedXml(`<?xml version="1.0"?><rss><channel><item><description>${s}</description></item></channel></rss>`, 'f.xml', 'f.xml');
        htmlToText(s);
        parseHtml(s, 'f.html', 'f.html');
        const a = cleanArticle({ id: s || 'x', text: s, title: s, url: s, date: s, source: s, origin: 'x' });
        if (a) expect(a.text.length).toBeGreaterThan(0);
      }),
      FEW,
    );
  });
});

// ---------------------------------------------------------------- replies

const url = fc.oneof(fc.constant(null), fc.webUrl(), anyText(20), fc.constant('https://example.com/a_(b)?x=<@U1>&y=|z'));
const date = fc.oneof(fc.constant(null), fc.constant('2024-11-30'), fc.constant('2024-11-30T18:00:00Z'), anyText(12));
const source: fc.Arbitrary<SourceRef> = fc.record({ id: anyText(20), title: anyText(40), url, date });
const story: fc.Arbitrary<Story> = fc.record({ headline: anyText(60), summary: fc.array(anyText(120), { maxLength: 4 }), sources: fc.array(source, { maxLength: 12 }) });

const reply: fc.Arbitrary<Reply> = fc.oneof(
  fc.record({
    kind: fc.constant('answer' as const),
    question: anyText(80),
    answer: fc.record({ answer: fc.option(anyText(200), { nil: null }), quote: fc.option(anyText(200), { nil: null }), sources: fc.array(source, { maxLength: 4 }), confidence: fc.double({ min: 0, max: 1, noNaN: true }), short: fc.boolean() }),
  }),
  fc.record({ kind: fc.constant('stories' as const), title: anyText(40), stories: fc.array(story, { maxLength: 8 }), empty: anyText(40) }),
  fc.record({
    kind: fc.constant('summary' as const),
    summary: fc.record({ id: anyText(20), title: anyText(40), summary: fc.array(anyText(200), { maxLength: 5 }) }),
    url,
    date,
  }),
  fc.record({
    kind: fc.constant('sources' as const),
    query: anyText(20),
    articles: fc.array(fc.record({ id: anyText(20), title: anyText(40), date, source: fc.option(anyText(20), { nil: null }), url }), { maxLength: 12 }),
    feeds: fc.array(fc.record({ url: anyText(30), ok: fc.boolean(), checked: fc.constant(null), error: fc.option(anyText(30), { nil: null }) }), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('help' as const), title: anyText(20), entries: fc.array(fc.record({ usage: anyText(30), description: anyText(40) }), { maxLength: 8 }) }),
  fc.record({ kind: fc.constant('notice' as const), text: anyText(200) }),
  fc.record({ kind: fc.constant('error' as const), code: fc.constantFrom('usage', 'not_found', 'internal', 'rate_limited', 'forbidden') as fc.Arbitrary<'usage'>, message: anyText(100), usage: fc.option(anyText(30), { nil: undefined }) }, { requiredKeys: ['kind', 'code', 'message'] }),
);

/** Every Slack message stays within its limits and carries nothing that mentions or breaks markup. */
function checkSlack(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.text.length).toBeGreaterThan(0);
    expect(m.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocksPerMessage);
    expect(messageChars(m)).toBeLessThan(12_000);
    for (const b of m.blocks) if (b.type === 'section') expect(b.text!.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionChars);
    for (const { path, text } of payloadTexts(m)) {
      // a link we built is `<http…|label>`; take links out, then nothing unsafe may be left
      const outside = text.replace(/<https?:\/\/[^<>|\s]+\|[^<>]*>/g, '');
      for (const p of UNSAFE_PATTERNS) if (p.test(outside)) throw new Error(`unsafe ${p} at ${path}: ${JSON.stringify(text)}`);
      const labels = [...text.matchAll(/<https?:\/\/[^<>|\s]+\|([^<>]*)>/g)].map((x) => x[1]!);
      for (const label of labels) for (const p of UNSAFE_PATTERNS) if (p.test(label)) throw new Error(`unsafe link label ${p}: ${JSON.stringify(label)}`);
    }
  }
}

const LIVE_DISCORD = [/@everyone/i, /@here/i, /<@!?\d/, /<@&\d/, /<#\d/];

function checkDiscord(messages: DiscordMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.allowedMentions).toEqual({ parse: [] });
    expect((m.content ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    expect(m.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    for (const e of m.embeds) {
      expect((e.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect((e.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect((e.fields ?? []).length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldsPerEmbed);
      for (const f of e.fields ?? []) {
        expect(f.value.length).toBeGreaterThan(0);
        expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
        expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      }
      if (e.url) expect(e.url).toMatch(/^https?:\/\//);
    }
    const shown = [m.content ?? '', ...m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])].join('\n');
    for (const p of LIVE_DISCORD) if (p.test(shown)) throw new Error(`live mention ${p}: ${JSON.stringify(shown)}`);
  }
}

describe('renderers never throw, stay within limits and never mention anyone', () => {
  it('console text', () => {
    fc.assert(
      fc.property(reply, fc.integer({ min: 1, max: 200 }), (r, width) => {
        expect(typeof renderText(r, width)).toBe('string');
      }),
      RUNS,
    );
  });

  it('Slack Block Kit: escaped, no <!channel>/<!here>/<!everyone>/<@U…>/<#C…>, no raw < or &', () => {
    fc.assert(
      fc.property(reply, fc.boolean(), (r, withButtons) => {
        checkSlack(renderSlack(r, withButtons ? { answerRef: 'ref1', shareKey: 'key1' } : {}));
      }),
      RUNS,
    );
  });

  it('Slack escaping alone: no token soup survives as a live mention', () => {
    fc.assert(
      fc.property(tokenString(60), (s) => {
        const escaped = escapeSlack(s);
        for (const p of UNSAFE_PATTERNS) expect(p.test(escaped)).toBe(false);
      }),
      RUNS,
    );
  });

  it('Discord: allowedMentions parse [] on every message, no raw @everyone/@here/<@id>, limits kept', () => {
    fc.assert(
      fc.property(reply, fc.boolean(), (r, withButtons) => {
        checkDiscord(renderDiscord(r, withButtons ? { feedbackRef: '123456789' } : {}));
      }),
      RUNS,
    );
  });

  it('splitText: every chunk fits, none is empty, nothing but white space is lost', () => {
    fc.assert(
      fc.property(anyText(300), fc.integer({ min: 2, max: 200 }), (s, max) => {
        const chunks = splitText(s, max);
        for (const c of chunks) {
          expect(c.length).toBeGreaterThan(0);
          expect(c.length).toBeLessThanOrEqual(max);
        }
        expect(chunks.join('').replace(/\s+/g, '')).toBe(s.replace(/\s+/g, ''));
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------- no super-linear behaviour

const MB = 1_000_000;
/** 1 MB inputs that make a careless regular expression or parser quadratic. */
const ADVERSARIAL: Record<string, string> = {
  'a…': 'a'.repeat(MB),
  '<…': '<'.repeat(MB),
  '.…': '.'.repeat(MB),
  '(…': '('.repeat(MB),
  '[…': '['.repeat(MB),
  'blanks': ' '.repeat(MB),
  'newlines': '\n'.repeat(MB),
  '*…': '*'.repeat(MB),
  '<@…': '<@'.repeat(MB / 2),
  '<a>…': '<a>'.repeat(MB / 3),
  '. a…': 'a. "b" (c) <d> '.repeat(MB / 16),
  '![…': '!['.repeat(MB / 2),
  '**a …': '**a '.repeat(MB / 4),
  '&…': '&'.repeat(MB),
};

/**
 * Generous, for a loaded 2-core machine: each call is linear and measured at 10–500 ms on 1 MB;
 * the quadratic versions these inputs were written against took from 4 s to several minutes.
 */
const LIMIT_MS = 2000;

function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

const TARGETS: Record<string, (s: string) => unknown> = {
  parseConsoleLine,
  parseBriefText,
  parseSince: (s) => parseSince(s, new Date('2024-12-02T15:00:00Z'), 'UTC'),
  parseCliArgs: (s) => parseCliArgs(['brief', '--topic', s, s]),
  parseJsonl: (s) => parseJsonl(s, 'f', 'f'),
  parseFeedXml: (s) => parseFeedXml(s, 'f', 'f'),
  htmlToText,
  parseHtml: (s) => parseHtml(s, 'f', 'f'),
  stripMarkdown,
  cleanArticle: (s) => cleanArticle({ id: 'x', text: s, origin: 'x' }),
  decodeSlackText,
  renderText: (s) => renderText({ kind: 'notice', text: s }),
  renderSlack: (s) => renderSlack({ kind: 'answer', question: s, answer: { answer: s, quote: null, sources: [{ id: s, title: s, url: `https://x.org/${s}`, date: s }], confidence: 1, short: true } }),
  renderDiscord: (s) => renderDiscord({ kind: 'stories', title: s, stories: [{ headline: s, summary: [s], sources: [{ id: s, title: s, url: null, date: null }] }], empty: s }),
  splitText: (s) => splitText(s, 2000),
};

describe('no super-linear behaviour on 1 MB adversarial input', () => {
  for (const [name, fn] of Object.entries(TARGETS)) {
    it(`${name} handles every 1 MB input in under ${LIMIT_MS} ms`, () => {
      const slow: string[] = [];
      for (const [label, input] of Object.entries(ADVERSARIAL)) {
        // a second try before calling it slow: a busy machine can stall one run, never two in a row by minutes
        let ms = timed(() => fn(input));
        if (ms > LIMIT_MS) ms = Math.min(ms, timed(() => fn(input)));
        if (ms > LIMIT_MS) slow.push(`${label}: ${Math.round(ms)} ms`);
      }
      expect(slow).toEqual([]);
    });
  }
});

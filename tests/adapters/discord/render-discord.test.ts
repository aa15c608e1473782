import { describe, expect, it } from 'vitest';
import { type APIEmbed } from 'discord.js';
import {
  DISCORD_LIMITS,
  discordUsage,
  embedLength,
  feedbackCustomId,
  neutralizeMentions,
  parseFeedbackCustomId,
  renderDiscord,
  safeUrl,
  type DiscordMessage,
} from '../../../adapters/discord/render-discord.ts';
import { NO_ANSWER_TEXT, UNSURE_SHORT_TEXT, UNSURE_TEXT, type Reply } from '../../../src/bot/reply.ts';
import type { Story } from '../../../src/engine/types.ts';

/** Every limit Discord enforces on a message, checked on one rendered message. */
function expectWithinLimits(message: DiscordMessage): void {
  const L = DISCORD_LIMITS;
  expect(message.allowedMentions).toEqual({ parse: [] });
  expect((message.content ?? '').length).toBeLessThanOrEqual(L.content);
  expect(message.embeds.length).toBeLessThanOrEqual(L.embedsPerMessage);
  expect(message.embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(L.embedTotal);
  for (const e of message.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(L.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(L.description);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(L.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(L.fieldsPerEmbed);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeLessThanOrEqual(L.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(L.fieldValue);
      expect(f.value.length).toBeGreaterThan(0);
    }
  }
}

const allText = (messages: DiscordMessage[]) =>
  messages
    .flatMap((m) => [m.content ?? '', ...m.embeds.flatMap((e: APIEmbed) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).map((f) => f.value)])])
    .join('\n');

const SOURCE = { id: 'world/aleppo.txt', title: 'Rebels take the palace in Aleppo', url: 'https://example.org/aleppo', date: '2024-11-30T18:00:00Z' };

describe('neutralizeMentions', () => {
  it('breaks @everyone, @here, user, role and channel mentions with a zero-width space', () => {
    const out = neutralizeMentions('hi @everyone and @here, <@123>, <@!456>, <@&789> in <#42>');
    expect(out).toBe('hi @\u200Beveryone and @\u200Bhere, <@\u200B123>, <@\u200B!456>, <@\u200B&789> in <#\u200B42>');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@!|<@&|<#\d/);
  });
});

describe('renderDiscord', () => {
  it('renders an answer: answer, supporting quote, sources with link and date, feedback buttons', () => {
    const reply: Reply = {
      kind: 'answer',
      question: 'Who took the palace?',
      answer: { answer: 'Syrian rebels', quote: 'The palace was invaded by Syrian rebels on Sunday evening.', sources: [SOURCE], confidence: 0.82, short: true },
    };
    const messages = renderDiscord(reply, { feedbackRef: '1234' });
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expectWithinLimits(message!);
    const embed = message!.embeds[0]!;
    expect(embed.title).toBe('Who took the palace?');
    expect(embed.description).toBe('**Syrian rebels**');
    expect(embed.fields).toEqual([
      { name: 'Supporting quote', value: '> The palace was invaded by Syrian rebels on Sunday evening.' },
      { name: 'Sources', value: '1. [Rebels take the palace in Aleppo](https://example.org/aleppo) · 2024-11-30' },
    ]);
    expect(embed.footer?.text).toBe('Confidence 82%');
    const buttons = message!.components[0]!.components;
    expect(buttons.map((b) => ('custom_id' in b ? b.custom_id : null))).toEqual(['feedback:helpful:1234', 'feedback:not_helpful:1234']);
    expect(buttons.map((b) => ('label' in b ? b.label : null))).toEqual(['Helpful', 'Not helpful']);
  });

  it('says an unsure answer is only the closest passage, in italics above it', () => {
    const answer = { answer: 'A sentence.', quote: 'A sentence.', sources: [], confidence: 0.3, short: false };
    expect(renderDiscord({ kind: 'answer', question: 'Q?', answer })[0]!.embeds[0]!.description).toBe(`*${UNSURE_TEXT}*\nA sentence.`);
    expect(renderDiscord({ kind: 'answer', question: 'Q?', answer: { ...answer, confidence: 0.7 } })[0]!.embeds[0]!.description).toBe('A sentence.');
  });

  it('hedges a bold answer below the sure line, in italics above the bold', () => {
    const answer = { answer: 'Syrian rebels', quote: 'The palace was invaded by Syrian rebels.', sources: [], confidence: 0.4, short: true };
    expect(renderDiscord({ kind: 'answer', question: 'Q?', answer })[0]!.embeds[0]!.description).toBe(`*${UNSURE_SHORT_TEXT}*\n**Syrian rebels**`);
    expect(renderDiscord({ kind: 'answer', question: 'Q?', answer: { ...answer, confidence: 0.5 } })[0]!.embeds[0]!.description).toBe('**Syrian rebels**');
  });

  it('renders "the corpus does not say" plainly, and no buttons without a feedback reference', () => {
    const messages = renderDiscord({ kind: 'answer', question: 'Price of bananas?', answer: { answer: null, quote: null, sources: [], confidence: 0, short: false } });
    expect(messages[0]!.embeds[0]!.description).toBe(NO_ANSWER_TEXT);
    expect(messages[0]!.embeds[0]!.fields).toBeUndefined();
    expect(messages[0]!.components).toEqual([]);
  });

  it('shows a source without a URL as bold text, and drops URLs Discord would refuse', () => {
    const messages = renderDiscord({
      kind: 'summary',
      summary: { id: 'a.txt', title: 'A [bracketed] title', summary: ['One.', 'Two.'] },
      url: 'javascript:alert(1)',
      date: null,
    });
    const embed = messages[0]!.embeds[0]!;
    expect(embed.url).toBeUndefined();
    expect(embed.description).toBe('• One.\n• Two.');
    expect(embed.fields![0]!.value).toBe('1. **A [bracketed] title**');
    expect(embed.footer?.text).toBe('id: a.txt');
    expect(safeUrl('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeUrl('ftp://example.org')).toBeNull();
  });

  it('neutralises mention syntax coming from the question and the corpus', () => {
    const messages = renderDiscord({
      kind: 'answer',
      question: '@everyone who is <@123>?',
      answer: { answer: 'Ping @here', quote: 'Role <@&55> and channel <#66>.', sources: [SOURCE], confidence: 1, short: true },
    });
    const text = allText(messages);
    expect(text).not.toMatch(/@everyone|@here|<@\d|<@&|<#\d/);
    expect(text).toContain('@\u200Beveryone');
  });

  it('splits a long brief across messages within every limit, at sentence boundaries, losing nothing', () => {
    const sentence = (s: number, i: number) => `Story ${s} sentence ${i} reports that the council met again and talked at length about the budget.`;
    const stories: Story[] = Array.from({ length: 14 }, (_, s) => ({
      headline: `Headline number ${s} `.repeat(20),
      summary: Array.from({ length: 45 }, (_, i) => sentence(s, i)),
      sources: Array.from({ length: 30 }, (_, j) => ({ ...SOURCE, id: `s${s}-${j}`, title: `Source ${s}.${j} with a fairly long title for the list` })),
    }));
    const messages = renderDiscord({ kind: 'stories', title: 'Briefing on "budget"', stories, empty: 'none' });
    expect(messages.length).toBeGreaterThan(3);
    for (const m of messages) expectWithinLimits(m);
    expect(messages[0]!.content).toBe('**Briefing on "budget"**');
    expect(messages.slice(1).every((m) => m.content === undefined)).toBe(true);
    const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).filter(Boolean);
    // Each description chunk ends at a sentence boundary
    for (const d of descriptions) expect(d).toMatch(/\.$/);
    const text = allText(messages);
    for (let s = 0; s < 14; s++) {
      for (let i = 0; i < 45; i++) expect(text).toContain(sentence(s, i));
      // at most 5 source lines a story, the rest counted
      for (let j = 0; j < 5; j++) expect(text).toContain(`Source ${s}.${j} with`);
      expect(text).not.toContain(`Source ${s}.5 with`);
    }
    expect(text).toContain('and 25 more');
    // Titles are cut to 256 characters
    expect(messages[0]!.embeds[0]!.title!.length).toBeLessThanOrEqual(256);
  });

  it('lists a story\'s copies folded into one line with "+N copies"', () => {
    const story: Story = {
      headline: 'Singapore growth at 8.1% in 2004',
      summary: ['Growth was driven by electronics.'],
      sources: [],
      distinctSources: [
        { ...SOURCE, id: 'a', title: 'Singapore raises forecast', copies: 0, copyIds: [] },
        { ...SOURCE, id: 'b', title: 'Singapore growth at 8.1% in 2004', copies: 1, copyIds: ['c'] },
      ],
    };
    const [message] = renderDiscord({ kind: 'stories', title: 'Brief', stories: [story], empty: '' });
    expect(message!.embeds[0]!.fields).toEqual([
      {
        name: 'Sources',
        value: '1. [Singapore raises forecast](https://example.org/aleppo) · 2024-11-30\n2. [Singapore growth at 8.1% in 2004](https://example.org/aleppo) · 2024-11-30 · +1 copy',
      },
    ]);
  });

  it('splits one very long answer into several embeds and messages, the buttons on the last message', () => {
    const paragraph = (p: number) => Array.from({ length: 30 }, (_, i) => `Paragraph ${p} sentence ${i} is here.`).join(' ');
    const answer = Array.from({ length: 20 }, (_, p) => paragraph(p)).join('\n\n');
    const quote = 'A long quote sentence that goes on. '.repeat(80).trim();
    const messages = renderDiscord(
      { kind: 'answer', question: 'Q?', answer: { answer, quote, sources: [SOURCE], confidence: 0.5, short: false } },
      { feedbackRef: 'r1' },
    );
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expectWithinLimits(m);
    expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    expect(messages.at(-1)!.components).toHaveLength(1);
    const text = allText(messages);
    for (let p = 0; p < 20; p++) expect(text).toContain(`Paragraph ${p} sentence 29 is here.`);
    const quoteFields = messages.flatMap((m) => m.embeds.flatMap((e) => e.fields ?? [])).filter((f) => f.name.startsWith('Supporting quote'));
    expect(quoteFields.length).toBeGreaterThan(1);
    expect(quoteFields[1]!.name).toBe('Supporting quote (continued)');
    expect(quoteFields.every((f) => f.value.startsWith('> '))).toBe(true);
  });

  it('renders sources, help, notices and errors (errors with the Discord usage line)', () => {
    const sources = renderDiscord({ kind: 'sources', query: '', articles: [{ ...SOURCE, source: 'Example Post' }], feeds: [{ url: 'https://f.example/rss', ok: false, checked: null, error: 'HTTP 500' }] });
    expect(sources[0]!.embeds[0]!.title).toBe('Most recent articles');
    expect(sources[0]!.embeds[0]!.description).toContain('Example Post');
    expect(sources[0]!.embeds[0]!.description).toContain('id: `world/aleppo.txt`');
    expect(sources[0]!.embeds[0]!.fields![0]!.value).toContain('failing: https://f.example/rss (HTTP 500)');
    const none = renderDiscord({ kind: 'sources', query: 'zebra', articles: [], feeds: [] });
    expect(none[0]!.embeds[0]!.description).toBe('No articles match "zebra".');
    const error = renderDiscord({ kind: 'error', code: 'usage', message: 'Bad since.', usage: 'brief [topic words] [since:WHEN]' });
    expect(error[0]!.embeds[0]!.description).toBe('Bad since.\nUsage: `/brief topic: since:`');
    expect(discordUsage('summary ID_OR_TITLE_WORDS')).toBe('/summary article:');
    expect(renderDiscord({ kind: 'notice', text: 'Heads up.' })[0]!.embeds[0]!.description).toBe('Heads up.');
    const empty = renderDiscord({ kind: 'stories', title: 'Briefing', stories: [], empty: 'No stories.' });
    expect(empty[0]!.embeds[0]!.description).toBe('No stories.');
  });

  it('round-trips feedback custom ids within 100 characters', () => {
    const id = feedbackCustomId('not_helpful', '1234567890123456789');
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseFeedbackCustomId(id)).toEqual({ vote: 'not_helpful', ref: '1234567890123456789' });
    expect(parseFeedbackCustomId('something:else')).toBeNull();
  });
});

describe('renderDiscord: short answers', () => {
  const quote = 'The palace was invaded by Syrian rebels on Sunday evening.';
  const reply = (short: boolean, answer = short ? 'Syrian rebels' : quote): Reply => ({
    kind: 'answer',
    question: 'Who took the palace?',
    answer: { answer, quote, sources: [SOURCE], confidence: 0.8, short },
  });

  it('bolds a vouched-for short answer and keeps the quote as a field', () => {
    const embed = renderDiscord(reply(true))[0]!.embeds[0]!;
    expect(embed.description).toBe('**Syrian rebels**');
    expect(embed.fields?.[0]?.name).toBe('Supporting quote');
  });

  it('escapes markdown inside a bold short answer', () => {
    expect(renderDiscord(reply(true, 'a*b_c'))[0]!.embeds[0]!.description).toBe('**a\\*b\\_c**');
  });

  it('leads with the supporting sentence, not bold and not repeated, when the answer is not short', () => {
    const embed = renderDiscord(reply(false))[0]!.embeds[0]!;
    expect(embed.description).toBe(quote);
    expect(embed.fields?.map((f) => f.name)).toEqual(['Sources']);
  });
});

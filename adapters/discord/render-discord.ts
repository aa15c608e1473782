import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import { displayText } from '../../src/bot/display-text.ts';
import { generatedNote, NO_ANSWER_TEXT, understoodParts, unsureNote, type Reply, type Understood } from '../../src/bot/reply.ts';
import type { MatchRef, SourceRef } from '../../src/bot/reply.ts';
import { articleKey } from '../../src/bot/article-key.ts';
import { splitText } from '../shared/split-text.ts';
import { copiesNote, moreNote, storyLines } from '../shared/story-lines.ts';

/** Discord's message limits (characters). */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  footer: 2048,
  embedsPerMessage: 10,
  /** Across all embeds of one message: titles, descriptions, field names and values, footers, authors. */
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
} as const;

/** One Discord message, in the shape discord.js accepts for send/reply/editReply/followUp. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Always `{ parse: [] }`: nothing in a message may ping anyone. */
  allowedMentions: { parse: [] };
}

export interface RenderOptions {
  /** Adds Helpful / Not helpful buttons to an answer, carrying this reference in their custom ids. */
  feedbackRef?: string;
}

export type FeedbackVote = 'helpful' | 'not_helpful';

/** Custom ids of the feedback buttons: `feedback:<helpful|not_helpful>:<ref>`. */
export function feedbackCustomId(vote: FeedbackVote, ref: string): string {
  return `feedback:${vote}:${ref}`.slice(0, DISCORD_LIMITS.customId);
}

export function parseFeedbackCustomId(customId: string): { vote: FeedbackVote; ref: string } | null {
  const m = /^feedback:(helpful|not_helpful):([\w-]{1,80})$/.exec(customId);
  return m ? { vote: m[1] as FeedbackVote, ref: m[2]! } : null;
}

const COLORS = {
  answer: 0x2b6cb0,
  noAnswer: 0x718096,
  stories: 0x2f855a,
  summary: 0x2c7a7b,
  sources: 0x4a5568,
  help: 0x6b46c1,
  notice: 0x718096,
  error: 0xc53030,
} as const;

const ZWSP = '\u200B';

/**
 * Breaks mention syntax so that text shows literally and can never ping, even where
 * allowed_mentions were missing: `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&role>`, `<#channel>`.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#])/g, `<$1${ZWSP}`);
}

/**
 * Escapes Discord markdown with backslashes (which Discord hides before any punctuation): every
 * character that can open or close formatting, quote, spoiler, mention or timestamp, the `(` of a
 * masked link, and a list or heading marker at the start of a line. For text that Discord renders as markdown
 * (content, embed titles, descriptions, fields); not for footers or code spans.
 */
export function escapeDiscord(text: string): string {
  return text
    .replace(/[\\*_~`|<>#]/g, '\\$&')
    // a masked link needs "](": breaking that keeps "[1]" as typed
    .replace(/\]\(/g, ']\\(')
    .replace(/^([ \t]*)([-+])(?=[ \t]|$)/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\.(?=[ \t]|$)/gm, '$1\\.');
}

/** The bot's own sentences, which echo what users typed (a topic, a time): escaped, except the Discord timestamps the bot put there. */
export function escapeNotice(text: string): string {
  return text
    .split(/(<t:\d{1,12}:[tTdDfFR]>)/)
    .map((part, i) => (i % 2 ? part : escapeDiscord(part)))
    .join('');
}

/** Text inside a `code span`: nothing formats there, but a backtick would close it. */
export function escapeDiscordCode(text: string): string {
  return text.replace(/`/g, '\u02CB');
}

/** An http(s) URL Discord accepts, or null (an embed with a bad url is refused whole). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.href.length <= 2048 ? parsed.href : null;
  } catch {
    return null;
  }
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).trimEnd();
  // a backslash left unpaired at the cut would escape the ellipsis (harmless) or split an escape
  return `${/(^|[^\\])(\\\\)*\\$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

const day = (date: string | null) => (date ? date.slice(0, 10) : null);

/** `1. [Title](url) · 2024-11-30` (title bold when there is no URL); every article-derived part escaped. */
export function sourceLine(source: Pick<SourceRef, 'title' | 'url' | 'date'>, n: number, extra: (string | null)[] = []): string {
  const url = safeUrl(source.url);
  const title = escapeDiscord(truncate(source.title.replace(/\s+/g, ' ').trim(), 300));
  // inside link text a bracket would end the text early
  const shown = url ? `[${title.replace(/[[\]]/g, '\\$&')}](${url.replace(/\)/g, '%29')})` : `**${title}**`;
  const date = day(source.date);
  return [`${n}. ${shown}`, date ? escapeDiscord(date) : null, ...extra.map((e) => (e ? escapeDiscord(e) : null))].filter(Boolean).join(' · ');
}

/** A moment as a Discord timestamp (`<t:unix:f>` full, `R` relative), shown in each reader's own timezone; text that is no moment stays as it is, escaped. */
export function discordMoment(when: string | Date, style: 'f' | 'F' | 'R' | 'd' = 'f'): string {
  const ms = typeof when === 'string' ? Date.parse(when) : when.getTime();
  return Number.isFinite(ms) ? `<t:${Math.floor(ms / 1000)}:${style}>` : escapeDiscord(String(when));
}

interface EmbedSpec {
  title?: string;
  url?: string | null;
  description?: string;
  fields?: { name: string; value: string; quote?: boolean }[];
  footer?: string;
  color: number;
}

/** Characters Discord counts toward an embed's share of the 6,000. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** One logical embed as one or more real embeds, each within every per-embed limit and the 6,000 total. */
function buildEmbeds(spec: EmbedSpec): APIEmbed[] {
  const L = DISCORD_LIMITS;
  const title = spec.title ? truncate(neutralizeMentions(spec.title.replace(/\s+/g, ' ').trim()), L.title) : undefined;
  const url = safeUrl(spec.url);
  const footer = spec.footer ? truncate(neutralizeMentions(spec.footer), L.footer) : undefined;
  const descriptions = spec.description ? splitText(neutralizeMentions(spec.description), L.description) : [];
  const fields: APIEmbedField[] = [];
  for (const f of spec.fields ?? []) {
    const text = neutralizeMentions(f.quote ? f.value.replace(/\s*\n\s*/g, ' ') : f.value);
    const parts = f.quote ? splitText(text, L.fieldValue - 2).map((p) => `> ${p}`) : splitText(text, L.fieldValue);
    parts.forEach((value, i) => {
      const name = truncate(neutralizeMentions(i === 0 ? f.name : `${f.name} (continued)`), L.fieldName);
      fields.push({ name, value });
    });
  }

  const embeds: APIEmbed[] = [];
  let current: APIEmbed = { color: spec.color, ...(title ? { title } : {}), ...(title && url ? { url } : {}) };
  const hasBody = (e: APIEmbed) => Boolean(e.description || e.fields?.length);
  for (const description of descriptions) {
    if (hasBody(current)) {
      embeds.push(current);
      current = { color: spec.color };
    }
    current.description = description;
  }
  for (const field of fields) {
    const count = current.fields?.length ?? 0;
    if (count >= L.fieldsPerEmbed || embedLength(current) + field.name.length + field.value.length > L.embedTotal) {
      embeds.push(current);
      current = { color: spec.color };
    }
    (current.fields ??= []).push(field);
  }
  if (footer) {
    if (embedLength(current) + footer.length > L.embedTotal) {
      embeds.push(current);
      current = { color: spec.color };
    }
    current.footer = { text: footer };
  }
  if (!hasBody(current) && !current.title && !current.footer) current.description = ZWSP;
  embeds.push(current);
  return embeds;
}

/** Packs embeds into messages: at most 10 embeds and 6,000 embed characters each. */
function pack(embeds: APIEmbed[], content: string | undefined, components: DiscordMessage['components']): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage = newMessage();
  let total = 0;
  for (const embed of embeds) {
    const size = embedLength(embed);
    if (current.embeds.length && (current.embeds.length >= DISCORD_LIMITS.embedsPerMessage || total + size > DISCORD_LIMITS.embedTotal)) {
      messages.push(current);
      current = newMessage();
      total = 0;
    }
    current.embeds.push(embed);
    total += size;
  }
  messages.push(current);
  const first = messages[0]!;
  if (content) first.content = truncate(neutralizeMentions(content), DISCORD_LIMITS.content);
  if (components.length) messages[messages.length - 1]!.components = components;
  return messages;
}

function newMessage(): DiscordMessage {
  return { embeds: [], components: [], allowedMentions: { parse: [] } };
}

function feedbackRow(ref: string): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Success, label: 'Helpful', custom_id: feedbackCustomId('helpful', ref) },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Not helpful', custom_id: feedbackCustomId('not_helpful', ref) },
    ],
  };
}

/** The usage line as a Discord user types it. */
const DISCORD_USAGE: Record<string, string> = {
  ask: '/ask question:',
  brief: '/brief topic: since:',
  summary: '/summary article:',
  summarize: '/summary article:',
  sources: '/sources query:',
  digest: '/digest now|subscribe|unsubscribe|status|list',
  'digest subscribe': '/digest subscribe time: timezone:? days:? topic:?',
  help: '/help',
};

export function discordUsage(usage: string): string {
  const words = usage.replace(/^\//, '').split(/\s+/).map((w) => w.toLowerCase());
  return DISCORD_USAGE[words.slice(0, 2).join(' ')] ?? DISCORD_USAGE[words[0] ?? ''] ?? usage;
}

/** Custom id prefix of the buttons that pick one of the articles a summary request also matched. */
export const PICK_PREFIX = 'pick:';

/** A pick button's custom id: the article id when it fits in 100 characters, else its short key. */
export function pickCustomId(id: string): string {
  const full = `${PICK_PREFIX}${id}`;
  return full.length <= DISCORD_LIMITS.customId ? full : `${PICK_PREFIX}${articleKey(id)}`;
}

/** The id or key a pick button carries; null for another button. */
export function parsePickCustomId(customId: string): string | null {
  return customId.startsWith(PICK_PREFIX) && customId.length > PICK_PREFIX.length ? customId.slice(PICK_PREFIX.length) : null;
}

/** One button per other matching article (at most 5, one row). */
function pickRow(matches: readonly MatchRef[]): APIActionRowComponent<APIButtonComponent> {
  return {
    type: ComponentType.ActionRow,
    components: matches.slice(0, 5).map((m) => ({
      type: ComponentType.Button,
      style: ButtonStyle.Secondary,
      label: truncate(m.title.replace(/\s+/g, ' ').trim() || m.id, DISCORD_LIMITS.buttonLabel),
      custom_id: pickCustomId(m.id),
    })),
  };
}

/** The small line above a reply to words: how they were read, and the command for next time. */
export function understoodLine(understood: Understood): string {
  const line = understoodParts(understood.line)
    .map((p) => (p.emphasis ? `*${escapeDiscord(truncate(p.text, 200))}*` : escapeDiscord(p.text)))
    .join('');
  return `-# ${line} · \`${escapeDiscordCode(truncate(understood.command, 300))}\``;
}

/** Renders a platform-neutral Reply as one or more Discord messages, each within Discord's limits. */
export function renderDiscord(reply: Reply, options: RenderOptions = {}): DiscordMessage[] {
  const messages = renderBody(reply, options);
  const first = messages[0];
  if (reply.understood && first) {
    const content = [understoodLine(reply.understood), first.content].filter(Boolean).join('\n');
    first.content = truncate(neutralizeMentions(content), DISCORD_LIMITS.content);
  }
  return messages;
}

function renderBody(reply: Reply, options: RenderOptions): DiscordMessage[] {
  switch (reply.kind) {
    case 'answer': {
      const { answer } = reply;
      const buttons = options.feedbackRef ? [feedbackRow(options.feedbackRef)] : [];
      if (answer.generated) {
        const g = answer.generated;
        const embeds = buildEmbeds({
          title: escapeDiscord(truncate(reply.question, DISCORD_LIMITS.title)),
          // the model's text is text: no markdown, masked link or mention of its own
          description: escapeDiscord(g.partial ? `${g.text} …` : g.text),
          fields: g.sources.length ? [{ name: 'Sources', value: g.sources.map((s) => sourceLine(s, s.n)).join('\n') }] : [],
          footer: generatedNote(g.model, g.partial),
          color: COLORS.answer,
        });
        return pack(embeds, undefined, buttons);
      }
      if (answer.answer === null) {
        return pack(buildEmbeds({ title: escapeDiscord(truncate(reply.question, DISCORD_LIMITS.title)), description: NO_ANSWER_TEXT, color: COLORS.noAnswer }), undefined, buttons);
      }
      const fields: EmbedSpec['fields'] = [];
      if (answer.quote && answer.quote !== answer.answer) fields.push({ name: 'Supporting quote', value: escapeDiscord(answer.quote), quote: true });
      if (answer.sources.length) fields.push({ name: 'Sources', value: answer.sources.map((s, i) => sourceLine(s, i + 1)).join('\n') });
      const unsure = unsureNote(answer);
      const embeds = buildEmbeds({
        title: escapeDiscord(truncate(reply.question, DISCORD_LIMITS.title)),
        // a short answer in bold only when the engine vouches for it; else the quote itself leads
        description: `${unsure ? `*${escapeDiscord(unsure)}*\n` : ''}${answer.short ? `**${escapeDiscord(answer.answer)}**` : escapeDiscord(answer.answer)}`,
        fields,
        footer: `Confidence ${Math.round(answer.confidence * 100)}%`,
        color: COLORS.answer,
      });
      return pack(embeds, undefined, buttons);
    }
    case 'stories': {
      if (reply.stories.length === 0) return pack(buildEmbeds({ title: escapeDiscord(truncate(reply.title, DISCORD_LIMITS.title)), description: escapeDiscord(reply.empty), color: COLORS.stories }), undefined, []);
      const embeds = reply.stories.flatMap((story, i) => {
        const { lines, more } = storyLines(story);
        const value = [...lines.map((s, j) => sourceLine(s, j + 1, [copiesNote(s.copies)])), moreNote(more)].filter(Boolean).join('\n');
        return buildEmbeds({
          title: `${i + 1}. ${escapeDiscord(truncate(story.headline, DISCORD_LIMITS.title))}`,
          url: lines.length === 1 ? lines[0]!.url : null,
          description: escapeDiscord(story.summary.join(' ')),
          fields: lines.length ? [{ name: lines.length === 1 ? 'Source' : 'Sources', value }] : [],
          color: COLORS.stories,
        });
      });
      const title = escapeDiscord(truncate(reply.title, DISCORD_LIMITS.content));
      // a digest's time as a Discord timestamp, shown in each reader's own zone
      const shown = reply.moment ? title.replace(escapeDiscord(reply.moment.text), discordMoment(reply.moment.at, 'f')) : title;
      return pack(embeds, `**${shown}**`, []);
    }
    case 'summary': {
      const { summary } = reply;
      const also = summary.alsoMatching ?? [];
      const embeds = buildEmbeds({
        title: escapeDiscord(truncate(summary.title, DISCORD_LIMITS.title)),
        url: reply.url,
        description: summary.summary.map((s) => `• ${escapeDiscord(s)}`).join('\n'),
        fields: [
          { name: 'Source', value: sourceLine({ title: summary.title, url: reply.url, date: reply.date }, 1) },
          ...(also.length ? [{ name: 'Also matching', value: also.map((m, i) => sourceLine({ title: m.title, url: null, date: m.date }, i + 2)).join('\n') }] : []),
        ],
        footer: `id: ${displayText(summary.id)}`,
        color: COLORS.summary,
      });
      return pack(embeds, undefined, also.length ? [pickRow(also)] : []);
    }
    case 'sources': {
      const query = escapeDiscord(truncate(reply.query, 200));
      const title = reply.query ? `Articles matching "${query}"` : 'Most recent articles';
      if (reply.articles.length === 0 && reply.feeds.length === 0) {
        const empty = reply.query ? `No articles match "${query}".` : 'The corpus is empty.';
        return pack(buildEmbeds({ title, description: empty, color: COLORS.sources }), undefined, []);
      }
      const lines = reply.articles.map((a, i) => `${sourceLine(a, i + 1, [a.source])}\n\u2003id: \`${escapeDiscordCode(displayText(a.id))}\``);
      const feeds = reply.feeds.map(
        (f) => `${f.ok ? 'ok' : 'failing'}: ${safeUrl(f.url) ?? escapeDiscord(f.url)}${f.ok ? '' : ` (${escapeDiscord(f.error ?? 'unknown error')})`}${f.checked ? ` · checked ${discordMoment(f.checked, 'R')}` : ''}`,
      );
      const embeds = buildEmbeds({
        title,
        description: lines.length ? lines.join('\n') : 'No articles.',
        fields: feeds.length ? [{ name: 'Feeds', value: feeds.join('\n') }] : [],
        color: COLORS.sources,
      });
      return pack(embeds, undefined, []);
    }
    case 'help':
      return pack(
        buildEmbeds({ title: reply.title, description: reply.entries.map((e) => `**${e.usage}** ${e.description}`).join('\n'), color: COLORS.help }),
        undefined,
        [],
      );
    case 'notice':
      return pack(buildEmbeds({ description: escapeNotice(reply.text), color: COLORS.notice }), undefined, []);
    case 'subscriptions': {
      if (reply.entries.length === 0) return pack(buildEmbeds({ description: escapeNotice(reply.empty), color: COLORS.notice }), undefined, []);
      const lines = reply.entries.map((e) => {
        const id = e.channelKey.startsWith('discord:') ? e.channelKey.slice('discord:'.length) : '';
        const channel = /^\d{5,25}$/.test(id) ? `<#${id}>` : escapeDiscord(e.channelKey);
        const state = e.paused ? `paused since ${discordMoment(e.paused.at)} (${escapeDiscord(e.paused.reason)})` : `last delivery ${e.lastDeliveredAt ? discordMoment(e.lastDeliveredAt) : 'none yet'}`;
        const topic = e.topic ? `topic "${escapeDiscord(e.topic)}"` : 'every topic';
        return `• ${channel} · ${e.time} ${escapeDiscord(e.timezone)} · ${e.days} · ${topic} · ${state}`;
      });
      const embeds = buildEmbeds({ title: reply.title, description: lines.join('\n'), ...(reply.note ? { footer: reply.note } : {}), color: COLORS.notice });
      // the channel links built above are shown as links (they notify nobody); escaped text (`\<#…`) stays broken
      for (const e of embeds) if (e.description) e.description = e.description.replace(/(^|[^\\])<#\u200B(\d+)>/g, '$1<#$2>');
      return pack(embeds, undefined, []);
    }
    case 'error': {
      const usage = reply.usage ? `\nUsage: \`${discordUsage(reply.usage)}\`` : '';
      return pack(buildEmbeds({ description: `${escapeNotice(reply.message)}${usage}`, color: COLORS.error }), undefined, []);
    }
  }
}

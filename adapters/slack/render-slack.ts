import type { types } from '@slack/bolt';
import { displayText } from '../../src/bot/display-text.ts';
import { generatedNote, NO_ANSWER_TEXT, understoodParts, unsureNote, type Reply, type Understood } from '../../src/bot/reply.ts';
import type { MatchRef, SourceRef, Story } from '../../src/bot/reply.ts';
import { copiesNote, moreNote, storyLines } from '../shared/story-lines.ts';
import { splitText } from '../shared/split-text.ts';
import { escapeSlack, escapeSlackCode, slackLink, truncate } from './slack-text.ts';

type KnownBlock = types.KnownBlock;
type ContextElement = types.MrkdwnElement;

/** One Slack message: Block Kit plus the plain fallback `text` (used in notifications). */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** Reference carried by the 👍/👎 buttons of an answer; without it an answer has no buttons. */
  answerRef?: string;
  /** Adds a "Share in channel" button whose value is this key (ephemeral command replies). */
  shareKey?: string;
}

/** Action ids of the buttons we put on messages. */
export const ACTION_IDS = {
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  share: 'share_in_channel',
  /** Prefix of the buttons that pick another article a summary request matched (`pick_article_0`…). */
  pickArticle: 'pick_article_',
} as const;

/** Slack's limits, with the total kept well under the ~12,000 characters Slack accepts. */
export const SLACK_LIMITS = {
  sectionChars: 3000,
  blocksPerMessage: 50,
  messageChars: 9000,
  contextElements: 10,
  fallbackChars: 1500,
  buttonValueChars: 2000,
} as const;

/** What a 👍/👎 button carries: the answer reference and the ids of the cited articles. */
export interface FeedbackValue {
  ref: string;
  sources: string[];
}

export function encodeFeedbackValue(value: FeedbackValue): string {
  const full = JSON.stringify({ r: value.ref, s: value.sources });
  return full.length <= SLACK_LIMITS.buttonValueChars ? full : JSON.stringify({ r: value.ref, s: [] });
}

export function decodeFeedbackValue(raw: string | undefined): FeedbackValue | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { r?: unknown; s?: unknown };
    if (typeof parsed.r !== 'string' || !parsed.r) return null;
    const sources = Array.isArray(parsed.s) ? parsed.s.filter((x): x is string => typeof x === 'string') : [];
    return { ref: parsed.r, sources };
  } catch {
    return null;
  }
}

/** Slack's form of a usage line: `/brief ask QUESTION`, `/brief [topic words] …`. */
export function slackUsage(usage: string): string {
  const u = usage.trim();
  if (u.startsWith('/')) return u;
  return /^brief\b/i.test(u) ? `/${u}` : `/brief ${u}`;
}

/** Engine messages name console commands ("Try /sources"); on Slack they are `/brief` sub-commands. */
function slackifyCommands(text: string): string {
  return text.replace(/(^|[\s("'“])\/(ask|summary|sources|digest|help|forget)\b/g, '$1/brief $2');
}

/** A block plus its plain-text share of the fallback and its size for the message budget. */
interface Unit {
  block: KnownBlock;
  plain: string;
  chars: number;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });

function section(text: string, plain: string): Unit {
  return { block: { type: 'section', text: mrkdwn(text) }, plain, chars: text.length };
}

function context(elements: string[], plain: string): Unit {
  const els: ContextElement[] = elements.slice(0, SLACK_LIMITS.contextElements).map(mrkdwn);
  return { block: { type: 'context', elements: els }, plain, chars: els.reduce((n, e) => n + e.text.length, 0) };
}

const divider = (): Unit => ({ block: { type: 'divider' }, plain: '', chars: 0 });

/** Escapes raw text and cuts it into pieces of at most `limit` escaped characters. */
function fitEscaped(raw: string, limit: number, rawMax = limit): string[] {
  const out: string[] = [];
  for (const chunk of splitText(raw, rawMax)) {
    const escaped = escapeSlack(chunk);
    if (escaped.length <= limit) out.push(escaped);
    // escaping made it longer: split this piece again, smaller in proportion
    else out.push(...fitEscaped(chunk, limit, Math.max(1, Math.min(rawMax - 1, Math.floor((rawMax * limit) / escaped.length)))));
  }
  return out;
}

/** Sections of prose: raw text escaped and split at paragraphs, then sentences, then words. */
function prose(raw: string, prefix = '', linePrefix = ''): Unit[] {
  const room = SLACK_LIMITS.sectionChars - prefix.length - 64;
  return fitEscaped(raw, Math.floor(room / (linePrefix ? 1.05 : 1))).map((chunk, i) => {
    const body = linePrefix ? chunk.split('\n').map((l) => `${linePrefix}${l}`).join('\n') : chunk;
    return section(i === 0 ? `${prefix}${body}` : body, i === 0 ? raw : '');
  });
}

/** Sections holding already-escaped lines, as many lines per section as fit. */
function lines(escapedLines: string[], plain: string): Unit[] {
  const units: Unit[] = [];
  let current = '';
  const flush = () => {
    if (current) units.push(section(current, units.length === 0 ? plain : ''));
    current = '';
  };
  for (const line of escapedLines) {
    if (line.length > SLACK_LIMITS.sectionChars) {
      flush();
      // only prose lines can be this long; they hold no link, so splitting them is safe
      for (const piece of splitText(line, SLACK_LIMITS.sectionChars)) units.push(section(piece, ''));
      continue;
    }
    if (current && current.length + 1 + line.length > SLACK_LIMITS.sectionChars) flush();
    current = current ? `${current}\n${line}` : line;
  }
  flush();
  return units;
}

/** `<#C123>`: a channel link (it notifies nobody) for a `slack:` key with a plausible id, else the key as text. */
function slackChannel(channelKey: string): string {
  const id = channelKey.startsWith('slack:') ? channelKey.slice('slack:'.length) : '';
  return /^[CGD][A-Z0-9]{2,30}$/.test(id) ? `<#${id}>` : escapeSlack(channelKey);
}

/** A moment in each reader's own timezone (Slack's date formatting), with a UTC fallback. */
function slackDate(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return escapeSlack(iso);
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} {time}|${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC>`;
}

const shortDate = (date: string | null) => (date ? date.slice(0, 10) : '');
/** The short date as mrkdwn: escaped, since a date is text from the corpus like any other. */
const shortDateMrkdwn = (date: string | null) => escapeSlack(shortDate(date));

function sourceElement(source: SourceRef): string {
  const date = shortDateMrkdwn(source.date);
  return `${slackLink(source.url, source.title)}${date ? ` · ${date}` : ''}`;
}

function sourcePlain(source: SourceRef): string {
  return [source.title, shortDate(source.date), source.url ?? ''].filter(Boolean).join(' ');
}

/** A context block listing sources (at most 10 elements; the rest counted in the last one). */
function sourcesContext(sources: SourceRef[]): Unit[] {
  if (sources.length === 0) return [];
  const max = SLACK_LIMITS.contextElements;
  const shown = sources.length > max ? sources.slice(0, max - 1) : sources;
  const els = shown.map(sourceElement);
  if (sources.length > shown.length) els.push(`and ${sources.length - shown.length} more`);
  els[0] = `Sources: ${els[0]}`;
  return [context(els, `Sources: ${sources.map(sourcePlain).join('; ')}`)];
}

/** A story's source lines (copies folded, at most 5, then "and N more") as one context block. */
function storyContext(story: Story): Unit[] {
  const { lines, more } = storyLines(story);
  if (lines.length === 0) return [];
  const els = lines.map((s) => [sourceElement(s), copiesNote(s.copies)].filter(Boolean).join(' · '));
  if (more) els.push(moreNote(more));
  els[0] = `Sources: ${els[0]}`;
  return [context(els, `Sources: ${lines.map(sourcePlain).join('; ')}`)];
}

function button(actionId: string, label: string, value: string, style?: 'primary' | 'danger'): types.Button {
  return { type: 'button', action_id: actionId, text: { type: 'plain_text', text: label, emoji: true }, value, ...(style ? { style } : {}) };
}

function actionsUnit(options: RenderOptions, feedback: FeedbackValue | null): Unit | null {
  const elements: types.Button[] = [];
  if (feedback) {
    const value = encodeFeedbackValue(feedback);
    elements.push(button(ACTION_IDS.feedbackUp, '👍 Helpful', value), button(ACTION_IDS.feedbackDown, '👎 Not helpful', value));
  }
  if (options.shareKey) elements.push(button(ACTION_IDS.share, 'Share in channel', options.shareKey, 'primary'));
  if (elements.length === 0) return null;
  return { block: { type: 'actions', elements }, plain: '', chars: elements.length * 40 };
}

/** The context line above a reply to words: how they were read (topic in bold), and the command for next time. */
export function understoodContext(understood: Understood): string {
  const line = understoodParts(understood.line)
    .map((p) => (p.emphasis ? `*${escapeSlack(truncate(p.text, 200))}*` : escapeSlack(p.text)))
    .join('');
  return `${line} · \`${escapeSlackCode(truncate(understood.command, 300))}\``;
}

/** "Also matching" and one button per other article a summary request matched (the button carries the article id). */
function alsoMatchingUnits(matches: readonly MatchRef[]): Unit[] {
  if (matches.length === 0) return [];
  const line = `Also matching: ${matches.map((m) => `${escapeSlack(truncate(m.title, 150))}${m.date ? ` (${shortDateMrkdwn(m.date)})` : ''}`).join('; ')}`;
  const buttons = matches
    .filter((m) => m.id.length <= SLACK_LIMITS.buttonValueChars)
    .slice(0, 5)
    .map((m, i) => button(`${ACTION_IDS.pickArticle}${i}`, truncate(m.title.replace(/\s+/g, ' ').trim() || m.id, 75), m.id));
  const out: Unit[] = [context([line], `Also matching: ${matches.map((m) => m.title).join('; ')}`)];
  if (buttons.length) out.push({ block: { type: 'actions', elements: buttons }, plain: '', chars: buttons.length * 80 });
  return out;
}

function units(reply: Reply): Unit[] {
  const body = bodyUnits(reply);
  return reply.understood ? [context([understoodContext(reply.understood)], ''), ...body] : body;
}

function bodyUnits(reply: Reply): Unit[] {
  switch (reply.kind) {
    case 'answer': {
      const { answer } = reply;
      const out: Unit[] = [context([`*Q:* ${escapeSlack(truncate(reply.question, 500))}`], '')];
      if (answer.generated) {
        const g = answer.generated;
        out.push(...prose(g.partial ? `${g.text} …` : g.text));
        if (g.sources.length) {
          const els = g.sources.slice(0, SLACK_LIMITS.contextElements - 1).map((s) => `[${s.n}] ${sourceElement(s)}`);
          out.push(context(els, `Sources: ${g.sources.map((s) => `[${s.n}] ${sourcePlain(s)}`).join('; ')}`));
        }
        out.push(context([escapeSlack(generatedNote(g.model, g.partial))], ''));
        return out;
      }
      if (answer.answer === null) return [...out, ...prose(NO_ANSWER_TEXT)];
      // a short answer in bold only when the engine vouches for it; else the quote itself leads
      const unsure = unsureNote(answer);
      if (unsure) out.push(context([escapeSlack(unsure)], unsure));
      if (answer.short) out.push(section(`*${escapeSlack(truncate(answer.answer.replace(/\*/g, ''), 500))}*`, answer.answer));
      else out.push(...prose(answer.answer));
      if (answer.quote && answer.quote !== answer.answer) {
        const quoted = prose(`“${answer.quote}”`, '', '>');
        // the quote is not repeated in the fallback text: the answer already stands for it
        out.push(...quoted.map((u) => ({ ...u, plain: '' })));
      }
      out.push(...sourcesContext(answer.sources));
      return out;
    }
    case 'stories': {
      const out = [section(`*${escapeSlack(truncate(reply.title, 300))}*`, reply.title)];
      if (reply.stories.length === 0) return [...out, ...prose(reply.empty)];
      reply.stories.forEach((story, i) => {
        if (i > 0) out.push(divider());
        const head = `*${i + 1}. ${escapeSlack(truncate(story.headline, 300))}*`;
        const body = story.summary.join(' ');
        const bodyUnits = prose(body, `${head}\n`);
        if (bodyUnits.length === 0) out.push(section(head, `${i + 1}. ${story.headline}`));
        else {
          bodyUnits[0]!.plain = `${i + 1}. ${story.headline}`;
          out.push(...bodyUnits);
        }
        out.push(...storyContext(story).map((u) => ({ ...u, plain: '' })));
      });
      return out;
    }
    case 'summary': {
      const { summary } = reply;
      const date = shortDateMrkdwn(reply.date);
      const head = `*${slackLink(reply.url, summary.title, 300)}*${date ? ` · ${date}` : ''}`;
      const bullets = summary.summary.flatMap((s) => fitEscaped(s, SLACK_LIMITS.sectionChars - 4).map((p) => `• ${p}`));
      return [
        section(head, summary.title),
        ...lines(bullets, summary.summary.join(' ')),
        context([`id: \`${escapeSlackCode(truncate(displayText(summary.id), 300))}\``], ''),
        ...alsoMatchingUnits(summary.alsoMatching ?? []),
      ];
    }
    case 'sources': {
      if (reply.articles.length === 0 && reply.feeds.length === 0) {
        return prose(reply.query ? `No articles match "${reply.query}".` : 'The corpus is empty.');
      }
      const title = reply.query ? `Articles matching “${truncate(reply.query, 200)}”` : 'Most recent articles';
      const articleLines = reply.articles.map((a, i) => {
        const meta = [shortDateMrkdwn(a.date), a.source ? escapeSlack(truncate(a.source, 100)) : ''].filter(Boolean).join(' · ');
        return `${i + 1}. ${slackLink(a.url, a.title)}${meta ? ` · ${meta}` : ''} · id: \`${escapeSlackCode(truncate(displayText(a.id), 200))}\``;
      });
      const feedLines = reply.feeds.map(
        (f) => `feed ${slackLink(f.url, f.url)}: ${f.ok ? 'ok' : `failing (${escapeSlack(truncate(f.error ?? 'unknown error', 300))})`}`,
      );
      const plain = `${title}: ${reply.articles.map((a) => a.title).join('; ')}`;
      return [section(`*${escapeSlack(title)}*`, ''), ...lines([...articleLines, ...feedLines], plain)];
    }
    case 'help':
      return [
        section(`*${escapeSlack(reply.title)}*`, reply.title),
        ...lines(
          reply.entries.map((e) => `\`${escapeSlackCode(e.usage)}\`  ${escapeSlack(e.description)}`),
          reply.entries.map((e) => e.usage).join(', '),
        ),
      ];
    case 'notice':
      return prose(slackifyCommands(reply.text));
    case 'subscriptions': {
      if (reply.entries.length === 0) return prose(slackifyCommands(reply.empty));
      const entryLines = reply.entries.map((e) => {
        const state = e.paused ? `paused since ${slackDate(e.paused.at)} (${escapeSlack(truncate(e.paused.reason, 200))})` : `last delivery ${e.lastDeliveredAt ? slackDate(e.lastDeliveredAt) : 'none yet'}`;
        const topic = e.topic ? `topic “${escapeSlack(truncate(e.topic, 200))}”` : 'every topic';
        return `• ${slackChannel(e.channelKey)} · ${e.time} ${escapeSlack(e.timezone)} · ${e.days} · ${topic} · ${state}`;
      });
      const plain = `${reply.title}: ${reply.entries.map((e) => e.channelKey).join(', ')}`;
      return [section(`*${escapeSlack(reply.title)}*`, ''), ...lines(entryLines, plain), ...(reply.note ? [context([escapeSlack(reply.note)], '')] : [])];
    }
    case 'error': {
      const usage = reply.usage ? slackUsage(reply.usage) : null;
      const hint = usage ? `Usage: \`${escapeSlackCode(usage)}\`` : 'Type `/brief help` for the commands.';
      const message = slackifyCommands(reply.message);
      return [...prose(message, '⚠️ '), context([hint], usage ? `Usage: ${usage}` : '')];
    }
  }
}

/** The fallback `text` of a message: its plain content, escaped, shortened for notifications. */
function fallback(parts: string[]): string {
  const plain = parts.filter(Boolean).join('\n').trim() || 'Briefing bot reply';
  // only the first piece is used: a long reply's text is not split (and escaped) whole for it
  const pieces = fitEscaped(plain.slice(0, SLACK_LIMITS.fallbackChars * 2), SLACK_LIMITS.fallbackChars - 1);
  return pieces.length > 1 ? `${pieces[0]}…` : (pieces[0] ?? '');
}

/**
 * Renders a Reply as one or more Slack messages, each within Slack's limits: every section
 * at most 3,000 characters, at most 50 blocks, and well under 12,000 characters in all. All
 * content is escaped; buttons (feedback on answers, "Share in channel" when asked) go at the
 * end of the last message.
 */
export function renderSlack(reply: Reply, options: RenderOptions = {}): SlackMessage[] {
  const feedback =
    reply.kind === 'answer' && options.answerRef ? { ref: options.answerRef, sources: (reply.answer.generated?.sources ?? reply.answer.sources).map((s) => s.id) } : null;
  const actions = actionsUnit(options, feedback);
  const messages: { units: Unit[]; chars: number }[] = [];
  let current: { units: Unit[]; chars: number } = { units: [], chars: 0 };
  const maxBlocks = SLACK_LIMITS.blocksPerMessage - 1; // room for the actions block
  for (const unit of units(reply)) {
    const full = current.units.length + 1 > maxBlocks || current.chars + unit.chars > SLACK_LIMITS.messageChars - 200;
    if (full && current.units.length > 0) {
      while (current.units.at(-1)?.block.type === 'divider') current.units.pop();
      messages.push(current);
      current = { units: [], chars: 0 };
    }
    if (current.units.length === 0 && unit.block.type === 'divider') continue;
    current.units.push(unit);
    current.chars += unit.chars;
  }
  while (current.units.at(-1)?.block.type === 'divider') current.units.pop();
  if (current.units.length > 0 || messages.length === 0) messages.push(current);
  if (actions) messages.at(-1)!.units.push(actions);
  return messages.map((m) => ({ text: fallback(m.units.map((u) => u.plain)), blocks: m.units.map((u) => u.block) }));
}

/** Every piece of text in a message, for size checks: section and context text plus the fallback. */
export function messageChars(message: SlackMessage): number {
  let n = 0;
  for (const block of message.blocks) {
    if (block.type === 'section') n += block.text?.text.length ?? 0;
    if (block.type === 'context') for (const e of block.elements) n += 'text' in e ? e.text.length : 0;
  }
  return n;
}

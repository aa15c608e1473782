import { generatedNote, NO_ANSWER_TEXT, understoodParts, unsureNote, type HelpEntry, type Reply } from '../../src/bot/reply.ts';
import type { MatchRef, SourceRef } from '../../src/bot/reply.ts';
import { copiesNote, moreNote, storyLines } from '../shared/story-lines.ts';
import { PLAIN_STYLE, type Style } from './console-style.ts';
import { displayText } from '../../src/bot/display-text.ts';

/**
 * Wraps text to `width` columns at spaces; long words stay whole. `indent` starts the first
 * line of each paragraph and `hang` the lines after it (a hanging indent under a bullet or `[n]`).
 */
export function wrap(text: string, width: number, indent = '', hang = indent): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let prefix = indent;
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width - prefix.length) {
        lines.push(prefix + line);
        prefix = hang;
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(prefix + line);
  }
  return lines.join('\n');
}

/** The widest usage column of /help; a longer usage gets a line of its own. */
const HELP_USAGE_MAX = 36;

/** /help as two aligned columns, each description wrapped under its own column. */
function helpColumns(entries: readonly HelpEntry[], width: number): string[] {
  const column = Math.max(0, ...entries.map((e) => e.usage.length).filter((n) => n <= HELP_USAGE_MAX));
  const hang = ' '.repeat(2 + column + 2);
  return entries.map((e) => {
    const [first = '', ...rest] = wrap(e.description, Math.max(20, width - hang.length)).split('\n');
    const head = e.usage.length > column ? [wrap(e.usage, width, '  ', '    '), hang + first] : [`  ${e.usage.padEnd(column)}  ${first}`];
    return [...head, ...rest.map((line) => hang + line)].join('\n');
  });
}

/** `[n] title (date) url`, the console's way of citing; `note` (e.g. "+2 copies") goes before the URL. */
export function formatSource(source: SourceRef, n: number, note = ''): string {
  return [`[${n}] ${source.title}`, source.date ? `(${source.date.slice(0, 10)})` : '', note, source.url ?? ''].filter(Boolean).join(' ');
}

/** "Also matching: Title (2005-03-03) [id]; …": the other articles the words of a summary matched. */
export function alsoMatchingText(matches: readonly MatchRef[]): string {
  const one = (m: MatchRef) => [m.title, m.date ? `(${m.date.slice(0, 10)})` : '', `[${m.id}]`].filter(Boolean).join(' ');
  return `Also matching: ${matches.map(one).join('; ')}`;
}

/** `[n] title…` wrapped with its later lines under the title. */
const sourceLine = (source: SourceRef, n: number, width: number, indent = '', note = '') =>
  wrap(displayText(formatSource(source, n, note)), width, indent, `${indent}${' '.repeat(`[${n}] `.length)}`);

/**
 * Renders a Reply as terminal text: plain by default, coloured through `style`. Colour codes are
 * added to wrapped pieces after control characters in corpus text are escaped (`displayText`).
 */
export function renderText(reply: Reply, width = 80, style: Style = PLAIN_STYLE): string {
  const body = renderBody(reply, width, style);
  if (!reply.understood) return body;
  // how a message in words was read, dim above the reply
  const line = understoodParts(reply.understood.line).map((p) => p.text).join('');
  return `${style.dim(wrap(displayText(`${line} · ${reply.understood.command}`), Math.max(20, width), '', '  '))}\n${body}`;
}

function renderBody(reply: Reply, width: number, style: Style): string {
  const cols = Math.max(20, width);
  // corpus text is escaped before wrapping, so the colour codes added after it are kept
  const w = (text: string, indent = '', hang = indent) => wrap(displayText(text), cols, indent, hang);
  switch (reply.kind) {
    case 'answer': {
      const { answer } = reply;
      if (answer.generated) {
        const g = answer.generated;
        return [w(g.text), ...g.sources.map((s) => style.dim(sourceLine(s, s.n, cols))), style.dim(w(generatedNote(g.model, g.partial)))].join('\n');
      }
      if (answer.answer === null) return w(NO_ANSWER_TEXT);
      // a short answer is shown in bold only when the engine vouches for it; else the quote leads
      const unsure = unsureNote(answer);
      const out = [...(unsure ? [style.dim(w(unsure))] : []), answer.short ? style.bold(w(answer.answer)) : w(answer.answer)];
      if (answer.quote && answer.quote !== answer.answer) out.push(w(`“${answer.quote}”`, '  ', '   '));
      out.push(...answer.sources.map((s, i) => style.dim(sourceLine(s, i + 1, cols))));
      return out.join('\n');
    }
    case 'stories': {
      if (reply.stories.length === 0) return w(reply.empty);
      const out = [style.bold(w(reply.title)), ''];
      reply.stories.forEach((story, i) => {
        const number = `${i + 1}. `;
        const under = ' '.repeat(number.length);
        out.push(style.bold(w(`${number}${story.headline}`, '', under)));
        for (const s of story.summary) out.push(w(s, under));
        const { lines, more } = storyLines(story);
        lines.forEach((src, j) => out.push(style.dim(sourceLine(src, j + 1, cols, under, copiesNote(src.copies)))));
        if (more) out.push(style.dim(w(moreNote(more), under)));
        out.push('');
      });
      return out.join('\n').trimEnd();
    }
    case 'summary': {
      const { summary } = reply;
      const head = formatSource({ id: summary.id, title: summary.title, url: reply.url, date: reply.date }, 1).replace(/^\[1\] /, '');
      const also = summary.alsoMatching?.length ? [style.dim(w(alsoMatchingText(summary.alsoMatching), '', '  '))] : [];
      return [style.bold(w(head)), ...summary.summary.map((s) => w(`- ${s}`, '', '  ')), style.dim(w(`id: ${summary.id}`)), ...also].join('\n');
    }
    case 'sources': {
      if (reply.articles.length === 0 && reply.feeds.length === 0) {
        return w(reply.query ? `No articles match "${reply.query}".` : 'The corpus is empty.');
      }
      const out = reply.articles.map((a, i) =>
        wrap(displayText(`${formatSource({ id: a.id, title: a.title, date: a.date, url: a.url }, i + 1)}  id: ${a.id}`), cols, '', ' '.repeat(`[${i + 1}] `.length)),
      );
      for (const f of reply.feeds) out.push(w(`feed ${f.url}: ${f.ok ? 'ok' : `failing (${f.error ?? 'unknown error'})`}`, '', '  '));
      return out.join('\n');
    }
    case 'help':
      return [style.bold(w(reply.title)), ...helpColumns(reply.entries, cols)].join('\n');
    case 'notice':
      return w(reply.text);
    case 'subscriptions': {
      if (reply.entries.length === 0) return w(reply.empty);
      const out = [w(reply.title)];
      for (const e of reply.entries) {
        const state = e.paused ? `paused since ${e.paused.at.slice(0, 16).replace('T', ' ')} UTC (${e.paused.reason})` : `last delivery ${e.lastDeliveredAt ? `${e.lastDeliveredAt.slice(0, 16).replace('T', ' ')} UTC` : 'none yet'}`;
        out.push(w(`${e.channelKey} · ${e.time} ${e.timezone} · ${e.days} · ${e.topic ? `topic "${e.topic}"` : 'every topic'} · ${state}`, '  '));
      }
      if (reply.note) out.push(w(reply.note));
      return out.join('\n');
    }
    case 'error':
      return style.red(w(reply.usage ? `${reply.message} Usage: ${reply.usage}` : reply.message));
  }
}

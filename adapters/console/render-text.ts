import { generatedNote, NO_ANSWER_TEXT, type Reply } from '../../src/bot/reply.ts';
import type { SourceRef } from '../../src/engine/types.ts';

/** Wraps text to `width` columns at spaces; long words stay whole. */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width - indent.length) {
        lines.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    lines.push(indent + line);
  }
  return lines.join('\n');
}

/** `[n] title (date) url`, the console's way of citing. */
export function formatSource(source: SourceRef, n: number): string {
  return [`[${n}] ${source.title}`, source.date ? `(${source.date.slice(0, 10)})` : '', source.url ?? ''].filter(Boolean).join(' ');
}

/** Renders a Reply as plain terminal text. */
export function renderText(reply: Reply, width = 80): string {
  const w = (text: string, indent = '') => wrap(text, Math.max(20, width), indent);
  switch (reply.kind) {
    case 'answer': {
      const { answer } = reply;
      if (answer.generated) {
        const g = answer.generated;
        return [w(g.text), ...g.sources.map((s) => w(formatSource(s, s.n))), w(generatedNote(g.model, g.partial))].join('\n');
      }
      if (answer.answer === null) return w(NO_ANSWER_TEXT);
      const out = [w(answer.answer)];
      if (answer.quote && answer.quote !== answer.answer) out.push(w(`“${answer.quote}”`, '  '));
      out.push(...answer.sources.map((s, i) => w(formatSource(s, i + 1))));
      return out.join('\n');
    }
    case 'stories': {
      if (reply.stories.length === 0) return w(reply.empty);
      const out = [w(reply.title), ''];
      reply.stories.forEach((story, i) => {
        out.push(w(`${i + 1}. ${story.headline}`));
        for (const s of story.summary) out.push(w(s, '   '));
        story.sources.forEach((src, j) => out.push(w(formatSource(src, j + 1), '   ')));
        out.push('');
      });
      return out.join('\n').trimEnd();
    }
    case 'summary': {
      const { summary } = reply;
      const head = formatSource({ id: summary.id, title: summary.title, url: reply.url, date: reply.date }, 1).replace(/^\[1\] /, '');
      return [w(head), ...summary.summary.map((s) => w(`- ${s}`, '')), w(`id: ${summary.id}`)].join('\n');
    }
    case 'sources': {
      if (reply.articles.length === 0 && reply.feeds.length === 0) {
        return w(reply.query ? `No articles match "${reply.query}".` : 'The corpus is empty.');
      }
      const out = reply.articles.map((a, i) => w(`${formatSource({ id: a.id, title: a.title, date: a.date, url: a.url }, i + 1)}  id: ${a.id}`));
      for (const f of reply.feeds) out.push(w(`feed ${f.url}: ${f.ok ? 'ok' : `failing (${f.error ?? 'unknown error'})`}`));
      return out.join('\n');
    }
    case 'help':
      return [w(reply.title), ...reply.entries.map((e) => w(`${e.usage}  ${e.description}`, '  '))].join('\n');
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
      return w(reply.usage ? `${reply.message} Usage: ${reply.usage}` : reply.message);
  }
}

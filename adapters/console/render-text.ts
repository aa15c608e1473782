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

/** Text styling: `bold` marks a vouched-for short answer (ANSI on a terminal, nothing when piped). */
export interface TextStyle {
  bold: (text: string) => string;
}

export const PLAIN_STYLE: TextStyle = { bold: (t) => t };
export const ANSI_STYLE: TextStyle = { bold: (t) => `\x1b[1m${t}\x1b[22m` };

/** ANSI bold for a terminal stream, plain text for a pipe or a file. */
export function styleFor(stream: { isTTY?: boolean }): TextStyle {
  return stream.isTTY ? ANSI_STYLE : PLAIN_STYLE;
}

/** Renders a Reply as plain terminal text. */
export function renderText(reply: Reply, width = 80, style: TextStyle = PLAIN_STYLE): string {
  const w = (text: string, indent = '') => wrap(text, Math.max(20, width), indent);
  switch (reply.kind) {
    case 'answer': {
      const { answer } = reply;
      if (answer.generated) {
        const g = answer.generated;
        return [w(g.text), ...g.sources.map((s) => w(formatSource(s, s.n))), w(generatedNote(g.model, g.partial))].join('\n');
      }
      if (answer.answer === null) return w(NO_ANSWER_TEXT);
      // a short answer is shown in bold only when the engine vouches for it; else the quote leads
      const out = [answer.short ? style.bold(w(answer.answer)) : w(answer.answer)];
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
    case 'error':
      return w(reply.usage ? `${reply.message} Usage: ${reply.usage}` : reply.message);
  }
}

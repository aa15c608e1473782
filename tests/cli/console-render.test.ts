import { describe, expect, it } from 'vitest';
import { completeCommand } from '../../adapters/console/complete-command.ts';
import { colorEnabled, COLOR_STYLE } from '../../adapters/console/console-style.ts';
import { renderText, wrap } from '../../adapters/console/render-text.ts';
import { helpReply } from '../../src/bot/help.ts';
import type { Reply } from '../../src/bot/reply.ts';

const LONG = 'The council approved a new library budget of two million pounds after a long debate that ran late into the evening on Tuesday.';
const ESC = '\x1b[';

describe('console text layout', () => {
  it('wraps with a hanging indent: later lines sit under the text, not under the bullet', () => {
    const lines = wrap(`- ${LONG}`, 40, '', '  ').split('\n');
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]!.startsWith('- The')).toBe(true);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });

  it('summary bullets, numbered stories and [n] sources hang under their text', () => {
    const summary = renderText({ kind: 'summary', summary: { id: 'a.txt', title: 'Budget', summary: [LONG, LONG] }, url: null, date: null }, 50).split('\n');
    const bulletContinuations = summary.filter((l, i) => i > 0 && !l.startsWith('- ') && !l.startsWith('id:'));
    expect(bulletContinuations.length).toBeGreaterThan(0);
    for (const l of bulletContinuations) expect(l).toMatch(/^ {2}\S/);
    const stories: Reply = {
      kind: 'stories',
      title: 'Briefing',
      empty: 'No stories.',
      stories: [{ headline: LONG, summary: [], sources: [{ id: 'a.txt', title: LONG, url: null, date: '2024-11-30' }] }],
    };
    const lines = renderText(stories, 50).split('\n');
    const head = lines.findIndex((l) => l.startsWith('1. The council'));
    expect(lines[head + 1]).toMatch(/^ {3}\S/);
    const source = lines.findIndex((l) => l.startsWith('   [1] '));
    expect(lines[source + 1]).toMatch(/^ {7}\S/);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(50);
  });

  it('/help puts every description in one column, wrapped under it', () => {
    for (const width of [80, 120]) {
      const lines = renderText(helpReply('console'), width).split('\n').slice(1);
      const starts = new Set<number>();
      for (const line of lines) {
        const m = /^( {2}\S.*?\S {2,})\S/.exec(line);
        if (m) starts.add(m[1]!.length);
        // a usage too long for the column has its own line(s); the description follows under the column
        else if (!/^ {2}\S/.test(line) && !/^ {4}\S/.test(line)) starts.add(line.length - line.trimStart().length);
      }
      expect(starts.size).toBe(1);
      expect([...starts][0]).toBeGreaterThan(20);
      expect(lines.every((l) => l.length <= width)).toBe(true);
    }
  });

  it('is plain by default and coloured only through a colour style', () => {
    const reply: Reply = { kind: 'error', code: 'usage', message: 'Unknown command "x".' };
    expect(renderText(reply, 80)).not.toContain(ESC);
    expect(renderText(reply, 80, COLOR_STYLE)).toBe(`${ESC}31mUnknown command "x".${ESC}39m`);
    expect(renderText(helpReply('console'), 80, COLOR_STYLE)).toContain(`${ESC}1mBriefing bot`);
  });
});

describe('console colours', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it('colours a terminal, not a pipe', () => {
    expect(colorEnabled(tty, {})).toBe(true);
    expect(colorEnabled(pipe, {})).toBe(false);
    expect(colorEnabled(tty, { TERM: 'dumb' })).toBe(false);
  });
  it('respects NO_COLOR, and FORCE_COLOR over it', () => {
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled(tty, { NO_COLOR: '' })).toBe(true);
    expect(colorEnabled(pipe, { FORCE_COLOR: '1' })).toBe(true);
    expect(colorEnabled(pipe, { FORCE_COLOR: '' })).toBe(true);
    expect(colorEnabled(tty, { FORCE_COLOR: '0' })).toBe(false);
    expect(colorEnabled(tty, { FORCE_COLOR: 'false' })).toBe(false);
    expect(colorEnabled(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
  });
});

describe('tab completion of /commands', () => {
  it('completes command names after a slash', () => {
    expect(completeCommand('/br')).toEqual([['/brief '], '/br']);
    expect(completeCommand('/su')).toEqual([['/summarize ', '/summary '], '/su']);
    expect(completeCommand('/')[0]).toEqual(expect.arrayContaining(['/ask ', '/digest ', '/help ', '/quit ']));
    expect(completeCommand('/zz')).toEqual([[], '/zz']);
  });
  it('completes digest actions, and nothing inside a question', () => {
    expect(completeCommand('/digest su')).toEqual([['subscribe '], 'su']);
    expect(completeCommand('/digest ')[0]).toEqual(expect.arrayContaining(['now ', 'status ', 'subscribe ', 'unsubscribe ']));
    expect(completeCommand('who won the /br')).toEqual([[], 'who won the /br']);
  });
});

import { describe, expect, it } from 'vitest';
import { renderText } from '../../../adapters/console/render-text.ts';
import { COLOR_STYLE as ANSI_STYLE, PLAIN_STYLE, colorEnabled, consoleStyle } from '../../../adapters/console/console-style.ts';
const styleFor = (stream: { isTTY?: boolean }) => consoleStyle(colorEnabled(stream, {}));
import { UNSURE_SHORT_TEXT, UNSURE_TEXT, type Reply } from '../../../src/bot/reply.ts';

const quote = 'The palace was invaded by Syrian rebels on Sunday evening.';
const reply = (short: boolean, confidence = 0.8): Reply => ({
  kind: 'answer',
  question: 'Who took the palace?',
  answer: { answer: short ? 'Syrian rebels' : quote, quote, sources: [{ id: 'a.txt', title: 'Palace', url: null, date: null }], confidence, short },
});

describe('renderText: short answers', () => {
  it('bolds a vouched-for short answer on a terminal, then quotes the sentence', () => {
    const lines = renderText(reply(true), 80, ANSI_STYLE).split('\n');
    expect(lines[0]).toBe('\x1b[1mSyrian rebels\x1b[22m');
    expect(lines[1]).toBe(`  “${quote}”`);
  });

  it('leads with the supporting sentence, never bold, when the answer is not short', () => {
    const text = renderText(reply(false), 80, ANSI_STYLE);
    expect(text).not.toContain('\x1b[1m');
    expect(text.split('\n')[0]).toBe(quote);
    expect(text).not.toContain('“');
  });

  it('says an unsure answer is only the closest passage, above it', () => {
    const lines = renderText(reply(false, 0.3), 80, PLAIN_STYLE).split('\n');
    expect(lines[0]).toBe(UNSURE_TEXT);
    expect(lines[1]).toBe(quote);
    expect(renderText(reply(false, 0.8), 80, PLAIN_STYLE)).not.toContain(UNSURE_TEXT);
    expect(renderText(reply(true, 0.3), 80, PLAIN_STYLE)).not.toContain(UNSURE_TEXT);
  });

  it('hedges a bold answer below the sure line, above it, and keeps it bold', () => {
    const lines = renderText(reply(true, 0.4), 80, ANSI_STYLE).split('\n');
    expect(lines[0]).toContain(UNSURE_SHORT_TEXT);
    expect(lines[1]).toBe('\x1b[1mSyrian rebels\x1b[22m');
    expect(renderText(reply(true, 0.5), 80, PLAIN_STYLE)).not.toContain(UNSURE_SHORT_TEXT);
  });

  it('writes no escape codes to a pipe', () => {
    expect(styleFor({ isTTY: false })).toBe(PLAIN_STYLE);
    expect(styleFor({ isTTY: true })).toBe(ANSI_STYLE);
    expect(renderText(reply(true), 80, styleFor({}))).not.toContain('\x1b');
  });
});

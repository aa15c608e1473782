import { describe, expect, it } from 'vitest';
import { cleanInput, parseBriefText, parseConsoleLine, splitSince } from '../../src/bot/command.ts';

describe('console lines', () => {
  it('treats plain text as a question and /commands as commands', () => {
    expect(parseConsoleLine('Who won?')).toEqual({ ok: true, command: { name: 'ask', question: 'Who won?' } });
    expect(parseConsoleLine('/brief syria since:yesterday')).toEqual({ ok: true, command: { name: 'brief', topic: 'syria', since: 'yesterday' } });
    expect(parseConsoleLine('/summary 000_f17fd30403ef36f3')).toMatchObject({ ok: true, command: { name: 'summary', target: '000_f17fd30403ef36f3' } });
    expect(parseConsoleLine('/digest now')).toMatchObject({ ok: true, command: { name: 'digest', action: 'now' } });
  });

  it('explains empty, unknown and oversized input', () => {
    for (const line of ['', '   ', '/ask', '/frobnicate', '/summary', '/digest sometimes', `/ask ${'x'.repeat(1200)}`]) {
      const parsed = parseConsoleLine(line);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.code).toBe('usage');
    }
  });

  it('removes zero-width and control characters', () => {
    expect(cleanInput('\u200Bhel\u0007lo\uFEFF')).toBe('hel lo');
  });
});

describe("Slack's /brief text", () => {
  it('reads a leading sub-command, else a topic', () => {
    expect(parseBriefText('ask who won?')).toMatchObject({ ok: true, command: { name: 'ask', question: 'who won?' } });
    expect(parseBriefText('help')).toMatchObject({ ok: true, command: { name: 'help' } });
    expect(parseBriefText('oil prices since:3 days ago')).toEqual({ ok: true, command: { name: 'brief', topic: 'oil prices', since: '3 days ago' } });
    expect(parseBriefText('')).toEqual({ ok: true, command: { name: 'brief', topic: '', since: null } });
  });

  it('splits since: off the topic', () => {
    expect(splitSince('since:monday')).toEqual({ topic: '', since: 'monday' });
  });
});

import { describe, expect, it } from 'vitest';
import { parseSince, zoneOffsetMinutes } from '../../src/bot/parse-since.ts';

const now = new Date('2024-12-02T15:00:00Z'); // a Monday

describe('parseSince', () => {
  it('reads ISO dates as the start of the day in the caller timezone', () => {
    const r = parseSince('2024-11-30', now, 'Europe/Berlin');
    expect(r.ok && r.value.toISOString()).toBe('2024-11-29T23:00:00.000Z');
  });

  it('reads ISO instants and words', () => {
    const instant = parseSince('2024-11-30T18:00:00Z', now, 'UTC');
    expect(instant.ok && instant.value.toISOString()).toBe('2024-11-30T18:00:00.000Z');
    const yesterday = parseSince('yesterday', now, 'America/New_York');
    expect(yesterday.ok && yesterday.value.toISOString()).toBe('2024-12-01T05:00:00.000Z');
    const ago = parseSince('3 days ago', now, 'UTC');
    expect(ago.ok && ago.value.toISOString()).toBe('2024-11-29T00:00:00.000Z');
  });

  it('explains what it cannot read', () => {
    const r = parseSince('banana', now, 'UTC');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Could not read "banana"/);
  });

  it('knows zone offsets across DST', () => {
    expect(zoneOffsetMinutes('Europe/Berlin', new Date('2024-07-01T00:00:00Z'))).toBe(120);
    expect(zoneOffsetMinutes('Europe/Berlin', new Date('2024-12-01T00:00:00Z'))).toBe(60);
  });
});

import { describe, expect, it } from 'vitest';
import { daysChoices, timeChoices, timezoneChoices } from '../../adapters/discord/schedule-choices.ts';
import { formatMoment } from '../../src/bot/digest-commands.ts';
import { daysText, parseDays, parseSubscribe, parseTime, parseZone } from '../../src/schedule/subscription.ts';
import { matchTimeZones, readTime, uniqueTimeZone } from '../../src/schedule/time-input.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }) => (r.ok ? r.value : r.error.message);

describe('times as people type them', () => {
  it('keeps HH:MM and reads unambiguous forms', () => {
    const cases: [string, string][] = [
      ['08:30', '08:30'], ['8:30', '08:30'], ['17:05', '17:05'], ['9am', '09:00'], ['9 AM', '09:00'], ['9.30pm', '21:30'], ['9:30 p.m.', '21:30'],
      ['12am', '00:00'], ['12pm', '12:00'], ['0830', '08:30'], ['08h30', '08:30'], ['noon', '12:00'], ['midnight', '00:00'], ['18', '18:00'],
    ];
    for (const [typed, want] of cases) {
      const r = readTime(typed);
      expect(r.kind === 'time' ? `${String(r.time.hour).padStart(2, '0')}:${String(r.time.minute).padStart(2, '0')}` : r.kind, typed).toBe(want);
    }
  });

  it('refuses what cannot be a time and suggests the fix; a bare hour names both readings', () => {
    expect(value(parseTime('9'))).toBe('"9" could be morning or evening: give time:09:00 or time:21:00 (or time:9am / time:9pm).');
    expect(value(parseTime('25:00'))).toMatch(/not a valid time.*time:08:30.*time:9am/);
    expect(value(parseTime('13pm'))).toMatch(/not a valid time/);
    expect(value(parseTime('soon'))).toMatch(/not a valid time/);
  });
});

describe('timezones matched loosely', () => {
  it('accepts IANA names in any case and a city that names exactly one zone', () => {
    expect(value(parseZone('Europe/London'))).toBe('Europe/London');
    expect(value(parseZone('europe/berlin'))).toBe('Europe/Berlin');
    expect(value(parseZone('london'))).toBe('Europe/London');
    // the runtime lists Asia/Kolkata under its older alias Asia/Calcutta: what the user typed is kept
    expect(value(parseZone('Asia/Kolkata'))).toBe('Asia/Kolkata');
    expect(value(parseZone('asia/kolkata'))).toBe('Asia/Kolkata');
    expect(value(parseZone('kolkata'))).toBe('Asia/Kolkata');
    expect(value(parseZone('new york'))).toBe('America/New_York');
    expect(value(parseZone('New_York'))).toBe('America/New_York');
    expect(value(parseZone('utc'))).toBe('UTC');
    expect(uniqueTimeZone('kolkata')).toBe('Asia/Kolkata');
  });

  it('refuses an unknown name with the nearest zones as suggestions', () => {
    expect(value(parseZone('york'))).toBe('"york" is not a known IANA timezone: did you mean timezone:America/New_York?');
    expect(value(parseZone('EST'))).toBe('"EST" is not a known IANA timezone: did you mean timezone:America/New_York?');
    expect(value(parseZone('cet'))).toBe('"cet" is not a known IANA timezone: did you mean timezone:Europe/Berlin or timezone:Europe/Paris?');
    expect(value(parseZone('Mars/Olympus'))).toBe('"Mars/Olympus" is not a known IANA timezone: use a name such as timezone:Europe/Berlin or timezone:America/New_York.');
  });

  it('ranks exact cities first, then prefixes, then names holding every word', () => {
    expect(matchTimeZones('london')[0]).toBe('Europe/London');
    expect(matchTimeZones('new y')[0]).toBe('America/New_York');
    expect(matchTimeZones('america new')).toContain('America/New_York');
    expect(matchTimeZones('', 25, 'Asia/Tokyo')[0]).toBe('Asia/Tokyo');
    expect(matchTimeZones('e', 25).length).toBe(25);
  });

  it('subscribe reads time:9am timezone:london as 09:00 Europe/London', () => {
    const r = parseSubscribe('time:9am timezone:london days:weekends', { channelKey: 'c', userId: 'u', timezone: 'UTC', now: new Date(0), workspace: 'T1' });
    expect(r.ok && r.value).toMatchObject({ hour: 9, minute: 0, timezone: 'Europe/London', days: [0, 6], workspace: 'T1' });
  });
});

describe('days', () => {
  it('accepts every documented value and names them back', () => {
    for (const [typed, days, text] of [
      ['daily', [0, 1, 2, 3, 4, 5, 6], 'daily'], ['every', [0, 1, 2, 3, 4, 5, 6], 'daily'], ['everyday', [0, 1, 2, 3, 4, 5, 6], 'daily'],
      ['weekdays', [1, 2, 3, 4, 5], 'weekdays'], ['weekends', [0, 6], 'weekends'], ['mon,wed,fri', [1, 3, 5], 'mon,wed,fri'], ['Tuesday,thurs', [2, 4], 'tue,thu'],
    ] as const) {
      const r = parseDays(typed);
      expect(r.ok && r.value, typed).toEqual(days);
      expect(daysText([...days])).toBe(text);
    }
    expect(value(parseDays('someday'))).toMatch(/days:weekends/);
  });
});

describe('Discord choices for /digest subscribe', () => {
  it('timezone: loose names to IANA values, at most 25, each within 100 characters', () => {
    expect(timezoneChoices('london', 'UTC')[0]).toEqual({ name: 'Europe/London', value: 'Europe/London' });
    expect(timezoneChoices('new york', 'UTC')[0]!.value).toBe('America/New_York');
    const all = timezoneChoices('a', 'UTC');
    expect(all.length).toBeLessThanOrEqual(25);
    for (const c of all) expect(c.value.length).toBeLessThanOrEqual(100);
  });

  it('time: the typed time as HH:MM, both readings of a bare hour', () => {
    expect(timeChoices('9am')).toEqual([{ name: '09:00', value: '09:00' }]);
    expect(timeChoices('9.30pm')).toEqual([{ name: '21:30', value: '21:30' }]);
    expect(timeChoices('9').map((c) => c.value)).toEqual(['09:00', '21:00']);
    expect(timeChoices('08').map((c) => c.value)).toEqual(['08:00', '20:00']);
    expect(timeChoices('').map((c) => c.value)).toContain('08:30');
  });

  it('days: every named set, and a typed list when it parses', () => {
    expect(daysChoices('').map((c) => c.value)).toEqual(['daily', 'weekdays', 'weekends', 'mon,wed,fri']);
    expect(daysChoices('week').map((c) => c.value)).toEqual(['weekdays', 'weekends']);
    expect(daysChoices('tue, thu')).toEqual([{ name: 'tue,thu', value: 'tue,thu' }]);
  });
});

describe('moments', () => {
  it('are Discord timestamps on Discord and the wall clock of the zone elsewhere', () => {
    const at = new Date('2024-11-30T08:30:00Z');
    expect(formatMoment(at, 'Europe/Berlin', 'discord')).toBe('<t:1732955400:f> (<t:1732955400:R>)');
    expect(formatMoment(at, 'Europe/Berlin', 'slack')).toBe('Sat 30 Nov 2024 09:30 CET');
  });
});

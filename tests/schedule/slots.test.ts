import { describe, expect, it } from 'vitest';
import { nextSlot, nextSlots, slotId, slotInstant } from '../../src/schedule/slots.ts';
import { cronExpression, describeSchedule, parseSubscribe, type Subscription } from '../../src/schedule/subscription.ts';

const ALL = [0, 1, 2, 3, 4, 5, 6];
const sub = (hour: number, minute: number, timezone: string, days = ALL) => ({ hour, minute, timezone, days });
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('slot instants across timezones and DST changes', () => {
  it('New York: 02:30 on the spring-forward day runs at 03:00 EDT, the next valid minute', () => {
    const slots = nextSlots(sub(2, 30, 'America/New_York'), new Date('2026-03-07T00:00Z'), new Date('2026-03-10T00:00Z'));
    expect(iso(slots)).toEqual(['2026-03-07T07:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']);
  });

  it('New York: 01:30 on the fall-back day (it happens twice) runs once, at the first one', () => {
    const slots = nextSlots(sub(1, 30, 'America/New_York'), new Date('2026-10-31T12:00Z'), new Date('2026-11-03T00:00Z'));
    expect(iso(slots)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });

  it('Berlin: a daily 08:00 moves by an hour in UTC across both changes, one slot per local day', () => {
    const spring = nextSlots(sub(8, 0, 'Europe/Berlin'), new Date('2026-03-28T00:00Z'), new Date('2026-03-30T12:00Z'));
    expect(iso(spring)).toEqual(['2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z']);
    const gap = nextSlots(sub(2, 15, 'Europe/Berlin'), new Date('2026-03-29T00:00Z'), new Date('2026-03-29T12:00Z'));
    expect(iso(gap)).toEqual(['2026-03-29T01:00:00.000Z']);
    const repeated = nextSlots(sub(2, 15, 'Europe/Berlin'), new Date('2026-10-24T12:00Z'), new Date('2026-10-26T12:00Z'));
    expect(iso(repeated)).toEqual(['2026-10-25T00:15:00.000Z', '2026-10-26T01:15:00.000Z']);
  });

  it('Lord Howe (a 30-minute change), Kolkata (+05:30) and Auckland (ahead of UTC by a day)', () => {
    const lordHowe = nextSlots(sub(2, 10, 'Australia/Lord_Howe'), new Date('2026-10-03T12:00Z'), new Date('2026-10-04T12:00Z'));
    expect(iso(lordHowe)).toEqual(['2026-10-03T15:30:00.000Z']); // 02:30 +11, right after the gap
    const kolkata = nextSlots(sub(9, 0, 'Asia/Kolkata'), new Date('2026-01-01T00:00Z'), new Date('2026-01-02T00:00Z'));
    expect(iso(kolkata)).toEqual(['2026-01-01T03:30:00.000Z']);
    const auckland = nextSlots(sub(7, 0, 'Pacific/Auckland', [1]), new Date('2026-04-01T00:00Z'), new Date('2026-04-08T00:00Z'));
    expect(iso(auckland)).toEqual(['2026-04-05T19:00:00.000Z']); // Monday 6 April 07:00 NZST (DST ended that morning)
  });

  it('Sydney (southern hemisphere): 02:30 runs at 03:00 AEDT when clocks go forward in October, once (AEDT) when they go back in April', () => {
    const gap = nextSlots(sub(2, 30, 'Australia/Sydney'), new Date('2026-10-02T00:00Z'), new Date('2026-10-05T00:00Z'));
    expect(iso(gap)).toEqual(['2026-10-02T16:30:00.000Z', '2026-10-03T16:00:00.000Z', '2026-10-04T15:30:00.000Z']);
    const repeated = nextSlots(sub(2, 30, 'Australia/Sydney'), new Date('2026-04-04T00:00Z'), new Date('2026-04-06T00:00Z'));
    expect(iso(repeated)).toEqual(['2026-04-04T15:30:00.000Z', '2026-04-05T16:30:00.000Z']);
  });

  it('Auckland 02:30 repeated on 5 April runs at its first (NZDT) occurrence; Santiago 00:30 on the day that starts at 01:00 runs at 01:00', () => {
    const auckland = nextSlots(sub(2, 30, 'Pacific/Auckland'), new Date('2026-04-04T00:00Z'), new Date('2026-04-05T12:00Z'));
    expect(iso(auckland)).toEqual(['2026-04-04T13:30:00.000Z']);
    const santiago = nextSlots(sub(0, 30, 'America/Santiago'), new Date('2026-09-05T00:00Z'), new Date('2026-09-07T12:00Z'));
    expect(iso(santiago)).toEqual(['2026-09-05T04:30:00.000Z', '2026-09-06T04:00:00.000Z', '2026-09-07T03:30:00.000Z']);
  });

  it('holds the rule for every day of 2026 in six zones: one slot a local day, at the time or else at the change ending the gap, a repeated time at its first occurrence', () => {
    // Read back through Intl directly, not through the code under test
    const formats = new Map<string, Intl.DateTimeFormat>();
    const wall = (t: number, timeZone: string) => {
      const format = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
      formats.set(timeZone, format);
      const parts = format.formatToParts(t);
      const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      return { day: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
    };
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata'];
    const times: [number, number][] = [[0, 30], [1, 30], [2, 0], [2, 30], [8, 0]];
    let gaps = 0;
    let repeats = 0;
    for (const zone of zones) {
      for (const [hour, minute] of times) {
        const slots = nextSlots(sub(hour, minute, zone), new Date('2025-12-31T12:00Z'), new Date('2026-12-31T12:00Z')).map((d) => d.getTime());
        const want = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        expect(slots.length).toBeGreaterThanOrEqual(364);
        expect(new Set(slots.map((t) => wall(t, zone).day)).size).toBe(slots.length);
        for (const t of slots) {
          const here = wall(t, zone);
          if (here.time === want) {
            // No earlier instant (clocks go back by at most an hour) reads the same local minute
            const earlier = [30, 60].map((m) => wall(t - m * 60_000, zone));
            expect(earlier.some((e) => e.day === here.day && e.time === want)).toBe(false);
            if ([30, 60].some((m) => wall(t + m * 60_000, zone).time === want)) repeats++;
          } else {
            // The asked time did not exist: the minute before read earlier than asked (or the day before), this one later
            gaps++;
            const before = wall(t - 60_000, zone);
            expect(before.day < here.day || before.time < want).toBe(true);
            expect(here.time > want).toBe(true);
          }
        }
      }
    }
    expect(gaps).toBeGreaterThanOrEqual(8);
    expect(repeats).toBeGreaterThanOrEqual(5);
  });

  it('weekdays skip the weekend in local time; bounds are (from, to]', () => {
    const weekdays = nextSlots(sub(8, 0, 'UTC', [1, 2, 3, 4, 5]), new Date('2026-11-27T08:00Z'), new Date('2026-12-01T08:00Z'));
    expect(iso(weekdays)).toEqual(['2026-11-30T08:00:00.000Z', '2026-12-01T08:00:00.000Z']);
    expect(nextSlot(sub(8, 0, 'UTC', []), new Date('2026-11-27T08:00Z'))).toBeNull();
  });

  it('a slot id names the channel and the instant, and reads back', () => {
    const id = slotId('slack:C123', new Date('2026-03-08T07:00:00Z'));
    expect(id).toBe('slack:C123@2026-03-08T07:00:00.000Z');
    expect(slotInstant(id).toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });
});

describe('parsing digest subscribe', () => {
  const defaults = { channelKey: 'discord:456', userId: 'u1', timezone: 'UTC', now: new Date('2026-11-25T10:00Z') };

  it('reads time, timezone, days and a topic that takes the rest of the line', () => {
    const r = parseSubscribe('time:7:05 timezone:europe/berlin days:mon,wed,fri topic:climate policy in the EU', defaults);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s: Subscription = r.value;
    expect(s).toMatchObject({ hour: 7, minute: 5, timezone: 'Europe/Berlin', days: [1, 3, 5], topic: 'climate policy in the EU', channelKey: 'discord:456' });
    expect(cronExpression(s)).toBe('5 7 * * 1,3,5');
    expect(describeSchedule(s)).toBe('every Mon, Wed, Fri at 07:05 (Europe/Berlin) on "climate policy in the EU"');
  });

  it('defaults to every day in the caller timezone', () => {
    const r = parseSubscribe('time:18:00', { ...defaults, timezone: 'America/New_York' });
    expect(r.ok && r.value).toMatchObject({ days: ALL, timezone: 'America/New_York', topic: '' });
    expect(r.ok && cronExpression(r.value)).toBe('0 18 * * *');
  });

  it('names the problem: time, day, zone, a missing time, an unknown option', () => {
    const message = (args: string) => {
      const r = parseSubscribe(args, defaults);
      return r.ok ? 'accepted' : r.error.message;
    };
    expect(message('time:25:00')).toMatch(/"25:00" is not a valid time/);
    expect(message('time:8h')).toMatch(/"8h" could be morning or evening: give time:08:00 or time:20:00/);
    expect(message('time:08:00 days:mon,funday')).toMatch(/"funday" is not a day/);
    expect(message('time:08:00 timezone:Mars/Olympus')).toMatch(/"Mars\/Olympus" is not a known IANA timezone/);
    expect(message('days:weekdays')).toMatch(/Give the time of day/);
    expect(message('time:08:00 every:day')).toMatch(/"every:" is not an option/);
  });
});

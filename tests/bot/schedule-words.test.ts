import { afterEach, describe, expect, it } from 'vitest';
import { readScheduleWords } from '../../src/bot/schedule-words.ts';
import { understandRequest } from '../../src/bot/understand-request.ts';
import { article, CONSOLE_CTX, makeDigestRig, replyText, type DigestRig } from '../support/digest-rig.ts';

describe('digest schedules in words', () => {
  it.each([
    ['subscribe me to a daily digest at 9am', 'subscribe', 'time:09:00 days:daily'],
    ['sign us up for the weekday briefing at 7.30am', 'subscribe', 'time:07:30 days:weekdays'],
    ['send me the digest every morning at 8', 'subscribe', 'time:08:00 days:daily'],
    ['schedule a digest for 6pm on mondays and fridays about the harbour', 'subscribe', 'time:18:00 days:mon,fri topic:the harbour'],
    ['subscribe to oil news at 8:30 london time', 'subscribe', 'time:08:30 timezone:Europe/London topic:oil'],
    ['stop the digest', 'unsubscribe', ''],
    ['unsubscribe', 'unsubscribe', ''],
    ['no more daily digests please', 'unsubscribe', ''],
    ['when is the next digest', 'status', ''],
    ['am i subscribed', 'status', ''],
    ['list all subscriptions', 'list', ''],
    // the command typed without its slash
    ['digest subscribe 09:00', 'subscribe', 'time:09:00'],
    ['digest subscribe time:08:00 days:weekdays topic:oil', 'subscribe', 'time:08:00 days:weekdays topic:oil'],
    ['digest unsubscribe', 'unsubscribe', ''],
    ['digest status', 'status', ''],
    ['digest list', 'list', ''],
  ])('reads %j as digest %s %j', (text, action, args) => {
    expect(readScheduleWords(text)).toMatchObject({ action, args });
  });

  it('keeps a typed command\'s arguments as typed, "time:08:00" whole, and a time missing from them marked', () => {
    expect(understandRequest('digest subscribe time:08:00 days:weekdays', { surface: 'console' })).toMatchObject({ intent: 'help', command: '/digest subscribe time:08:00 days:weekdays' });
    expect(readScheduleWords('digest subscribe days:weekdays')).toMatchObject({ action: 'subscribe', args: 'days:weekdays', missingTime: true });
    expect(readScheduleWords('digest unsubscribe everything now')).toBeNull();
  });

  it('marks a missing time and a bare hour, which are shown as a command rather than run', () => {
    expect(readScheduleWords('subscribe me to the digest')).toMatchObject({ action: 'subscribe', missingTime: true });
    expect(readScheduleWords('set up a digest at 9')).toMatchObject({ action: 'subscribe', args: 'time:09:00', ambiguousHour: 9 });
    expect(readScheduleWords('set up a digest at 9 in the evening')).toMatchObject({ args: 'time:21:00' });
    expect(readScheduleWords('set up a digest at 9 in the evening')?.missingTime).toBeUndefined();
  });

  it.each([['sign the petition'], ['who signed up for the army'], ['what did the subscribers say'], ['stop'], ['send me the digest'], ['daily digest']])(
    'leaves %j to the other rules',
    (text) => {
      expect(readScheduleWords(text)).toBeNull();
    },
  );

  it('is read as help with the digest command on each surface', () => {
    const r = understandRequest('subscribe me to a daily digest at 9am', { surface: 'slack' });
    expect(r).toMatchObject({ intent: 'help', understood: 'Digest on a schedule', command: '/brief digest subscribe time:09:00 days:daily' });
    expect(understandRequest('stop the digest', { surface: 'discord' }).command).toBe('/digest unsubscribe');
    expect(understandRequest('send me the digest').intent).toBe('digest');
  });
});

let rig: DigestRig | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

const ctx = CONSOLE_CTX;
const say = replyText;

describe('through the Bot', () => {
  it('subscribes, tells the status and unsubscribes from words; a missing time subscribes nothing', async () => {
    rig = await makeDigestRig({ start: '2026-11-25T10:00:00Z', articles: [article('a1', 'harbour warehouse fire', '2026-11-25T06:00:00Z')] });
    const guide = await rig.bot.handleText('subscribe me to the digest', ctx);
    expect(guide.command).toBeNull();
    expect(say(guide.reply)).toMatch(/^Say when, and the digest comes here on a schedule: \/digest subscribe time:09:00/);
    const ambiguous = await rig.bot.handleText('set up a digest at 9', ctx);
    expect(say(ambiguous.reply)).toMatch(/"9" could be morning or evening\. Send \/digest subscribe time:09:00 .* or \/digest subscribe time:21:00/);
    expect(await rig.service.subscriptions.channelKeys()).toEqual([]);

    const done = await rig.bot.handleText('subscribe me to a daily digest at 8:30am about the harbour', ctx);
    expect(done.command).toEqual({ name: 'digest', action: 'subscribe', args: 'time:08:30 days:daily topic:the harbour' });
    expect(say(done.reply)).toMatch(/^Subscribed: this channel gets a digest every day at 08:30 \(UTC\) on "the harbour"\./);
    expect(done.reply.understood).toEqual({ line: 'Digest on a schedule', command: '/digest subscribe time:08:30 days:daily topic:the harbour' });
    expect(say((await rig.bot.handleText('when is the next digest', ctx)).reply)).toMatch(/^Digest: every day at 08:30 \(UTC\)/);
    expect(say((await rig.bot.handleText('stop the digest', ctx)).reply)).toMatch(/^Unsubscribed/);
    expect(await rig.service.subscriptions.channelKeys()).toEqual([]);
  });


});

import type { webApi } from '@slack/bolt';
import { isValidTimeZone } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import { slackErrorCode } from './slack-api-errors.ts';

/** A user's time zone and role are looked up again after this long. */
const USER_CACHE_MS = 10 * 60 * 1000;

export interface SlackUser {
  tz: string;
  admin: boolean;
}

/** Each user's time zone and role (users.info), cached briefly; a failed look-up gives the default zone. */
export class SlackUsers {
  private readonly cache = new Map<string, SlackUser & { until: number }>();

  constructor(
    private readonly defaultTimezone: string,
    private readonly log: Logger,
  ) {}

  async info(client: webApi.WebClient, userId: string): Promise<SlackUser> {
    const cached = this.cache.get(userId);
    if (cached && cached.until > Date.now()) return cached;
    let tz = this.defaultTimezone;
    let admin = false;
    try {
      const info = await client.users.info({ user: userId });
      const userTz = info.user?.tz;
      if (userTz && isValidTimeZone(userTz)) tz = userTz;
      admin = Boolean(info.user?.is_admin || info.user?.is_owner || info.user?.is_primary_owner);
    } catch (err) {
      this.log.warn({ err: slackErrorCode(err) ?? String(err), userId }, 'slack: users.info failed; using DEFAULT_TIMEZONE');
    }
    const entry = { tz, admin, until: Date.now() + USER_CACHE_MS };
    this.cache.set(userId, entry);
    return entry;
  }

  clear(): void {
    this.cache.clear();
  }
}

import { Client, DefaultRestOptions, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import { PLATFORM_RETRY, withBackoff } from '../shared/retry.ts';
import { shardOptions } from './discord-shards.ts';

/**
 * The gateway client: servers, server messages and DMs, mentions never parsed, REST at
 * DISCORD_API_URL when set with our own back-off, the shards this process holds; its
 * connection events logged (never the token).
 */
export function createDiscordClient(config: Config, api: string | undefined, log: Logger): Client {
  const sharding = shardOptions(config);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: {
      ...(api ? { api } : {}),
      // @discordjs/rest 2.6 retries a 5xx at once, without waiting, and a network error only on its
      // own timeout (AbortError) or ECONNRESET: retries: 0 leaves all retrying to the back-off below.
      retries: 0,
      // 5xx and network errors (ECONNREFUSED, ETIMEDOUT, resets…) retried PLATFORM_RETRY.retries
      // times with exponential back-off and jitter; 4xx and 429 go straight back to discord.js.
      makeRequest: withBackoff((url, init) => DefaultRestOptions.makeRequest(url, init), {
        policy: PLATFORM_RETRY,
        onRetry: (what, attempt, delayMs) => log.warn({ what, attempt, delayMs }, 'discord: REST request failed; retrying'),
      }),
    },
    ...sharding,
  });
  if (sharding.shards) log.info({ shards: sharding.shards, shardCount: sharding.shardCount }, 'discord: holding these gateway shards');
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'discord gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'discord gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'discord gateway resumed'));
  // discord.js prints the token's first parts in its debug output ("Provided token: …"): never logged
  client.on(Events.Debug, (message) => log.trace({ detail: message.replace(/(token:?\s*)\S+/gi, '$1[redacted]') }, 'discord debug'));
  return client;
}

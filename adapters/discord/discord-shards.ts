import type { Config } from '../../src/config.ts';

/**
 * The gateway shards this process holds, as discord.js client options: DISCORD_SHARDS of
 * DISCORD_SHARD_COUNT, or every shard of DISCORD_SHARD_COUNT, or (neither set) discord.js's
 * default: a single shard (enough below 2,500 servers).
 */
export function shardOptions(config: Pick<Config, 'DISCORD_SHARDS' | 'DISCORD_SHARD_COUNT'>): { shards?: number[]; shardCount?: number } {
  const count = config.DISCORD_SHARD_COUNT;
  if (count === undefined) return {};
  return { shards: config.DISCORD_SHARDS ?? Array.from({ length: count }, (_, i) => i), shardCount: count };
}

/** The shard whose gateway connection carries a guild's events: `(guild_id >> 22) % shardCount` (DMs: shard 0). */
export function shardOfGuild(guildId: string | null, shardCount: number): number {
  if (!guildId) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

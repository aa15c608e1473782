import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DefaultRestOptions, REST, Routes, type RESTPutAPIApplicationCommandsResult } from 'discord.js';
import { withBackoff } from '../shared/retry.ts';
import { loadConfig, readDotEnv } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import { DISCORD_COMMANDS } from './commands.ts';

export interface RegisterOptions {
  token: string;
  appId: string;
  /** Register to this server only (instant); without it, globally (may take a while to show). */
  guildId?: string | undefined;
  /** REST base without the version, e.g. http://127.0.0.1:9000/api; Discord's by default. */
  apiUrl?: string | undefined;
}

export interface RegisterResult {
  scope: 'global' | 'guild';
  names: string[];
}

/** Replaces the application's commands with DISCORD_COMMANDS (a bulk overwrite: PUT). */
export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  const api = options.apiUrl?.replace(/\/+$/, '');
  // 5xx and network errors retried with back-off (discord.js alone would retry a 5xx at once): see discord-adapter.ts
  const rest = new REST({ version: '10', retries: 0, makeRequest: withBackoff((url, init) => DefaultRestOptions.makeRequest(url, init)), ...(api ? { api } : {}) }).setToken(options.token);
  const route = options.guildId ? Routes.applicationGuildCommands(options.appId, options.guildId) : Routes.applicationCommands(options.appId);
  const result = (await rest.put(route, { body: DISCORD_COMMANDS })) as RESTPutAPIApplicationCommandsResult;
  return { scope: options.guildId ? 'guild' : 'global', names: result.map((c) => c.name) };
}

/** `npm run register:discord`: reads DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_GUILD_ID, DISCORD_API_URL. */
async function main(): Promise<number> {
  readDotEnv();
  try {
    const config = loadConfig();
    if (!config.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN', 'is required to register the commands (the bot token)');
    if (!config.DISCORD_APP_ID) throw new ConfigError('DISCORD_APP_ID', 'is required to register the commands (the application id)');
    const result = await registerCommands({
      token: config.DISCORD_TOKEN,
      appId: config.DISCORD_APP_ID,
      guildId: config.DISCORD_GUILD_ID,
      apiUrl: config.DISCORD_API_URL,
    });
    const where = result.scope === 'guild' ? `to server ${config.DISCORD_GUILD_ID}` : 'globally (may take up to an hour to appear)';
    process.stdout.write(`Registered ${result.names.length} commands ${where}: ${result.names.map((n) => `/${n}`).join(' ')}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`configuration error: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`registration failed: ${(err as Error).message}\n`);
    return 1;
  }
}

function isEntryPoint(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  try {
    return realpathSync(argv1) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await main();

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const path = fileURLToPath(new URL('../../../slack-manifest.yaml', import.meta.url));

interface Manifest {
  features: { slash_commands: { command: string }[]; app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean } };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

describe('slack-manifest.yaml', () => {
  const manifest = parse(readFileSync(path, 'utf8')) as Manifest;

  it('asks for exactly the bot scopes of the interface page, and no user scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(
      ['commands', 'chat:write', 'app_mentions:read', 'im:history', 'im:read', 'im:write', 'channels:history', 'groups:history', 'users:read'].sort(),
    );
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('declares /brief, the two events, interactivity, Socket Mode and a writable DM tab', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/brief']);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });
});

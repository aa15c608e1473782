import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (name: string) => parse(readFileSync(fileURLToPath(new URL(`../../../${name}`, import.meta.url)), 'utf8')) as Manifest;

interface Manifest {
  features: {
    slash_commands: { command: string; url?: string }[];
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: { event_subscriptions: { bot_events: string[]; request_url?: string }; interactivity: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean };
}

const SCOPES = ['commands', 'chat:write', 'app_mentions:read', 'im:history', 'im:read', 'im:write', 'channels:history', 'groups:history', 'users:read'];
const URL_HTTP = 'https://YOUR-HOST/slack/events';

describe.each([
  ['slack-manifest.yaml', 'socket'],
  ['slack-manifest.http.yaml', 'http'],
] as const)('%s', (file, mode) => {
  const manifest = read(file);

  it('asks for exactly the bot scopes of the interface page, and no user scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SCOPES].sort());
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('declares /brief, the events (app_home_opened for the Home tab), interactivity, a writable DM tab and the Home tab', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/brief']);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it(mode === 'socket' ? 'uses Socket Mode and no request URL' : 'uses HTTP mode: every request URL is https://YOUR-HOST/slack/events', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(mode === 'socket');
    const urls = [manifest.features.slash_commands[0]!.url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url];
    expect(urls).toEqual(mode === 'socket' ? [undefined, undefined, undefined] : [URL_HTTP, URL_HTTP, URL_HTTP]);
  });
});

describe('the two manifests', () => {
  it('differ only in the mode and the request URLs', () => {
    const socket = read('slack-manifest.yaml');
    const http = read('slack-manifest.http.yaml');
    const strip = (m: Manifest) => {
      const copy = structuredClone(m);
      delete copy.features.slash_commands[0]!.url;
      delete copy.settings.event_subscriptions.request_url;
      delete copy.settings.interactivity.request_url;
      (copy.settings as { socket_mode_enabled?: boolean }).socket_mode_enabled = undefined;
      return copy;
    };
    expect(strip(http)).toEqual(strip(socket));
  });
});

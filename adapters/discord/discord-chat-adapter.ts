import type { AdapterFactory } from '../../src/chat-adapter.ts';
import { startedAdapter } from '../shared/started-adapter.ts';
import { startDiscord } from './discord-adapter.ts';

/** Discord (the gateway shards the configuration names) behind the ChatAdapter port. */
export const discordAdapter: AdapterFactory = {
  name: 'discord',
  create: (deps) => startedAdapter('discord', () => startDiscord(deps)),
};

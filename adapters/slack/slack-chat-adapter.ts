import type { AdapterFactory } from '../../src/chat-adapter.ts';
import { startedAdapter } from '../shared/started-adapter.ts';
import { startSlack } from './slack-adapter.ts';

/** Slack (Socket Mode or HTTP, as the configuration says) behind the ChatAdapter port. */
export const slackAdapter: AdapterFactory = {
  name: 'slack',
  dedupesEvents: true,
  create: (deps) => startedAdapter('slack', () => startSlack(deps)),
};

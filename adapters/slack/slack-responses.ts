import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';
import { withRetry } from '../shared/retry.ts';
import { renderSlack, type SlackMessage } from './render-slack.ts';

/** A response_url takes at most 5 replies. */
const MAX_RESPONSES = 5;

/** A reply for a request that came without a response_url: it has nowhere to go. */
class MissingResponseUrl extends Error {
  constructor(where: string) {
    super(`${where}: the request had no response_url`);
  }
}

/**
 * Bolt's respond() posts to the response_url once and throws on any non-2xx (RespondError with
 * its statusCode) or network error: a 5xx or network error is tried again here, a 4xx is not.
 */
export function retryingRespond(respond: RespondFn | undefined, where: string, log: Logger): RespondFn {
  return (message) =>
    // a signed request without response_url (not from Slack's own UI): nowhere to answer
    !respond
      ? Promise.reject(new MissingResponseUrl(where))
      : withRetry(() => respond(message), {
          onRetry: (err, attempt, delayMs) => log.warn({ err: err instanceof Error ? err.message : String(err), attempt, delayMs }, 'slack: response_url post failed; retrying'),
        });
}

/** Ephemeral replies through the response_url; past its 5, the last says the reply was cut. */
export async function respondAll(respond: RespondFn, messages: SlackMessage[]): Promise<void> {
  let list = messages;
  if (list.length > MAX_RESPONSES) {
    const note = renderSlack({ kind: 'notice', text: 'The reply was too long to show in full; narrow the question or topic.' });
    list = [...list.slice(0, MAX_RESPONSES - 1), ...note];
  }
  for (const m of list) await respond({ response_type: 'ephemeral', replace_original: false, text: m.text, blocks: m.blocks });
}

/** Posts messages to a channel (in a thread when given), links never unfurled. */
export async function postMessages(client: webApi.WebClient, channel: string, messages: SlackMessage[], threadTs?: string): Promise<void> {
  for (const m of messages) {
    await client.chat.postMessage({
      channel,
      text: m.text,
      blocks: m.blocks,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
  }
}

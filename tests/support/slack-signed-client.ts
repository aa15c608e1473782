import { createHmac, randomBytes } from 'node:crypto';
import { STUB_BOT_USER, STUB_TEAM } from './slack-api-stub.ts';

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function slackSignature(secret: string, timestamp: number | string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  /** Sign with this secret instead of the right one (a forged request). */
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Sets x-slack-retry-num / x-slack-retry-reason as Slack does on a retry. */
  retryNum?: number;
}

export interface SentRequest {
  status: number;
  body: string;
  /** When the full HTTP response had arrived (Date.now()). */
  at: number;
}

let counter = 0;
const uniq = () => `${Date.now().toString(36)}${(++counter).toString(36)}${randomBytes(2).toString('hex')}`;

/** The Events API body Slack sends for `event` (an `event_callback`). */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${uniq()}`): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: STUB_TEAM,
    api_app_id: 'A0TEST',
    event: { event_ts: event.ts, ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: STUB_TEAM, user_id: STUB_BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

/** The fields Slack sends for a slash command. */
export function commandFields(fields: { text: string; responseUrl: string; user?: string; channel?: string; command?: string }): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: STUB_TEAM,
    team_domain: 'test',
    channel_id: fields.channel ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: fields.user ?? 'U0ALICE',
    user_name: 'alice',
    command: fields.command ?? '/brief',
    text: fields.text,
    api_app_id: 'A0TEST',
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: `trigger-${uniq()}`,
  };
}

/** Sends requests to the bot's /slack/events as Slack does: signed, form-encoded or JSON. */
export class SlackSignedClient {
  constructor(
    private readonly eventsUrl: string,
    private readonly secret: string,
  ) {}

  async send(body: string, contentType: string, options: SendOptions = {}): Promise<SentRequest> {
    const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': slackSignature(options.secret ?? this.secret, ts, body),
    };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const res = await fetch(this.eventsUrl, { method: 'POST', headers, body });
    const text = await res.text();
    return { status: res.status, body: text, at: Date.now() };
  }

  /** A slash command (form-encoded), with its response_url. */
  async command(
    fields: { text: string; responseUrl: string; user?: string; channel?: string; command?: string },
    options?: SendOptions,
  ): Promise<SentRequest> {
    const form = new URLSearchParams(commandFields(fields));
    return this.send(form.toString(), 'application/x-www-form-urlencoded', options);
  }

  /** An Events API callback wrapping `event`; returns the event_id used. */
  async event(event: Record<string, unknown>, options: SendOptions & { eventId?: string } = {}): Promise<SentRequest & { eventId: string }> {
    const eventId = options.eventId ?? `Ev${uniq()}`;
    const envelope = eventEnvelope(event, eventId);
    const sent = await this.send(JSON.stringify(envelope), 'application/json', options);
    return { ...sent, eventId };
  }

  /** A block_actions click on a button of a message. */
  async buttonClick(
    fields: { actionId: string; value: string; responseUrl: string; user?: string; channel?: string; ephemeral?: boolean },
    options?: SendOptions,
  ): Promise<SentRequest> {
    const channel = fields.channel ?? 'C0GENERAL';
    const payload = {
      type: 'block_actions',
      user: { id: fields.user ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: STUB_TEAM },
      api_app_id: 'A0TEST',
      token: 'legacy-verification-token',
      container: { type: 'message', message_ts: '1700000000.000001', channel_id: channel, is_ephemeral: fields.ephemeral ?? true },
      trigger_id: `trigger-${uniq()}`,
      team: { id: STUB_TEAM, domain: 'test' },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: channel, name: 'general' },
      response_url: fields.responseUrl,
      actions: [
        {
          action_id: fields.actionId,
          block_id: 'b1',
          text: { type: 'plain_text', text: 'button', emoji: true },
          value: fields.value,
          type: 'button',
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    };
    const form = new URLSearchParams({ payload: JSON.stringify(payload) });
    return this.send(form.toString(), 'application/x-www-form-urlencoded', options);
  }
}

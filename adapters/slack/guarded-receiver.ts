// Bolt's HTTPReceiver with checks made before a request body is read: Bolt reads a whole body
// (up to 4 MB) before it verifies the signature, and takes any number at once. Here a request
// without well-formed signature headers, or with a timestamp more than five minutes off (past or
// future), is refused with 401 unread; a body over the cap with 413; reads beyond the concurrent
// cap with 503. A body Bolt cannot route (an event callback whose `event` is not an object) is a
// 400 instead of Bolt's 500.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, HTTPReceiver, type App, type HTTPReceiverOptions, type ReceiverProcessEventErrorHandlerArgs } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';

export interface SlackHttpLimits {
  /** Largest request body read, in bytes (Slack's own payloads are a few KB). */
  maxBodyBytes: number;
  /** Bodies being read at once, before any can be verified; more get 503. */
  maxPendingBodies: number;
  /** How far the request timestamp may be from now, either way (Slack's replay window). */
  maxClockSkewSeconds: number;
}

export const DEFAULT_SLACK_HTTP_LIMITS: SlackHttpLimits = { maxBodyBytes: 1024 * 1024, maxPendingBodies: 64, maxClockSkewSeconds: 5 * 60 };

/** A request body Bolt would fail on: answered 400. */
class MalformedSlackRequest extends Error {}

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

function refuse(res: ServerResponse, status: number, error: string, extra: Record<string, string> = {}): void {
  // the unread body is not drained: the connection is closed after this answer
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close', ...extra });
  res.end(JSON.stringify({ error }));
}

/** Why an event body cannot be processed, or null. */
function malformedBody(body: unknown): string | null {
  if (!body || typeof body !== 'object') return 'body is not an object';
  const b = body as Record<string, unknown>;
  if (b.type === 'event_callback') {
    const event = b.event as Record<string, unknown> | null | undefined;
    if (!event || typeof event !== 'object' || typeof event.type !== 'string') return 'event_callback without an event object';
  }
  return null;
}

export class GuardedReceiver extends HTTPReceiver {
  private pending = 0;

  constructor(options: HTTPReceiverOptions & { endpoints: string; limits: SlackHttpLimits; log: Logger }) {
    const { limits, log, ...rest } = options;
    super({
      ...rest,
      bodyLimit: limits.maxBodyBytes,
      processEventErrorHandler: async (args: ReceiverProcessEventErrorHandlerArgs) => {
        if (args.error instanceof MalformedSlackRequest) {
          log.warn({ reason: args.error.message }, 'slack: malformed request refused (400)');
          if (!args.response.headersSent) refuse(args.response, 400, args.error.message);
          return false;
        }
        return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
      },
    });
    const endpoint = options.endpoints;
    const inner = this.requestListener;
    this.requestListener = (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'POST' || path !== endpoint) return inner(req, res);
      const problem = this.headerProblem(req, limits);
      if (problem) {
        log.warn({ reason: problem.reason }, `slack: request refused before its body (${problem.status})`);
        return refuse(res, problem.status, problem.reason, problem.status === 503 ? { 'retry-after': '1' } : {});
      }
      this.pending++;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.pending--;
      };
      req.once('end', release);
      req.once('close', release);
      inner(req, res);
    };
  }

  private headerProblem(req: IncomingMessage, limits: SlackHttpLimits): { status: number; reason: string } | null {
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return { status: 401, reason: 'missing or malformed x-slack-signature' };
    if (typeof timestamp !== 'string' || !TIMESTAMP.test(timestamp)) return { status: 401, reason: 'missing or malformed x-slack-request-timestamp' };
    const skew = Math.abs(Date.now() / 1000 - Number(timestamp));
    if (skew > limits.maxClockSkewSeconds) return { status: 401, reason: 'request timestamp is more than 5 minutes from now' };
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > limits.maxBodyBytes) return { status: 413, reason: `body of ${length} bytes is over the ${limits.maxBodyBytes}-byte limit` };
    if (this.pending >= limits.maxPendingBodies) return { status: 503, reason: 'too many requests being read at once' };
    return null;
  }

  override init(app: App): void {
    // Bolt fails on some bodies with a TypeError (500): such bodies are refused with 400 first
    const guarded = Object.create(app) as App;
    guarded.processEvent = async (event) => {
      const reason = malformedBody(event.body);
      if (reason) throw new MalformedSlackRequest(reason);
      return app.processEvent(event);
    };
    super.init(guarded);
  }
}

// Who is asking and where, as every command receives it.
import type { Surface } from './help.ts';
import type { Reply } from './reply.ts';

/** Who is asking and where: a DM, a thread and a console session are each one conversation. */
export interface CallContext {
  surface: Surface;
  conversationId: string;
  userId: string;
  timezone?: string;
  /** The channel a digest subscription belongs to (`console:local`, `slack:C123`, `discord:456`); default `${surface}:${conversationId}`. */
  channelKey?: string;
  /** The platform says this user may manage the channel (Discord Manage Channels/Server, Slack admin/owner). The console defaults to true. */
  canManageDigest?: boolean;
  /** The Slack team or Discord guild of the call (DM_WORKSPACE in a Discord DM), stored with a subscription and scoping `digest list`. */
  workspaceId?: string;
  /** The workspace of a stored channel whose record predates `workspace` (Slack: the token's one team; Discord: a cached channel's guild). */
  workspaceOf?: (channelKey: string) => string | undefined;
  /** The adapter's id for this request, carried into the logs; made up when absent. */
  requestId?: string;
  /** Where the reply can be edited: hears verified partial answers while a model streams (see GenerativeAnswerer). */
  onPartial?: (reply: Reply) => void;
}

/** The workspace of a Discord DM: no server, so `digest list` lists nothing there. */
export const DM_WORKSPACE = 'dm';

/** The key of a user's rate bucket and data index: one per surface and user. */
export const userKeyOf = (ctx: Pick<CallContext, 'surface' | 'userId'>) => `${ctx.surface}:${ctx.userId}`;

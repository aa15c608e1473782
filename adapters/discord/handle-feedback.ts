import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { apologize, type DiscordContext } from './discord-context.ts';
import { parseFeedbackCustomId, type FeedbackVote } from './render-discord.ts';

/** One vote on one answer: who, which answer, which way; never the message text. */
export interface FeedbackRecord {
  surface: 'discord';
  /** The answer's reference: the id of the interaction or message it answered. */
  answer: string;
  messageId: string | null;
  channelId: string | null;
  userId: string;
  vote: FeedbackVote;
  at: string;
}

/** A helpful / not helpful click under an answer: the vote kept through the Bot (under the user's key, for `forget`). */
export async function handleFeedback(s: DiscordContext, interaction: ButtonInteraction): Promise<void> {
  const parsed = parseFeedbackCustomId(interaction.customId);
  if (!parsed) return;
  const record: FeedbackRecord = {
    surface: 'discord',
    answer: parsed.ref,
    messageId: interaction.message?.id ?? null,
    channelId: interaction.channelId ?? null,
    userId: interaction.user.id,
    vote: parsed.vote,
    at: new Date().toISOString(),
  };
  try {
    // One vote per person per answer: voting again replaces the vote.
    await s.bot.recordFeedback({ surface: 'discord', userId: interaction.user.id }, parsed.ref, record);
    s.log.info({ interactionId: interaction.id, ...record }, 'answer feedback');
    await interaction.reply({
      content: parsed.vote === 'helpful' ? 'Thanks, noted as helpful.' : 'Thanks, noted as not helpful.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
  } catch (err) {
    await apologize(s, interaction, err, 'feedback', { interactionId: interaction.id });
  }
}

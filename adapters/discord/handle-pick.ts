import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { resolveChoiceValue } from './article-choices.ts';
import { apologize, interactionConversation, type DiscordContext } from './discord-context.ts';
import { parsePickCustomId, renderDiscord } from './render-discord.ts';

/** A click on one of the other articles a summary request matched: that article's summary, shown as `/summary` shows it. */
export async function handlePick(s: DiscordContext, interaction: ButtonInteraction): Promise<void> {
  const value = parsePickCustomId(interaction.customId) ?? '';
  try {
    const id = await resolveChoiceValue(value, (key) => s.bot.articleIdForKey(key));
    const reply = await s.bot.handle({ name: 'summary', target: id }, { surface: 'discord', conversationId: interactionConversation(interaction), userId: interaction.user.id });
    const [first, ...rest] = renderDiscord(reply);
    await interaction.reply({ ...first!, ...(reply.kind === 'error' ? { flags: MessageFlags.Ephemeral } : {}) });
    for (const m of rest) await interaction.followUp(m);
    s.log.info({ interactionId: interaction.id, reply: reply.kind }, 'discord article picked');
  } catch (err) {
    await apologize(s, interaction, err, 'pick', { interactionId: interaction.id });
  }
}

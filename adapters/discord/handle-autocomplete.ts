import type { AutocompleteInteraction } from 'discord.js';
import { MAX_CHOICES, toChoices } from './article-choices.ts';
import type { DiscordContext } from './discord-context.ts';
import { daysChoices, timeChoices, timezoneChoices } from './schedule-choices.ts';

/** Choices while an option is typed: article titles for `/summary`, times, days and zones for `/digest subscribe`. */
export async function handleAutocomplete(s: DiscordContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  // the engine matches (in its thread): 25 listings cross, not the corpus
  const typed = String(focused.value);
  let choices: { name: string; value: string }[] = [];
  if (interaction.commandName === 'summary' && focused.name === 'article') choices = toChoices(await s.bot.matchTitles(typed, MAX_CHOICES));
  else if (interaction.commandName === 'digest' && focused.name === 'timezone') choices = timezoneChoices(typed, s.config.DEFAULT_TIMEZONE);
  else if (interaction.commandName === 'digest' && focused.name === 'time') choices = timeChoices(typed);
  else if (interaction.commandName === 'digest' && focused.name === 'days') choices = daysChoices(typed);
  await interaction.respond(choices);
}

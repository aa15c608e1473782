import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../src/bot/command.ts';

/** Where the commands can be used: servers and the bot's DMs (installed to a server). */
const WHERE = {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} as const;

/**
 * The slash commands, as the JSON body of `PUT /applications/{app}/commands` (or the guild
 * variant). Names and options are pinned by the interface page; extend, do not rename.
 */
export const DISCORD_COMMANDS: RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  {
    name: 'ask',
    type: ApplicationCommandType.ChatInput,
    description: 'Ask the news corpus a question; the answer comes with a supporting quote and its source',
    contexts: [...WHERE.contexts],
    integration_types: [...WHERE.integration_types],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'Your question, e.g. who captured the palace in Aleppo?',
        required: true,
        max_length: MAX_QUESTION_CHARS,
      },
    ],
  },
  {
    name: 'brief',
    type: ApplicationCommandType.ChatInput,
    description: 'The top stories, optionally on a topic and since a date',
    contexts: [...WHERE.contexts],
    integration_types: [...WHERE.integration_types],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'topic',
        description: 'Only stories about these words',
        required: false,
        max_length: 200,
      },
      {
        type: ApplicationCommandOptionType.String,
        name: 'since',
        description: 'A date or words: 2024-11-30, yesterday, 3 days ago, monday',
        required: false,
        max_length: 100,
      },
    ],
  },
  {
    name: 'summary',
    type: ApplicationCommandType.ChatInput,
    description: 'A short summary of one article',
    contexts: [...WHERE.contexts],
    integration_types: [...WHERE.integration_types],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'article',
        description: 'Start typing a title; or give the article id or words from its title',
        required: true,
        autocomplete: true,
        max_length: 200,
      },
    ],
  },
  {
    name: 'sources',
    type: ApplicationCommandType.ChatInput,
    description: 'List articles: the most recent, or those matching words',
    contexts: [...WHERE.contexts],
    integration_types: [...WHERE.integration_types],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'query',
        description: 'Words to match',
        required: false,
        max_length: 200,
      },
    ],
  },
  {
    name: 'digest',
    type: ApplicationCommandType.ChatInput,
    description: 'The digest of new stories',
    contexts: [...WHERE.contexts],
    integration_types: [...WHERE.integration_types],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'now',
        description: 'Preview the digest: the stories new since the last delivery (else the last 24 hours)',
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'subscribe',
        description: 'A digest in this channel on a schedule (needs Manage Channels or Manage Server)',
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'time',
            description: 'Time of day: 08:30 (24-hour clock), or 9am, 9.30pm',
            required: true,
            autocomplete: true,
            max_length: 16,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'timezone',
            description: "IANA timezone: start typing a city, e.g. london → Europe/London (default: the bot's default)",
            required: false,
            autocomplete: true,
            max_length: 64,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'days',
            description: 'daily (default), weekdays, weekends, or day names such as mon,wed,fri',
            required: false,
            autocomplete: true,
            max_length: 64,
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'topic',
            description: 'Only stories about these words',
            required: false,
            max_length: 200,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'unsubscribe',
        description: "Stop this channel's scheduled digest (needs Manage Channels or Manage Server)",
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'status',
        description: "This channel's digest: schedule, next run, last delivery, paused or missed digests",
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'list',
        description: "Every digest subscription of this server (needs Manage Channels or Manage Server)",
      },
    ],
  },
  {
    name: 'help',
    type: ApplicationCommandType.ChatInput,
    description: 'What the briefing bot can do',
    contexts: [...WHERE.contexts],
    integration_types: [...WHERE.integration_types],
  },
  {
    name: 'forget',
    type: ApplicationCommandType.ChatInput,
    description: 'Delete what the bot holds about you: conversation context, feedback votes, rate counter',
    contexts: [...WHERE.contexts],
    integration_types: [...WHERE.integration_types],
  },
];

/** The command names, for routing and for tests. */
export const DISCORD_COMMAND_NAMES = DISCORD_COMMANDS.map((c) => c.name);

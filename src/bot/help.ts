import { DAYS_HELP } from '../schedule/subscription.ts';
import type { HelpEntry, Reply } from './reply.ts';

export type Surface = 'console' | 'slack' | 'discord';

const ENTRIES: Record<Surface, HelpEntry[]> = {
  console: [
    { usage: '/ask QUESTION (or just type the question)', description: 'answer with a supporting quote and its source' },
    { usage: '/brief [topic words] [since:WHEN]', description: 'the top stories, optionally on a topic and since a date' },
    { usage: '/summary ID_OR_TITLE_WORDS', description: 'a short summary of one article' },
    { usage: '/sources [words]', description: 'list articles (the most recent, or those matching words)' },
    { usage: '/digest now', description: 'preview the digest: stories new since the last delivery (else the last 24 hours)' },
    { usage: '/digest subscribe time:HH:MM [timezone:IANA] [days:daily|weekdays|weekends|mon,wed,fri] [topic:words…]', description: `a digest here on a schedule; time:08:30 (9am works too), timezone:Europe/London (or london), days: ${DAYS_HELP}` },
    { usage: '/digest status', description: 'the schedule, next run, last delivery, paused or missed digests' },
    { usage: '/digest unsubscribe', description: 'stop the scheduled digest' },
    { usage: '/digest list', description: 'every digest subscription in this data directory: channel, time, zone, days, topic, last delivery, paused' },
    { usage: '/forget', description: 'delete what the bot holds about you (conversation context, feedback, rate counter)' },
    { usage: '/help', description: 'this list' },
    { usage: 'or just talk to it', description: 'in words: "brief me on oil since monday", "oil prices", "catch me up", "tl;dr the article about Yukos", "summarize the second one" (or just "2"), "what\'s in my digest", "how recent is your news"; the reply shows how it was read and the command for next time' },
  ],
  slack: [
    { usage: '/brief ask QUESTION', description: 'answer with a supporting quote and its source (or DM me, or @mention me)' },
    { usage: '/brief [topic words] [since:WHEN]', description: 'the top stories, optionally on a topic and since a date' },
    { usage: '/brief summary ID_OR_TITLE_WORDS', description: 'a short summary of one article' },
    { usage: '/brief sources [words]', description: 'list articles' },
    { usage: '/brief digest now', description: 'preview the digest' },
    { usage: '/brief digest subscribe time:HH:MM [timezone:IANA] [days:daily|weekdays|weekends|mon,wed,fri] [topic:words…]', description: `a digest in this channel on a schedule (your timezone by default; admins, owners or whoever set it up); days: ${DAYS_HELP}` },
    { usage: '/brief digest status', description: 'the schedule, next run, last delivery, paused or missed digests' },
    { usage: '/brief digest unsubscribe', description: 'stop the scheduled digest' },
    { usage: '/brief digest list', description: "every digest subscription of this workspace (workspace admins and owners)" },
    { usage: '/brief forget', description: 'delete what the bot holds about you (conversation context, feedback, rate counter)' },
    { usage: '/brief help', description: 'this list' },
    { usage: 'DM me or @mention me in words', description: '"brief me on oil since monday", "oil prices", "catch me up", "tl;dr the article about Yukos", "summarize the second one" (or just "2"), "what\'s in my digest", "how recent is your news" (also after /brief); the reply shows how it was read and the command for next time' },
  ],
  discord: [
    { usage: '/ask question:', description: 'answer with a supporting quote and its source (or DM me, or @mention me)' },
    { usage: '/brief topic:? since:?', description: 'the top stories, optionally on a topic and since a date' },
    { usage: '/summary article:', description: 'a short summary of one article' },
    { usage: '/sources query:?', description: 'list articles' },
    { usage: '/digest now', description: 'preview the digest' },
    { usage: '/digest subscribe time: timezone:? days:? topic:?', description: `a digest in this channel on a schedule (needs Manage Channels or Manage Server); time: 08:30 or 9am, days: ${DAYS_HELP}` },
    { usage: '/digest status', description: 'the schedule, next run, last delivery, paused or missed digests' },
    { usage: '/digest unsubscribe', description: 'stop the scheduled digest (needs Manage Channels or Manage Server)' },
    { usage: '/digest list', description: 'every digest subscription of this server (needs Manage Channels or Manage Server)' },
    { usage: '/forget', description: 'delete what the bot holds about you (conversation context, feedback, rate counter)' },
    { usage: '/help', description: 'this list' },
    { usage: 'DM me or @mention me in words', description: '"brief me on oil since monday", "oil prices", "catch me up", "tl;dr the article about Yukos", "summarize the second one" (or just "2"), "what\'s in my digest", "how recent is your news"; the reply shows how it was read and the command for next time' },
  ],
};

export function helpReply(surface: Surface): Reply {
  return { kind: 'help', title: 'Briefing bot: ask the news corpus', entries: ENTRIES[surface] };
}

// Requests in words: what a free-text message asks for, read offline by a fixed grammar (docs/requests-in-words.md).
import type { ConversationTurn } from '../engine/engine.ts';
import type { Command } from './command.ts';
import { cleanInput, MAX_QUESTION_CHARS, splitSince } from './command.ts';
import type { Surface } from './help.ts';
import { resolveSinceWords, sinceLabelOf, weekdayName } from './request-window.ts';
import { normalizeWords } from './request-words.ts';
import { readScheduleWords, type ScheduleWords } from './schedule-words.ts';

export type RequestIntent = 'ask' | 'brief' | 'summary' | 'sources' | 'digest' | 'help' | 'forget';

/** What a message was understood to ask for, with the line that says so and the command for next time. */
export interface UnderstoodRequest {
  intent: RequestIntent;
  /** brief / sources: the topic words; summary: the article's id or title words. */
  topic?: string;
  /** brief: the start of the time window, and the words it was read from ("monday", "3 days ago"). */
  since?: Date;
  sinceWords?: string;
  /** A short label for the window ("Mon", "yesterday"). */
  sinceLabel?: string;
  /** brief: "catch me up" without a topic or window: since the last brief here (else 24 hours). */
  catchUp?: boolean;
  /** summary: sentences asked for. */
  sentences?: number;
  /** summary / sources: the story of the last brief referred to, from 1. */
  ref?: number;
  /** summary / sources with `ref`: that story's article id, when the last brief is known and has it. */
  refId?: string;
  /** `ref` counts in the last article listing asked for in words, not a brief. */
  refListed?: true;
  /** help: a digest schedule asked for in words ("subscribe me to a daily digest at 9am", "stop the digest"). */
  schedule?: ScheduleWords;
  /** summary / sources: "summarize it", "tell me more", "source?": the article the last answer here cited. */
  lastCited?: true;
  /** help: thanks or "never mind" (a one-line acknowledgement), "that's wrong" (how to put it another way), or "start over" (the follow-up context is dropped). */
  ack?: 'ack' | 'reset' | 'missed';
  /** help: a question about the corpus (how recent, how many articles, which sources) or about the bot itself: a short notice. */
  about?: 'corpus' | 'bot' | 'data';
  /** ask: the question as typed, bot mention removed (spelling it out changed no answer on the dev set). */
  question?: string;
  /** One line saying how the message was read, e.g. "Briefing on *oil prices* since Mon". */
  understood: string;
  /** The command that does the same next time, as typed on the surface. */
  command: string;
}

export interface UnderstandOptions {
  now?: Date;
  /** IANA zone the caller's words ("monday", "yesterday") are read in; default UTC. */
  timeZone?: string;
  /** Article ids of the last brief's stories in this conversation (first source of each), in order. */
  lastBrief?: readonly string[];
  /** When the last brief in this conversation was given: "catch me up" starts there. */
  lastBriefAt?: Date;
  /** `lastBrief` is an article listing asked for in words ("articles about X"), not a brief. */
  lastIsListing?: boolean;
  /** The one article the last answer in this conversation cited: what "summarize it" means. */
  lastCitedId?: string;
  /** The surface the command for next time is written for; default console. */
  surface?: Surface;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// the grammar's pieces (all over normalized words: lower case, chat spellings fixed, no emoji)

/** A leading interjection and bot mention: "<@U123>", "<@!123>", "@briefbot", "yo @BriefBot,". */
const LEADING_MENTION = /^(?:(?:yo|hey|hi|hello|oi|ok|okay)[,!]?\s+)?(?:<@!?[A-Za-z0-9]+(?:\|[^>]*)?>|@[\w.-]+)[,:;]?\s*/;
const FILLER_START = /^(?:(?:ok|okay|so|um+|hmm+|hey|hi|yo|hello|hiya|morning|good morning|evening|good evening|afternoon|good afternoon|gm|right|and|also|now|then|quick q|quick question|can you|could you|would you|will you|pls can you|can i get|could i get|i'd like|i want|i need|i wanna|let me see|let me have|just)\b[\s,:-]*)+/;
const FILLER_END = /(?:[\s,]+(?:thanks|thank you|ty|cheers|for me|mate|bot|briefbot|again|real quick|quickly|now|lol|asap))+$/;

const QUESTION_START = /^(?:who|whom|whose|what|which|when|where|why|how|whos|whats|whens|wheres|whys|hows|is|are|was|were|did|does|do|can|could|will|would|should|has|have|had)\b/;
const TOPIC_PREP = '(?:on|about|re|regarding|with|for|around|concerning|in|of|from|at)';

const HELP = /^(?:help(?: me)?|halp|hlep|\?+|commands?|command list|menu|usage|info|start|get started|what can you do|(?:show|tell) me what you can do|(?:give me |show me |any )?(?:some )?examples?(?: please| pls)?|what do you do|what does (?:the|this) bot do|what else can you do|what else can i (?:do|ask|say)|what can i (?:ask|say|do)(?: you| here)?|what (?:can|should) i ask(?: you)?|what are (?:the|your) commands|what commands (?:are there|do you (?:have|know|take))|(?:which|what) commands|(?:list|show)(?: me)?(?: the| your| all)? commands|what can (?:this|the) bot do|how does (?:this|it|this bot|the bot) work|how do i use (?:this|you|it)|how to use(?: this| you)?|hi|hello|hey|hiya|yo|howdy|hola|gm|good (?:morning|afternoon|evening)|morning|evening|you there|are you there|ping|sup|wassup|whats up|whatsup)$/;
/** "how does the digest work", "how do i summarize an article": how to use one of the bot's own features. */
const HOW_TO = /^(?:how (?:does|do) (?:the |a |your |this )?(?:digests?|summar(?:y|ies)|sources?|briefs?|briefings?|subscriptions?|forget|bot|commands?) work|how (?:do|can|should|would) (?:i|we) (?:use|get|see|ask for|set up|setup|turn on|turn off|subscribe|unsubscribe|summarize|brief|list|talk to|stop|cancel|read)(?: (?:me|to|a|an|the|my|your|for|of|with|from|up))* (?:digests?|summar(?:y|ies)|sources?|briefs?|briefings?|commands?|subscriptions?|articles?|you|this|it|the bot|this bot|links?)(?: (?:every|each|on|at|in|for|about|of|daily|weekly)\b.*)?|how (?:do|can) i (?:subscribe|unsubscribe|get a digest|ask (?:you )?(?:a )?questions?|use (?:you|this|it)))$/;
/** Thanks, "ok", "never mind": acknowledged in a line, not answered with the command list or as a question. */
const ACK = /^(?:thanks|thank you|thank u|thanks a lot|many thanks|ty|ta|cheers|ok|okay|k|kk|cool|nice|great|perfect|awesome|got it|understood|noted|never ?mind(?: that| it)?|nvm|forget it|cancel|stop|no thanks|no thank you|nope|nothing|nothing else|thats all|that is all|thats it|thats enough|not now|no worries|no problem|np|all good|sounds good|fine|bye|goodbye|see you|see ya|later|(?:awesome|great|cool|ok|okay|perfect|nice|brilliant|lovely) (?:thanks|thank you|ty|cheers|one)|(?:good|great|nice|bad|stupid|dumb|useless) (?:bot|job|one|answer)|you(?:re| are) (?:great|good|useless|stupid|dumb|wrong|the best)|(?:ha)+|(?:he)+|lol+|lmao|rofl|wow|omg|damn|ugh|oops|hm+|ah+|oh+|interesting|really|true|fair|fair enough|makes sense|i see|same|sorry|my bad|yes|yeah|yep|yup|sure|no|nah|ok so|so|right|alright|all right|(?:haha|lol|ok|oh) (?:nice|ok|cool|wow|thanks|right|great))$/;
/** A line of acknowledgement words only ("ahh ok", "kk thanks", "ok cool thanks"). */
const ACK_WORDS = /^(?:(?:ok|okay|k|kk|ah+|oh+|hm+|right|alright|cool|nice|great|thanks|thank you|ty|cheers|got it|i see|sure|fine|perfect|awesome|lol|haha|yeah|yep|mate|sounds good|good)(?: |$))+$/;
/** "that's wrong", "not what i wanted": the last reply missed; a line saying how to put it another way. */
const MISSED = /^(?:(?:hmm+|no|nope|ugh|nah|well|but)\s+)*(?:(?:thats|that is|this is|its|it is|that was|this was) (?:wrong|not right|incorrect|not it|useless|rubbish|not helpful|unhelpful|the wrong (?:one|article|story|answer)|not what i (?:wanted|asked for|asked|meant|was looking for))|not what i (?:wanted|asked for|asked|meant|was looking for)|wrong|useless|rubbish|incorrect|unhelpful|not helpful|wrong (?:answer|one|article|story)|you(?:re| are) wrong|that doesnt help|didnt help|thats not it)$/;
/** Emoji alone that say "thanks" or "ok" or laugh (👍, 🙏, 😂): acknowledged; others (🤔🔥) stay a question. */
const ACK_EMOJI = /^(?:[\u{1F44D}\u{1F44C}\u{1F64F}\u{2705}\u{2714}\u{2764}\u{1F44F}\u{1F64C}\u{1F4AF}\u{1F602}\u{1F923}\u{1F600}-\u{1F606}\u{1F60A}\u{1F642}\u{1F60D}\u{1F970}\u{1F44B}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}]|:(?:\+1|thumbsup|ok_hand|pray|heart|clap|joy|smile|white_check_mark|wave|raised_hands|100):|\s)+$/u;

/** Questions about the corpus itself: how recent, how many articles, which sources, live or not, the web. */
const ABOUT_CORPUS = [
  /^how (?:recent|current|old|new|fresh|up to date|uptodate|updated|live) (?:is|are) (?:your|the|this|these|ur) (?:news|articles?|data|info|information|stories|sources?|corpus|database|feeds?|content|stuff)$/,
  /^(?:are|is) (?:these|this|the|your) (?:real|actual|genuine|live|current|recent) (?:news|articles|stories|news articles|news stories)$/,
  /^(?:whats|what is|what are) (?:your|ur) (?:sources?|feeds?) (?:for|of) (?:news|articles|stories|information|info)$/,
  /^what do you know$/,
  /^how (?:up to date|current|recent|live) (?:are you|is this|is it|is this bot)$/,
  /^(?:when|how often) (?:was|is|were|are|do|does|did) (?:your|the|this|ur) (?:news|data|articles?|corpus|database|feeds?|info|stories|content) (?:last )?(?:updated|refreshed|update|refresh|come in)$/,
  /^(?:what|which) (?:news )?(?:sources?|papers|newspapers|outlets|sites|websites|feeds|publications|channels) (?:do|did) you (?:use|read|have|cover|follow|get (?:news|stories|articles) from|pull from)$/,
  /^when (?:did|were|was|do|does) (?:you|it|this|this bot) (?:last )?(?:get )?(?:updated?|refreshed?)$/,
  /^what (?:year|date|month|period|time|era) (?:is|are) (?:your|the|ur) (?:news|articles|data|stories|corpus) from$/,
  /^(?:what|which) (?:are|is) (?:your|ur) (?:news )?(?:sources?|feeds)$|^(?:your|ur) sources$/,
  /^where (?:do|does|did) (?:you|your news|your articles|the news|this bot) (?:get|find|read|come from|source)(?: (?:your|its|the) (?:news|articles|stories|info|information|data))?(?: from)?$/,
  /^how many (?:news )?(?:articles|stories|sources|news items|items|documents) (?:do you have|have you got|are there|do you know|can you see|do you hold)$/,
  /^(?:is (?:it|this|your news|the news|this bot|this)|are you|are (?:these|the) (?:news|articles|stories)) (?:live|real time|realtime|current|up to date)(?: news)?$/,
  /^(?:what|which) (?:time period|period|dates|years|time range|time frame|timeframe|range of dates) (?:do you|does it|does this|do the articles) (?:cover|span|go back to)$|^how far back (?:do you|does it|does this|do your articles) go$/,
  /^(?:whats|what is|which is) (?:the|your) (?:newest|latest|most recent|oldest|last) (?:article|story|news item)(?: you have| you got)?$/,
  /^(?:do|have) you (?:have|got) (?:any )?(?:news|articles|stories) (?:from|for) (?:today|this week|yesterday|this year|this month)$/,
  // "are your articles from 2005", "where does your data come from" (not "what do your sources say about oil")
  /^(?:are|is|were|was|where (?:does|do|did)|how (?:old|recent|current|new|fresh|big|large|many) (?:is|are)|when (?:is|are|was|were|does|do|did)) (?:your|ur|the bots|this bots) (?:news|articles|data|sources|corpus|database|stories|information|knowledge|feeds)\b(?!.*\b(?:about|on|say|said|says|mention|mentions|regarding)\b)/,
  /^(?:what|which) (?:news|topics|subjects|areas|sections|categories|kinds? of news|sort of news|countries) (?:do|can) you (?:cover|know about|have|do|follow|report on)$/,
  /^(?:do|can) you (?:know|have|cover) (?:about |anything (?:about |on )?)?(?:things|news|events|stuff|anything|what happened|articles|stories) (?:after|before|from|since|in) (?:\d{4}|today|this year|last year)$/,
  /^(?:can|do) you (?:search|browse|google|read|access|check|go on|use) (?:the )?(?:web|internet|online|net|live news|twitter|google)$|^(?:are you|is this) (?:online|connected to the internet)$/,
];
/** What the bot keeps about the user: a notice naming it and `forget`. */
const ABOUT_DATA = /^(?:(?:what|which) (?:data |info |information |stuff |things )?(?:do|did|will|can) you (?:store|keep|hold|save|remember|know|log|record|track) (?:about|on|of|from) (?:me|us)|(?:do|did|will) you (?:store|keep|save|log|record|remember|track) (?:my|our|what i|what we|me|us|anything)(?: .*)?|how (?:do|can) i (?:make you forget|get you to forget|delete|erase|remove|wipe) (?:me|my data|my history|what i said|everything)|(?:is|are) my (?:data|messages|questions|chats?) (?:stored|kept|saved|logged|private|safe))$/;
/** Questions about the bot itself and chit-chat it can only answer with what it is. */
const ABOUT_BOT = /^(?:what are you|who are you|what is this|whats this|what is this bot|whats this bot|what is this thing|whats this thing|who (?:made|built|created|wrote|owns) (?:you|this|this bot)|are you (?:a |an )?(?:bot|robot|human|person|real|ai|chatgpt|gpt|llm|smart|clever|intelligent|sentient)|do you use (?:ai|an llm|chatgpt|gpt|machine learning)|whats your name|what is your name|how are you|how r you|how are you doing|hows it going|how is it going|hows (?:your|ur) (?:day|morning|evening|week|weekend)|(?:whats|what is) (?:your|ur) (?:purpose|job|point|function|deal)|what (?:are|were) you (?:made|built|designed) for|what are you for|what is this about|whats this about|what is this bot about|whats this bot about|(?:are you|youre|you are) (?:a |an )?(?:bot|robot|human|person|real|ai|machine)(?: right| then)?|tell me a joke|(?:tell|say) something funny|do you like me|i love you)$/;
/** "start over", "new topic": the next question is read on its own (the follow-up context goes). */
const RESET = /^(?:reset|start over|start again|start fresh|fresh start|new topic|new question|change (?:of )?topic|clear (?:the )?context|lets start over|lets start again)$/;
const FORGET_VERB = /\b(?:forget|delete|erase|wipe|remove|clear|purge|stop tracking|stop storing|stop remembering)\b/;
const FORGET_OBJECT = /\b(?:me|everything|it all|all of it|all that|(?:my|our|this|the) (?:data|history|info|information|conversations?|chats?|messages|stuff|details|context)|what (?:i|we) (?:said|asked|talked about))\b|^(?:forget|clear|wipe|erase|delete) all$/;
const DIGEST = /^(?:(?:whats|what is|whats) in |(?:show|send|give|get)(?: me)? |preview |see |view |check |open |read )?(?:my |the |today's |our |this channel's |a )?(?:daily |weekly |news |next )?digest(?: now| preview| today| please)?$|^(?:preview|show|check|peek at)(?: me)? (?:my |the |our )?(?:daily |weekly )?digest\b/;

/** A reference to a story of the last brief, the whole of what is left: "2", "#3", "the second one", "story 1". */
const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, '6th': 6, '7th': 7, '8th': 8, '9th': 9, '10th': 10, top: 1,
};
const REF = /^(?:the\s+)?(?:(?:story|item|article|headline|link|number|result|#|no\.?(?=\s*\d))\s*)?#?\s*(\d{1,2}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th|one|two|three|four|five|six|seven|eight|nine|ten|top)(?:\s+(?:one|story|item|article|headline|link|result))?$/;

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, few: 3, couple: 2, 'a few': 3, 'a couple of': 2, 'couple of': 2 };
const COUNT = '(\\d{1,3}|a few|a couple of|couple of|few|one|two|three|four|five|six|seven|eight|nine|ten)';

function countOf(word: string | undefined): number {
  if (!word) return 1;
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word] ?? 1);
}

/** Reads a story reference; null when the words are not one. */
export function readRef(words: string): number | null {
  const m = REF.exec(words.trim());
  if (!m) return null;
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : ORDINALS[m[1]!];
  return n && n >= 1 && n <= 50 ? n : null;
}

const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?';

/** Windows in words, first match wins: each regex and the `since:` words it stands for. */
const WINDOW_RULES: [RegExp, (m: RegExpExecArray) => string | null][] = [
  [new RegExp(`\\b(?:since|from|after)\\s+(?:last\\s+)?(${WEEKDAY})\\b`), (m) => weekdayName(m[1]!.slice(0, 3))],
  [new RegExp(`\\b(?:since|from)\\s+${COUNT}\\s+(hour|day|week|month)s?\\s+ago\\b`), (m) => `${countOf(m[1])} ${m[2]}s ago`],
  [/\b(?:since|from)\s+(\d{4}-\d{2}-\d{2})\b/, (m) => m[1]!],
  [/\b(?:since|from)\s+(?:yesterday|last night)\b/, () => 'yesterday'],
  [/\b(?:since|from)\s+(?:this morning|today|midnight)\b/, () => 'today'],
  [/\b(?:since|from)\s+(?:the start of )?(?:this|the) week\b/, () => 'this week'],
  [/\b(?:since|from|over|in|during)?\s*(?:the\s+)?(?:last|past|previous)\s+(week|month|day|24 hours)\b/, (m) => ({ week: '7 days ago', month: '30 days ago', day: '24 hours ago', '24 hours': '24 hours ago' })[m[1]!] ?? null],
  [new RegExp(`\\b(?:since|from|over|in|during|for|within)?\\s*(?:the\\s+)?(?:last|past|previous)\\s+${COUNT}\\s+(hour|day|week|month)s?\\b`), (m) => `${countOf(m[1])} ${m[2]}s ago`],
  [/\b(?:so far )?this (?:week|past week)\b|\bthe past week\b|\bof the week\b/, (m) => (m[0].includes('past') ? '7 days ago' : 'this week')],
  [/\b(?:today's|today|tonight|this morning)\b/, () => 'today'],
  [/\b(?:yesterday's|yesterday|last night)\b/, () => 'yesterday'],
  [new RegExp(`\\b(?:on\\s+)?(?:last\\s+)?(${WEEKDAY})\\b$`), (m) => weekdayName(m[1]!.slice(0, 3))],
];

/** A time window said in words, found anywhere, and the words left around it. */
export function takeWindow(words: string): { rest: string; spec: string } | null {
  for (const [re, spec] of WINDOW_RULES) {
    const m = re.exec(words);
    if (!m) continue;
    const s = spec(m);
    if (!s) continue;
    const rest = (words.slice(0, m.index) + ' ' + words.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
    return { rest, spec: s };
  }
  return null;
}

/** Topic words with the words around them that carry no topic ("the", "stuff", "news") removed. */
function cleanTopic(words: string): string {
  let t = words.trim();
  for (let i = 0; i < 3; i++) {
    t = t
      .replace(/^(?:the|a|an|some|any|all|our|that|this|these|those|of|me|us)\s+/, '')
      .replace(/\s+(?:stuff|things|thing|situation|news|story|stories|articles?|lately|recently|at the moment|right now|so far|going on|happening|pieces?|reports?|updates?|please)$/, '')
      .replace(/^(?:on|about|re|regarding|with|for|around)\s+/, '')
      .trim();
  }
  t = t.replace(/[?!.,;:]+$/, '').trim();
  // "what's happening in the world", "brief me on something interesting": no topic at all
  return NO_TOPIC.test(t) ? '' : t;
}

/** Topic words that name no topic: the whole news. */
const NO_TOPIC = /^(?:world|the world|everything|anything|something|something (?:new|interesting|good|else)|anything (?:new|interesting|good|else)|general|in general|news|the news|current affairs|current events|the day|the week|day|week)$/;

/** The article words of a summary request, with "the article about" and "…story" removed. */
function cleanTarget(words: string): string {
  let t = words.trim();
  for (let i = 0; i < 3; i++) {
    t = t
      .replace(/^(?:the|a|an|this|that|of|on|for|about|re)\s+/, '')
      .replace(/^(?:article|story|piece|report|item|post|news|one|bit|thing|link)s?\s+(?:about|on|re|regarding|of|from|covering|where|that|with|abt)\s+/, '')
      .replace(/\s+(?:article|story|piece|report|one|thing|item|news|bit|post|link)s?$/, '')
      .trim();
  }
  return t;
}

const SENTENCES = new RegExp(`\\s*\\b(?:in|using|with|to)?\\s*${COUNT}\\s+(?:short\\s+)?(?:sentences?|lines?|bullets?|bullet points?)\\b`);

// ---------------------------------------------------------------------------------------------
// the rules, in order: the first that reads the message wins; none → a question

type Draft = Omit<UnderstoodRequest, 'understood' | 'command'>;

const SUMMARY_HEAD = /^(?:give me |get me |send me |do |make )?(?:a |an |the )?(?:quick |short |brief |tiny )?(?:summary|summarize|summarized|tldr|tldr of|sum up|sum-up|short version|gist|synopsis|abstract|recap|précis|condense|shorten)(?:\s+(?:of|on|for|about|re))?\s+(.+)$/;
const SUMMARY_MORE_VERB = '(?:more details|more info|more information|more|details|detail|info|read me|read|open|expand on|expand|whats|what is|what was)';
const SUMMARY_MORE = new RegExp(`^(?:(?:tell me|give me|i want|show me|get me|send me)(?: ${SUMMARY_MORE_VERB})?|${SUMMARY_MORE_VERB})\\s+(?:(?:on|about|of|for|re)\\s+)?(.+?)(?:\\s+about)?$`);

/** What stands for the article just cited: "it", "that", "this article" (cleaned to "article"). */
const LAST_CITED = /^(?:it|this|that|this one|that one|article|story|piece|report|one|source|the source)$/;
/** "tell me more", "more", "go on": more of the article the last answer cited. */
const MORE_OF_LAST = /^(?:summarize|summary|tldr|gist|the gist|recap|sum up|sum it up|sum that up|short version|give me the gist|give me a summary|a summary|tell me more|more|more please|more info|more details|more detail|go on|details|expand|elaborate|(?:tell me |give me |show me |i want )?more(?: info| information| details?)? (?:on|about|of) (?:that|this|it|that one|this one|that story|that article|this story|this article)|expand on (?:that|this|it)|read more|full story|the full story|whole story|the whole story)$/;

/** Cardinal words alone ("one", "top") are too common to be a reference without a noun or an ordinal. */
const BARE_CARDINAL = /^(?:the )?(?:one|two|three|four|five|six|seven|eight|nine|ten|top)$/;
/** "first one summarised", "#2 tldr": a reference with the summary word after it. */
const REF_THEN_SUMMARY = /^(.+?)\s+(?:summarized|summary|tldr|summed up|in short|in brief|details|more)$/;

/** A summary's target that is the whole news, not an article: "the news", "today's headlines", "the day", "everything". */
const WHOLE_NEWS = /^(?:all (?:of )?)?(?:(?:the|today's|todays|today|yesterday's|yesterdays|yesterday|this week's|this weeks|the day's|the days|the week's|the weeks|latest|top|recent|current|main|big)\s+)*(?:news|headlines|top stories|stories|everything|day|week|latest)$|^(?:today|todays|today's|tonight|yesterday|this morning|this week|last night)$/;

function readSummary(t: string): Draft | null {
  if (MORE_OF_LAST.test(t)) return { intent: 'summary', lastCited: true };
  // a reference alone after a brief ("2", "the 2nd one", "and the third"): that story's summary
  const counted = SENTENCES.exec(t);
  const plain = counted ? (t.slice(0, counted.index) + t.slice(counted.index + counted[0].length)).trim() : t;
  const bare = BARE_CARDINAL.test(plain) ? null : readRef(plain);
  if (bare !== null) return { intent: 'summary', ref: bare, ...(counted ? { sentences: Math.max(1, Math.min(20, countOf(counted[1]))) } : {}) };
  // "what about the 2nd", "how about #3" after a brief: that story
  const about = /^(?:what|how) about (.+)$/.exec(plain);
  const aboutRef = about && !BARE_CARDINAL.test(about[1]!) ? readRef(about[1]!) : null;
  if (aboutRef !== null) return { intent: 'summary', ref: aboutRef };
  const tail = REF_THEN_SUMMARY.exec(t);
  const tailRef = tail ? readRef(tail[1]!) : null;
  if (tailRef !== null) return { intent: 'summary', ref: tailRef };
  if (/^(?:that|this) (?:one|article|story|piece)$/.test(t)) return { intent: 'summary', lastCited: true };
  // "the one about fiat" after a list: that article's summary
  const picked = /^(?:the )?(?:one|article|story|piece|link) (?:about|on|re|regarding|with|where|covering)\s+(.+)$/.exec(t);
  if (picked) {
    const topic = cleanTarget(picked[1]!);
    if (topic) return { intent: 'summary', topic };
  }
  let m = SUMMARY_HEAD.exec(t);
  let refOnly = false;
  if (!m) {
    m = SUMMARY_MORE.exec(t);
    refOnly = true;
  }
  if (!m) return null;
  let target = m[1]!;
  let sentences: number | undefined;
  const s = SENTENCES.exec(target);
  if (s) {
    sentences = Math.max(1, Math.min(20, countOf(s[1])));
    target = (target.slice(0, s.index) + target.slice(s.index + s[0].length)).trim();
  }
  const ref = readRef(target) ?? readRef(cleanTarget(target));
  if (ref !== null) return { intent: 'summary', ref, ...(sentences ? { sentences } : {}) };
  if (refOnly) return null;
  // "summarize the news", "recap today's headlines": no one article but the whole news, so the top stories
  if (WHOLE_NEWS.test(target.trim())) {
    const window = takeWindow(target);
    return { intent: 'brief', ...(window ? { sinceWords: window.spec } : {}) };
  }
  const topic = cleanTarget(target);
  if (LAST_CITED.test(topic) || LAST_CITED.test(target.trim())) return { intent: 'summary', lastCited: true, ...(sentences ? { sentences } : {}) };
  if (!topic) return null;
  return { intent: 'summary', topic, ...(sentences ? { sentences } : {}) };
}

const SOURCE_NOUN = '(?:articles?|links?|sources?|source links|stories|pieces|reports|coverage|reading|urls?)';
const SOURCE_PREP = '(?:about|on|mentioning|that mention|re|regarding|for|4|to|covering|with|of|from|behind)';
const SOURCES_LIST = new RegExp(`^(?:(?:show|give|send|find|list|get|pull up|fetch|share)(?: me| us)?\\s+|(?:have you )?got\\s+|do you have\\s+|you have\\s+|are there\\s+|is there\\s+|any\\s+)?(?:(?:any|some|all|the|a few|a list of|list of|more|other)\\s+)*${SOURCE_NOUN}(?:\\s+${SOURCE_PREP}\\s+(.+))?$`);
const SOURCES_HELD = /^(?:whats|what|which)(?: articles| stories| sources)? (?:do|have|did) you (?:have|got|hold)(?: on| about| re| regarding| for)\s+(.+)$/;
const SOURCES_ORIGIN = /^where (?:did|does|do|is|was) (.+?) (?:come from|from)$/;
/** "which articles mention kenteris", "where can i read more about the a380". */
const SOURCES_ASKED = /^(?:(?:which|what) (?:articles|stories|sources|pieces|reports|links) (?:mention|cover|talk about|are about|discuss|say anything about|feature|have)|where (?:can|could|do|should) i (?:read|find|get|see) (?:more |the full story |the articles? )?(?:about|on|re|regarding))\s+(.+)$/;

/** "source?", "where did you get that": the article the last answer cited (else the latest articles). */
const SOURCE_OF_LAST = /^(?:sources?|links?|urls?|(?:whats|what is|what was) (?:your|the|ur) (?:source|link)|where did you (?:get|find|read) (?:that|this)|where (?:is|was) (?:that|this) from|wheres (?:that|this) from|where does (?:that|this) come from|(?:which|what) article (?:is|was) (?:that|this)(?: from)?|(?:which|what) article|says who|according to (?:who|whom)|(?:(?:whats|what is|what was|wheres|where is|give me|show me|send me|got a|got the) )?(?:the |your |ur |a )?(?:source|link|url|article)s? (?:for|of|to|on) (?:that|this|it|that answer|this answer|that one|this one|that article|that story))$/;

/** "list", "list all", "show everything" on their own: the articles the bot holds, as /sources lists them. */
const LIST_ALONE = /^(?:list|list (?:all|everything|it all)|show (?:all|everything)|full list|the list)$/;

function readSources(t: string): Draft | null {
  if (SOURCE_OF_LAST.test(t)) return { intent: 'sources', lastCited: true };
  if (LIST_ALONE.test(t)) return { intent: 'sources', topic: '' };
  // the command typed without its slash, "sources aleppo" (not a sentence: "sources close to the talks say …")
  const m = SOURCES_LIST.exec(t) ?? SOURCES_HELD.exec(t) ?? SOURCES_ASKED.exec(t) ?? ((c) => (c && !SENTENCE_WORD.test(c[1]!) ? c : null))(/^sources\s+(.+)$/.exec(t));
  if (m) {
    const words = m[1] ?? '';
    const ref = words ? (readRef(words) ?? readRef(cleanTarget(words))) : null;
    if (ref !== null) return { intent: 'sources', ref };
    return { intent: 'sources', topic: cleanTopic(words) };
  }
  const o = SOURCES_ORIGIN.exec(t);
  const ref = o ? (readRef(o[1]!) ?? readRef(cleanTarget(o[1]!))) : null;
  return ref !== null ? { intent: 'sources', ref } : null;
}

const PREP_TOPIC = `(?:\\s+${TOPIC_PREP}\\s+(.+))?`;
// catch-up phrasings: with no topic and no window they mean "since my last brief"
const CATCH_UP = [
  new RegExp(`^(?:catch|fill|get|bring) me (?:up|in)(?: to speed)?${PREP_TOPIC}$`),
  new RegExp(`^(?:tell me |let me know |show me |give me )?(?:what did i miss|what have i missed|whats new|what is new|whats up|anything new|anything interesting|any news|anything (?:i should|i need to|worth) know(?:ing)?|whats been happening|whats happening|what is happening|whats going on|what is going on|whats trending|what is trending|whats been going on|whats the big news|(?:whats|what is|whats been|what has been|what was) (?:in|on|making) the (?:news|headlines)|(?:tell|show|give) me something(?: new| interesting| good)?)${PREP_TOPIC}$`),
  new RegExp(`^(?:any|anything|got any|got anything|(?:have )?you got any(?:thing)?|is there any(?:thing)?|have you got any(?:thing)?)\\s+(?:new|news|updates?|latest|fresh|happening|interesting|important|big|headlines|stories|word|gossip)(?:\\s+(?:news|updates?|stories|happening))?${PREP_TOPIC}$`),
  new RegExp(`^(?:update me|keep me posted|news update|update|updates|latest news|the latest|latest)${PREP_TOPIC}$`),
];
const BRIEF_VERBS = [
  // "brief me yukos", "briefing on blair": the brief verb takes a topic with or without a preposition
  /^(?:give me |get me |send me |do |i want )?(?:a |an |the |my )?(?:quick |short |daily |morning )?(?:brief|briefing|breif|debrief)(?: me| us)?(?:\s+(?:on|about|re|regarding|with|for|around|of|concerning))?(?:\s+(.+))?$/,
  new RegExp(`^(?:give me |send me |get me |show me |tell me )?(?:a |an |the |my )?(?:quick |short )?(?:rundown|run down|lowdown|low down|roundup|round-up|round up|overview|update|headlines|top headlines|top stories|top news|main stories|big stories|biggest stories|news|latest news|latest headlines|latest|recent news|recent stories|recent headlines|news stories|top \\d{1,2}(?: stories| headlines| news)?)${PREP_TOPIC}$`),
  // "what are the headlines", "what are today's top stories"
  new RegExp(`^(?:what are|whats|what re|what were|which are) (?:the |todays |the days )?(?:top |main |big |biggest |latest |key )?(?:headlines|stories|news stories)${PREP_TOPIC}$`),
  new RegExp(`^(?:whats|what is|whats the|what is the) (?:latest|latest news|news|word|buzz|scoop|sp|gossip|goss|story|situation|deal|update|state of play|(?:big|main|top|biggest) (?:story|stories|news))${PREP_TOPIC}$`),
  // "which stories do you have", "what articles have you got on oil", "what do you cover": the stories held
  new RegExp(`^(?:(?:what|which) (?:stories|articles|news|news stories|headlines|topics|subjects) (?:do you have|have you got|you got|do you know about|do you cover|can i ask about|are there|are in there|have you)|what do you (?:have|cover)|what have you got)${PREP_TOPIC}$`),
  // "tell me about yukos", "anything on oil?", "what do you know about the palace": a brief on the topic
  /^(?:tell me(?: more)?|tell us(?: more)?|talk to me|what do you know|what can you tell me|(?:do you have|have you got|got|you got|you have) (?:anything|something|news|stories)|anything|something|info|information|background)\s+(?:about|on|re|regarding|concerning)\s+(.+)$/,
];

function readBrief(t: string): Draft | null {
  const window = takeWindow(t);
  if (!window) return readBriefWords(t, null);
  // "anything i should know about today": the preposition the window leaves behind goes with it ("what's going on" keeps its own)
  const bare = window.rest.replace(/\s+(?:about|on|from|for|of|in|since|during|over)$/, '');
  return readBriefWords(window.rest, window) ?? (bare !== window.rest ? readBriefWords(bare, window) : null);
}

function readBriefWords(w: string, window: { rest: string; spec: string } | null): Draft | null {
  const withWindow = (d: Draft): Draft => (window ? { ...d, sinceWords: window.spec } : d);
  const topicOf = (words: string | undefined) => cleanTopic(words ?? '');
  for (const re of CATCH_UP) {
    const m = re.exec(w);
    if (!m) continue;
    const topic = topicOf(m[1]);
    if (!topic && !window) return { intent: 'brief', catchUp: true };
    return withWindow({ intent: 'brief', ...(topic ? { topic } : {}) });
  }
  for (const re of BRIEF_VERBS) {
    const m = re.exec(w);
    if (m) return withWindow({ intent: 'brief', ...(topicOf(m[1]) ? { topic: topicOf(m[1]) } : {}) });
  }
  // "what happened with BP this week" is a brief; "what happened to Capriati" alone is a question
  const happened = /^(?:whats|what|what has|what have|whats been|what is) (?:been )?happen(?:ed|ing|s)? (?:with|to|in|at|on|around|re|regarding|for)\s+(.+)$/.exec(w);
  if (happened && (window || /happening/.test(w))) {
    const topic = topicOf(happened[1]);
    if (topic) return withWindow({ intent: 'brief', topic });
  }
  // "what's happened since friday": a window alone makes it a brief ("what happened?" alone stays a question)
  if (window && /^(?:whats|what|what has|what have) (?:been )?happened$/.test(w)) return withWindow({ intent: 'brief' });
  // "chelsea news since sat", "six nations injury news"
  const trailing = /^(.+?)\s+(?:news|headlines|updates|latest|stories|roundup|round-up)$/.exec(w);
  if (trailing && !QUESTION_START.test(trailing[1]!)) {
    // ("show me the latest tech news": the asking words go, "tech" is the topic)
    const asked = trailing[1]!.replace(/^(?:(?:show|give|get|send|tell|bring) (?:me|us) |i want |i'd like |any |some )?(?:the |some |any )?(?:(?:latest|recent|top|main|big|breaking)(?: |$))*/, '');
    const topic = topicOf(asked);
    if (topic && topic.split(' ').length <= 6) return withWindow({ intent: 'brief', topic });
    // ("breaking news", "give me the latest headlines": no topic left, the top stories)
    if (!asked.trim()) return withWindow({ intent: 'brief' });
  }
  // only a window ("since monday", "yesterday's"): the top stories of that window
  if (window && !window.rest) return withWindow({ intent: 'brief' });
  return null;
}

/**
 * Sources asked for with a time window ("stories about spam from last week"): a listing takes
 * no window, so it is the brief on those words in that window.
 */
function readSourcesInWindow(t: string): Draft | null {
  const d = readSources(t);
  if (!d || d.lastCited || d.ref !== undefined) return d;
  const window = takeWindow(t);
  const inner = window && window.rest ? readSources(window.rest) : null;
  if (!window || !inner || inner.ref !== undefined || inner.lastCited) return d;
  return { intent: 'brief', ...(inner.topic ? { topic: inner.topic } : {}), sinceWords: window.spec };
}

/** A brief whose topic is a story reference ("tell me about the 4th one") is that story's summary. */
function refBriefAsSummary(d: Draft | null): Draft | null {
  if (d?.intent !== 'brief' || !d.topic) return d;
  const ref = BARE_CARDINAL.test(d.topic) ? null : readRef(d.topic);
  return ref === null ? d : { intent: 'summary', ref };
}

/** Words that make a message a sentence rather than a keyword query: pronouns, verbs "to be/do/have", modals, question words. */
const SENTENCE_WORD = /\b(?:i|im|ive|id|you|youre|me|my|mine|we|us|our|he|she|they|them|it|its|is|are|was|were|be|been|being|am|isnt|arent|wasnt|do|does|did|dont|doesnt|didnt|can|cant|could|will|wont|would|should|shall|may|might|must|have|has|had|not|to|why|how|who|what|when|where|which|whats|whos|hows|wheres|whens|whys|if|than|because|there|here|that|this|these|those)\b/;
/** First words that make it an instruction, a follow-up or an answer ("explain pensions", "in the uk", "yes chelsea"). */
const NOT_KEYWORD_FIRST = /^(?:explain|define|describe|compare|tell|show|give|find|get|list|name|say|check|search|look|send|post|make|help|stop|start|read|open|calculate|translate|write|go|try|see|thank|and|but|or|so|also|then|in|on|at|for|with|from|about|by|of|into|yes|no|any|some|just|only|more|less|very|too|please|ok|okay)\b/;
/** A value asked for in keywords ("mac mini price", "price of oil"): a singular value noun stays a question. */
// a role ends a keyword question too: "italy coach" asks who coaches Italy
const VALUE_NOUN = '(?:price|cost|score|result|winner|date|age|salary|value|total|population|rate|figure|amount|size|height|address|time|meaning|definition|coach|captain|manager|boss|chief|ceo|chairman|chairwoman|president|leader|owner|founder|head|minister|secretary|spokesman|spokeswoman|director|editor|chancellor|governor|mayor|champion|killer|buyer)';
const VALUE_ASKED = new RegExp(`\\b${VALUE_NOUN}$|^(?:the )?${VALUE_NOUN} (?:of|for|in)\\b`);
const KEYWORDS_MAX = 4;

/** Whether a typed token can be a word or a name (not "asdkjh", "zzxv", "qqqq"). */
function looksLikeWord(w: string): boolean {
  if (/(.)\1\1/.test(w) || /[bcdfghjklmnpqrstvwxz]{5}/.test(w)) return false;
  return w.length <= 3 || /[aeiouy0-9]/.test(w);
}

/**
 * A keyword query ("oil prices", "chelsea", "sony psp"): up to four words that read as a
 * name or noun phrase, not a sentence, a question or gibberish: a brief on them.
 */
function readKeywords(typed: string, asked: boolean): Draft | null {
  const window = takeWindow(typed);
  const t = window ? window.rest : typed;
  if (asked || !/^[a-z0-9][a-z0-9'&.$£€%-]*(?: [a-z0-9'&.$£€%-]+)*$/.test(t) || !/[a-z]{2}/.test(t)) return null;
  const words = t.split(' ');
  if (words.length > KEYWORDS_MAX || SENTENCE_WORD.test(t) || NOT_KEYWORD_FIRST.test(t) || VALUE_ASKED.test(t) || QUESTION_START.test(t)) return null;
  if (!words.every((w) => looksLikeWord(w.replace(/[^a-z0-9]/g, '')))) return null;
  const topic = cleanTopic(t);
  return topic ? { intent: 'brief', topic, ...(window ? { sinceWords: window.spec } : {}) } : null;
}

function readWords(t: string, asked = false): Draft | null {
  if (HELP.test(t) || HOW_TO.test(t)) return { intent: 'help' };
  if (ACK.test(t) || ACK_WORDS.test(t)) return { intent: 'help', ack: 'ack' };
  if (MISSED.test(t)) return { intent: 'help', ack: 'missed' };
  if (ABOUT_DATA.test(t)) return { intent: 'help', about: 'data' };
  if (RESET.test(t)) return { intent: 'help', ack: 'reset' };
  if (ABOUT_CORPUS.some((re) => re.test(t))) return { intent: 'help', about: 'corpus' };
  if (ABOUT_BOT.test(t)) return { intent: 'help', about: 'bot' };
  if (FORGET_VERB.test(t) && FORGET_OBJECT.test(t) && !QUESTION_START.test(t)) return { intent: 'forget' };
  const schedule = readScheduleWords(t);
  if (schedule) return { intent: 'help', schedule };
  if (DIGEST.test(t)) return { intent: 'digest' };
  return readSummary(t) ?? readSourcesInWindow(t) ?? refBriefAsSummary(readBrief(t)) ?? readKeywords(t, asked);
}

// ---------------------------------------------------------------------------------------------
// the understood line and the command for next time

function commandText(surface: Surface, d: Draft, question: string): string {
  const slack = surface === 'slack';
  const discord = surface === 'discord';
  switch (d.intent) {
    case 'brief': {
      const parts = discord
        ? [d.topic ? `topic:${d.topic}` : '', d.sinceWords ? `since:${d.sinceWords}` : '']
        : [d.topic ?? '', d.sinceWords ? `since:${d.sinceWords}` : ''];
      return ['/brief', ...parts].filter(Boolean).join(' ');
    }
    case 'summary': {
      const target = d.refId ?? d.topic ?? (d.lastCited ? 'ARTICLE' : '');
      return discord ? `/summary article:${target}` : `${slack ? '/brief summary' : '/summary'} ${target}`.trim();
    }
    case 'sources': {
      const words = d.refId ?? d.topic ?? '';
      return discord ? `/sources${words ? ` query:${words}` : ''}` : `${slack ? '/brief sources' : '/sources'} ${words}`.trim();
    }
    case 'digest':
      return slack ? '/brief digest now' : '/digest now';
    case 'help':
      if (d.schedule) return `${slack ? '/brief digest' : '/digest'} ${d.schedule.action}${d.schedule.action === 'subscribe' ? ` ${d.schedule.args || 'time:09:00'}` : ''}`.trim();
      return slack ? '/brief help' : '/help';
    case 'forget':
      return slack ? '/brief forget' : '/forget';
    case 'ask':
      return discord ? `/ask question:${question}` : `${slack ? '/brief ask' : '/ask'} ${question}`;
  }
}

function understoodText(d: Draft): string {
  const window = d.sinceLabel ? ` since ${d.sinceLabel}` : '';
  const story = d.ref !== undefined ? (d.refListed ? `article ${d.ref} of the last list` : `story ${d.ref} of your last brief`) : '';
  switch (d.intent) {
    case 'brief':
      if (d.catchUp) return `Catching up: top stories since ${d.sinceLabel ?? 'the last 24 hours'}`;
      return d.topic ? `Briefing on *${d.topic}*${window}` : `Top stories${window}`;
    case 'summary':
      return `Summary of ${story || (d.lastCited ? 'the article just cited' : `*${d.topic ?? ''}*`)}${d.sentences ? ` in ${d.sentences} sentence${d.sentences === 1 ? '' : 's'}` : ''}`;
    case 'sources':
      if (d.lastCited) return d.refId ? 'The source of the last answer' : 'The most recent articles';
      return story ? `Sources of ${story}` : d.topic ? `Articles about *${d.topic}*` : 'The most recent articles';
    case 'digest':
      return 'Digest preview';
    case 'help':
      if (d.ack) return { reset: 'Starting over', ack: 'OK', missed: 'Not what you wanted' }[d.ack];
      if (d.about) return { corpus: 'About the news I hold', bot: 'About me', data: 'What I keep about you' }[d.about];
      if (d.schedule) return { subscribe: 'Digest on a schedule', unsubscribe: 'Stop the scheduled digest', status: 'Digest status', list: 'Digest subscriptions' }[d.schedule.action];
      return 'Help';
    case 'forget':
      return 'Forget what the bot holds about you';
    case 'ask':
      return 'Question';
  }
}

/** Drops a Slack/Discord escape like "<@U1>" or "@briefbot" and greetings in front of it. */
export function stripMention(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 2; i++) t = t.replace(LEADING_MENTION, '').trim();
  return t;
}

/**
 * Reads a free-text message as a request: brief, summary, sources, digest preview, help,
 * forget, or (anything else, and whatever is ambiguous) a question. Pure and offline.
 */
export function understandRequest(text: string, options: UnderstandOptions = {}): UnderstoodRequest {
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? 'UTC';
  const surface = options.surface ?? 'console';
  const question = stripMention(cleanInput(text));
  // a paste is not a request; the ask command explains the length limit
  let draft: Draft | null = null;
  if (question.length <= MAX_QUESTION_CHARS) {
    const words = normalizeWords(question);
    const t = words.replace(FILLER_START, '').replace(FILLER_END, '').trim();
    // "?" alone is asking what to do; its words are empty once punctuation goes
    if (!question || HELP.test(words) || /^\?+$/.test(question)) draft = { intent: 'help' };
    else if (ACK.test(words) || (!words && ACK_EMOJI.test(question))) draft = { intent: 'help', ack: 'ack' };
    // before the fillers go: "are you a bot" ends in a filler, "can you search the web" starts with one
    else if (ABOUT_CORPUS.some((re) => re.test(words))) draft = { intent: 'help', about: 'corpus' };
    else if (ABOUT_BOT.test(words)) draft = { intent: 'help', about: 'bot' };
    else if (t) draft = readWords(t, /\?\s*$/.test(question));
  }
  if (!draft) draft = { intent: 'ask', question };

  if (draft.intent === 'brief') {
    if (draft.catchUp) {
      const since = options.lastBriefAt ?? new Date(now.getTime() - DAY_MS);
      draft = { ...draft, since, sinceWords: options.lastBriefAt ? since.toISOString() : '24 hours ago', sinceLabel: options.lastBriefAt ? 'your last brief' : 'the last 24 hours' };
    } else if (draft.sinceWords) {
      const read = resolveSinceWords(draft.sinceWords, now, timeZone);
      // words that read as a window but not as a date stay in the command for the user to see
      draft = read.ok ? { ...draft, since: read.value, sinceLabel: sinceLabelOf(draft.sinceWords) } : draft;
    }
  }
  if (draft.ref !== undefined) {
    const id = options.lastBrief?.[draft.ref - 1];
    if (id !== undefined) draft = { ...draft, refId: id, ...(options.lastIsListing ? { refListed: true as const } : {}) };
  }
  if (draft.lastCited && options.lastCitedId) draft = { ...draft, refId: options.lastCitedId };
  return { ...draft, understood: understoodText(draft), command: commandText(surface, draft, question) };
}

/** Whether words read as a question: a question word first, or a question mark last. */
export function readsAsQuestion(text: string): boolean {
  return /\?\s*$/.test(text) || QUESTION_START.test(normalizeWords(text));
}

/**
 * Slack's `/brief TEXT` (after its sub-command words): a request in words is that request, a
 * question is a question, and anything else stays what `/brief` always meant, a topic
 * (with `since:WHEN` taken as written).
 */
export function understandBriefText(text: string, options: UnderstandOptions = {}): UnderstoodRequest {
  const request = understandRequest(text, { surface: 'slack', ...options });
  // "/brief fine": a word that is an acknowledgement in a DM is a topic after the command
  const acked = request.intent === 'help' && request.ack === 'ack' && /[a-z]{2}/i.test(text);
  const question = acked ? cleanInput(text) : (request.question ?? '');
  if ((request.intent !== 'ask' && !acked) || !question || question.length > MAX_QUESTION_CHARS || readsAsQuestion(question)) return request;
  const { topic, since } = splitSince(question);
  const spoken = since ? null : takeWindow(topic.toLowerCase());
  let draft: Draft = { intent: 'brief', topic: spoken ? cleanTopic(spoken.rest) : topic };
  const sinceWords = since ?? spoken?.spec;
  if (sinceWords) {
    const read = resolveSinceWords(sinceWords, options.now ?? new Date(), options.timeZone ?? 'UTC');
    draft = { ...draft, sinceWords, ...(read.ok ? { since: read.value, sinceLabel: sinceLabelOf(sinceWords) } : {}) };
  }
  if (!draft.topic) delete draft.topic;
  return { ...draft, understood: understoodText(draft), command: commandText(options.surface ?? 'slack', draft, question) };
}

/** The platform-neutral command a request dispatches to; a story reference without its id stays a reference for the caller. */
export function requestCommand(request: UnderstoodRequest): Command {
  switch (request.intent) {
    case 'brief':
      return { name: 'brief', topic: request.topic ?? '', since: request.sinceWords ?? null };
    case 'summary':
      return { name: 'summary', target: request.refId ?? request.topic ?? '', ...(request.sentences ? { sentences: request.sentences } : {}) };
    case 'sources':
      return { name: 'sources', query: request.refId ?? request.topic ?? '' };
    case 'digest':
      return { name: 'digest', action: 'now', args: '' };
    case 'help':
      return request.schedule ? { name: 'digest', action: request.schedule.action, args: request.schedule.args } : { name: 'help' };
    case 'forget':
      return { name: 'forget' };
    case 'ask':
      return { name: 'ask', question: request.question ?? '' };
  }
}

/**
 * The follow-up context a request leaves behind, so that "how much does it cost?" after a
 * brief on the PSP is read about the PSP: the topic (or, without one, the titles shown) as the
 * turn's words, and the articles shown as the ones to prefer.
 */
export function requestTurn(request: UnderstoodRequest, shown: readonly { id: string; title: string }[]): ConversationTurn | undefined {
  if (request.intent === 'ask' || request.intent === 'help' || request.intent === 'forget') return undefined;
  // the user's own words when there are some: titles pull spans from the headline (measured on the dev set)
  const words = request.topic || shown.slice(0, 3).map((a) => a.title).join(' ');
  if (!words) return undefined;
  return { question: words.slice(0, 400), expanded: words.slice(0, 400), articleIds: shown.map((a) => a.id) };
}

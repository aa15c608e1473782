// Questions about the present moment (the time, today's date, the weather now), about the asker
// ("what's my name") or for instructions ("how do I bake bread"): no news article answers them,
// however well a sentence matches their words.

const DAY_NAMES = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|a holiday';
const NOW = '(?:today|tonight|tonite|tomorrow|tmrw|tmr|now|right now|rn|at the moment|this (?:morning|afternoon|evening|week|weekend))';

const PRESENT = [
  // "what day is it", "what time is it now", "what year is it"
  /^what (?:day|date|time|year|month|day of the week)(?: is it| it is)(?: (?:today|now|right now|there|here))?$/,
  // "what's the date today", "what's the time", "what is today's date", "what day is today"
  new RegExp(`^(?:whats|what is|what s)(?: the)? (?:date|time|day)(?: (?:in|at) [a-z]+(?: [a-z]+)?)?(?: ${NOW})?$|^(?:whats|what is|what s) (?:todays|today s) (?:date|day)$|^what day is (?:today|tomorrow)$`),
  new RegExp(`^is (?:it|today|tomorrow) (?:${DAY_NAMES})$`),
  // "what's the weather like in London", "how is the weather today", "will it rain tomorrow"
  new RegExp(`^(?:whats|what is|what s|hows|how is|how s|what will)(?: the)? (?:weather|forecast|temperature)(?: going to be)?(?: like)?(?: outside| (?:in|at|for|outside) [a-z]+(?: [a-z]+)?)?(?: ${NOW})?(?: (?:in|at|for) [a-z]+(?: [a-z]+)?)?$`),
  new RegExp(`^(?:will|is) it (?:going to )?(?:rain|snow|be (?:sunny|hot|cold|warm|windy|wet|dry|nice))(?: (?:in|at) [a-z]+(?: [a-z]+)?)?(?: ${NOW})?$`),
  // about the asker: "what's my name", "how old am i", "where do i live"
  /^(?:whats|what is|what s) my (?:name|age|address|job|birthday|phone number|email)$|^(?:how old am i|who am i|where am i|where do i live|what do i do|what do i look like)$/,
  /^what should i (?:eat|have|cook|make|wear|watch)(?: for (?:dinner|lunch|breakfast|tea|supper))?(?: today| tonight)?$/,
  // a conversion of units: "how many minutes are in a day", "how many feet in a mile"
  /^how many [a-z]+ (?:are |is )?(?:there )?in (?:a|an|one|1) (?:second|minute|hour|day|week|fortnight|month|year|decade|century|millennium|foot|inch|yard|mile|metre|meter|kilometre|kilometer|kilo|kilogram|gram|pound|ounce|stone|gallon|litre|liter|pint|dozen|ton|tonne|byte|kilobyte|megabyte|gigabyte)$/,
  // instructions: "how do I bake bread", "how can you fix a flat tyre", "how to learn spanish" (not how a word is said)
  /^(?:how (?:do|can|should) (?:i|you|we)|how to) (?!pronounce|spell|say|write|call)[a-z]+\b/,
];

/** Whether a question asks about the present moment, the asker or how to do something rather than anything the news tells. */
export function asksOutsideNews(question: string): boolean {
  const q = question.toLowerCase().replace(/[’']/g, ' ').replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return PRESENT.some((re) => re.test(q));
}

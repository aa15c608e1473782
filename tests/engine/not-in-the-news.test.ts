import { describe, expect, it } from 'vitest';
import { ABSTAIN_BELOW, UNSURE_BELOW } from '../../src/engine/answer-question.ts';
import { Engine } from '../../src/engine/engine.ts';
import { capitalRuns, nameOnlyInOtherNames } from '../../src/engine/name-runs.ts';
import { asksOutsideNews } from '../../src/engine/not-news.ts';
import { plainArticle as article } from '../support/plain-article.ts';


const CORPUS = [
  article('quake.txt', 'Earthquake in Algeria', 'A strong earthquake struck northern Algeria on Friday. Among the worst hit areas was the Tiaret region, Agence France Presse reported. Rescuers worked through the night in the capital.'),
  article('festival.txt', 'Festival line-up', 'Green Day headline the festival this year. The band last played there in 2002, on a rainy day.'),
  article('storm.txt', 'Storm hits London', 'Cold weather and rain hit London on Monday. Forecasters said the weather would improve by Thursday.'),
  article('france.txt', 'France election', 'Voters in France chose a new parliament on Sunday. Turnout was 62%.'),
  article('tower.txt', 'Tallest tower opens', 'The new tower in Taipei is 508m tall. Ctenophora are comb jellies that live in the sea.'),
];

describe('questions about the present moment, the asker or how to do something', () => {
  it('recognises the time, the date, the weather now and questions about the asker', () => {
    for (const q of ['what day is it', 'What time is it now?', "what's the date today", 'what is todays date', 'is it friday', "what's the weather like in london today", 'whats the weather in london tmrw', 'will it rain tomorrow', "what's my name", 'how old am i', 'where do i live', 'what should i have for dinner', 'how do i bake bread', 'how can you fix a flat tyre', 'how to learn spanish', 'how many seconds are in an hour', 'how many feet in a mile']) {
      expect(asksOutsideNews(q), q).toBe(true);
    }
  });

  it('leaves questions about the news alone', () => {
    for (const q of ['whats the budget date', 'what is the date of the election', 'what time did the match start', 'how did the weather affect the harvest', 'who will win the next election', 'what day did the storm hit london', 'when is the weather expected to improve', 'how did the rebels take the palace', 'how do you pronounce Fresno', 'how does the new law work', 'how many players are in a team', 'how many jobs are in the plan']) {
      expect(asksOutsideNews(q), q).toBe(false);
    }
  });

  it('makes the engine say the corpus does not say, however well the words match', () => {
    const engine = new Engine(CORPUS);
    for (const q of ['what day is it', "what's the weather like in london", 'will it rain tomorrow']) {
      expect(engine.ask(q).answer.answer, q).toBeNull();
    }
    // the same words asked of the news are answered
    expect(engine.ask('what did forecasters say about the weather in london').answer.answer).not.toBeNull();
  });
});

describe('a question of one plain word', () => {
  const engine = new Engine(CORPUS);
  it('gets the closest passage, never a short answer, below the confidence a reply calls unsure', () => {
    const answer = engine.ask('how tall am i').answer;
    expect(answer.quote).toContain('508m tall');
    expect(answer.short).toBe(false);
    expect(answer.confidence).toBeLessThan(UNSURE_BELOW);
    expect(answer.confidence).toBeGreaterThanOrEqual(ABSTAIN_BELOW);
    expect(engine.ask('how tall is the tower in taipei').answer.confidence).toBeGreaterThanOrEqual(UNSURE_BELOW);
  });

  it('is not answered when many passages use the word: which one is meant cannot be told', () => {
    const towers = ['Taipei', 'Dubai', 'Shanghai', 'Chicago', 'Toronto'].map((city, i) =>
      article(`t${i}.txt`, `Tower in ${city}`, `The new tower in ${city} is ${400 + i * 20}m tall. It opened in spring.`),
    );
    expect(new Engine(towers).ask('how tall am i').answer.answer).toBeNull();
    expect(new Engine(towers).ask('how tall is the tower in dubai').answer.answer).not.toBeNull();
  });

  it('is answered when the word is a name or a term outside the English word list', () => {
    expect(engine.ask('What are ctenophora?').answer.answer).not.toBeNull();
    expect(engine.ask('Where is Taipei?').answer.answer).not.toBeNull();
  });
});

describe('a name asked that the text holds only inside another name', () => {
  it('reads runs of capitalised words, closed by possessives and full stops', () => {
    expect(capitalRuns("Agence France Presse reported from London's Leicester Square. Martin Luther. He went")).toEqual([
      ['Agence', 'France', 'Presse'],
      ['London'],
      ['Leicester', 'Square'],
      ['Martin', 'Luther'],
      ['He'],
    ]);
    expect(capitalRuns('The Foo Fighters played')).toEqual([['Foo', 'Fighters']]);
  });

  it('leaves out a hyphened word ending in a lower-case part, which describes the name ("Privately-held Falic Group")', () => {
    expect(capitalRuns('Privately-held Falic Group bought two brands. Paris-based LVMH refused.')).toEqual([['Falic', 'Group'], ['LVMH']]);
    expect(nameOnlyInOtherNames(['Falic'], 'when did falic buy hard candy', 'Privately-held Falic Group bought two brands, Hard Candy and Urban Decay, in early 2003.')).toBe(false);
    expect(capitalRuns('Guinea-Bissau voted')).toEqual([['Guinea-Bissau']]);
  });

  it('is another thing when the name sits inside a longer name whose other words the question does not use', () => {
    expect(nameOnlyInOtherNames(['France'], 'what is the capital of France', 'Agence France Presse reported.')).toBe(true);
    // standing alone somewhere, or as the head or start of a name, it is the thing asked
    expect(nameOnlyInOtherNames(['France'], 'France', 'Agence France Presse reported. France voted.')).toBe(false);
    expect(nameOnlyInOtherNames(['Bush'], 'Bush', 'George W Bush spoke.')).toBe(false);
    expect(nameOnlyInOtherNames(['Galileo'], 'Galileo', 'Galileo Galilei wrote.')).toBe(false);
    // the question names the longer thing's other words: the same thing
    expect(nameOnlyInOtherNames(['France'], 'Agence France Presse', 'Agence France Presse reported.')).toBe(false);
    expect(nameOnlyInOtherNames(['Japan'], 'Japan', 'Nothing here.')).toBe(false);
  });

  it('reads a plain English word capitalised only by truecasing as no name asked', () => {
    const engine = new Engine([
      article('film.txt', "Wine comedy wins critics' award", 'Quirky comedy Sideways was named the best film of the year by the Los Angeles Film Critics Association. It also won best director.'),
      article('other.txt', 'Film festival opens', 'The festival opened in Berlin with a German drama. Critics praised the lead actor.'),
    ]);
    expect(engine.ask("What about Wine comedy wins critics' award?").answer.sources[0]?.id).toBe('film.txt');
  });

  it('makes the engine abstain rather than quote the other thing', () => {
    const engine = new Engine(CORPUS);
    expect(engine.ask('What is the capital of France?').answer.answer).toBeNull();
    expect(engine.ask('Who reported on the Tiaret region?').answer.answer).not.toBeNull();
  });
});

describe("a quote that tells someone else's age", () => {
  it('does not answer how old the person asked about is', () => {
    const engine = new Engine([
      article('rugby.txt', 'Centre places', 'The 26-year-old will face stiff competition for the centre places from Brian Dalton and Gavin Henson. The squad meets on Monday.'),
      article('rugby2.txt', 'Call-up', 'Wing Tom Shanklin, 25, was called up on Friday. He joins the squad in Cardiff.'),
    ]);
    expect(engine.ask('how old is gavin henson').answer.answer).toBeNull();
    expect(engine.ask('how old is tom shanklin').answer.answer).not.toBeNull();
  });
});

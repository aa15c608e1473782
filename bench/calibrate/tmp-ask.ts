import { Engine } from '../../src/engine/engine.ts';
import { evalDirPath, evalFiles } from '../eval-data.ts';
import { loadNewsCorpus } from '../news-qa.ts';
const news = new Engine(await loadNewsCorpus(evalFiles(evalDirPath()).bbcSummaries));
for (const q of process.argv.slice(2)) {
  const d = (news as any).draftAnswer(q, '', []);
  console.log(q, '\n ', d?.confidence.toFixed(3), d?.entry.article.title, '|', d?.quote, '\n ', JSON.stringify(d?.features));
}

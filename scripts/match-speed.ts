/**
 * `npx tsx scripts/match-speed.ts [runs]`: how long the matcher takes over a million characters
 * of news text in Node — the paragraphs of `newsPage` (our labelled articles repeated), matched as
 * one page with `matchTexts`. Prints the median CPU time of the runs (after two warm-up runs).
 */
import { parseHTML } from 'linkedom';
import { loadLensIndex } from './lib/load-lens-index';
import { newsPage } from './lib/news-page';

const runs = Number(process.argv[2] ?? 12);
const { matcher } = loadLensIndex();
const { document } = parseHTML(newsPage(1_000_000).html);
const paragraphs = [...document.querySelectorAll('p')].map((p) => p.textContent ?? '');
const chars = paragraphs.reduce((sum, p) => sum + p.length, 0);
const times: number[] = [];
let mentions = 0;
for (let run = 0; run < runs + 2; run++) {
  // CPU time of this process: on a shared machine, wall time mostly measures the neighbours.
  const started = process.cpuUsage();
  mentions = matcher.matchTexts(paragraphs).flat().length;
  const used = process.cpuUsage(started);
  if (run >= 2) times.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] as number;
console.log(
  `${chars} characters, ${mentions} mentions: median ${median.toFixed(0)} ms over ${runs} runs (min ${(times[0] as number).toFixed(0)}, max ${(times[times.length - 1] as number).toFixed(0)})`,
);

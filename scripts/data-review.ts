/**
 * `npm run data:review [-- --json] [--before YYYY-MM-DD | --max-age-years N]`: what in the dataset
 * needs a second look, grouped, with file and entry. The cut-off defaults to two years before
 * today. `--json` prints one object: {cutoff, counts: {group: n}, findings: [...]}.
 */
import {
  REVIEW_GROUP_TITLE,
  REVIEW_GROUPS,
  type ReviewFinding,
  reviewDataset,
  yearsBefore,
} from '../utils/dataset/review-dataset';
import { formatProblem } from '../utils/dataset/validate-dataset';
import { parseCommandLine } from './lib/command-line';
import { loadDataset } from './lib/load-dataset';

const DEFAULT_MAX_AGE_YEARS = 2;

const USAGE = 'usage: npm run data:review -- [--json] [--before YYYY-MM-DD | --max-age-years N]';

const { values } = parseCommandLine(USAGE, {
  options: {
    json: { type: 'boolean', default: false },
    before: { type: 'string' },
    'max-age-years': { type: 'string' },
  },
});
const today = new Date().toISOString().slice(0, 10);
const years = Number(values['max-age-years'] ?? DEFAULT_MAX_AGE_YEARS);
if (values.before !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.before)) {
  console.error('--before takes a date: YYYY-MM-DD');
  process.exit(2);
}
if (!Number.isInteger(years) || years < 0) {
  console.error('--max-age-years takes a whole number of years');
  process.exit(2);
}
const cutoff = values.before ?? yearsBefore(today, years);

const { dataset, problems, files } = loadDataset();
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`${problems.length} problem(s) in the dataset; run npm run data:check first.`);
  process.exit(1);
}
const fileOf = (finding: ReviewFinding) =>
  (finding.kind === 'source' ? files.sources : files.entries).get(finding.entry) ?? '?';
const findings = reviewDataset(dataset, { cutoff }).map((finding) => ({ file: fileOf(finding), ...finding }));
const counts = Object.fromEntries(
  REVIEW_GROUPS.map((group) => [group, findings.filter((finding) => finding.group === group).length]),
);

if (values.json) {
  console.log(JSON.stringify({ cutoff, counts, findings }));
} else {
  for (const group of REVIEW_GROUPS) {
    const rows = findings.filter((finding) => finding.group === group);
    console.log(`\n## ${REVIEW_GROUP_TITLE[group]} (${rows.length})`);
    for (const row of rows)
      console.log(`${row.file}: ${[row.entry, row.field].filter(Boolean).join(' › ')}: ${row.message}`);
  }
  console.log(
    `\nCut-off ${cutoff}. ${findings.length} finding(s): ${REVIEW_GROUPS.map((g) => `${g} ${counts[g]}`).join(', ')}.`,
  );
}

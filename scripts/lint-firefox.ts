/**
 * `npm run lint:firefox`: Mozilla's addons-linter on the Firefox build, offline. Exit 1 on any
 * error, and on any warning not explained in docs/SECURITY.md (listed here with its reason).
 */
import { createInstance } from 'addons-linter';

const BUILD_DIR = process.argv[2] ?? '.output/firefox-mv2';

/** Warnings we keep, each explained in docs/SECURITY.md ("addons-linter"). */
const EXPLAINED: readonly { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(card\.js|chunks\/theme-[\w-]+\.js)$/,
    why: "Preact's renderer sets innerHTML only for dangerouslySetInnerHTML, which no component of ours uses",
  },
];

interface Message {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
}

const linter = createInstance({
  config: {
    _: [BUILD_DIR],
    logLevel: 'fatal',
    stack: false,
    pretty: false,
    warningsAsErrors: false,
    metadata: false,
    output: 'none',
    boring: true,
    selfHosted: false,
    shouldScanFile: () => true,
  },
  runAsBinary: false,
});
const { errors, warnings } = (await linter.run()) as { errors: Message[]; warnings: Message[] };
const unexplained = warnings.filter(
  (warning) => !EXPLAINED.some(({ code, file }) => code === warning.code && file.test(warning.file ?? '')),
);
for (const problem of [...errors, ...unexplained]) {
  console.error(`${problem.code} ${problem.file ?? ''}: ${problem.message}`);
}
const kept = warnings.length - unexplained.length;
if (errors.length > 0 || unexplained.length > 0) {
  console.error(`\naddons-linter: ${errors.length} errors, ${unexplained.length} unexplained warnings.`);
  process.exit(1);
}
console.log(`addons-linter: 0 errors; ${kept} warnings, each explained in docs/SECURITY.md.`);

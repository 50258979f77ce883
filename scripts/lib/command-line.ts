/**
 * The maintainer scripts' command lines: `parseArgs`, plus `--help` (prints the usage) and, for
 * an option it cannot read, one line saying which with the usage, instead of a stack trace.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

export function parseCommandLine<const T extends ParseArgsConfig>(usage: string, config: T) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs({ ...config, args });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exit(2);
  }
}

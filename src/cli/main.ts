// social-map command line: dispatches to the commands. Run through scripts/social-map.mjs.
import { VALIDATE_USAGE, runValidate } from './validate';

const USAGE = [
  'social-map <command> …',
  '',
  `  ${VALIDATE_USAGE.replace(/^usage: /, '')}`,
  '  social-map analyze <datapackage.json|folder> [--region <unit_id> | --all] [--lang sq|mk|en] [--out <dir>]',
  '',
].join('\n');

interface AnalyzeModule {
  runAnalyze: (argv: string[]) => Promise<number>;
}

const isAnalyzeModule = (m: unknown): m is AnalyzeModule =>
  typeof m === 'object' && m !== null && typeof (m as { runAnalyze?: unknown }).runAnalyze === 'function';

async function analyze(argv: string[]): Promise<number> {
  // Written by another part of the project; loaded only when asked for, and its absence is a
  // clear message rather than a crash.
  const spec = './analyze';
  let mod: unknown;
  try {
    mod = await import(/* @vite-ignore */ spec);
  } catch (e) {
    process.stderr.write(`social-map analyze is not available in this build (${e instanceof Error ? e.message : String(e)}).\n`);
    return 2;
  }
  if (!isAnalyzeModule(mod)) {
    process.stderr.write('social-map analyze is not available in this build (src/cli/analyze.ts has no runAnalyze).\n');
    return 2;
  }
  return mod.runAnalyze(argv);
}

/** Runs a command; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'validate') return runValidate(rest);
  if (command === 'analyze') return analyze(rest);
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(command ? `social-map: unknown command "${command}"\n${USAGE}` : USAGE);
  return 2;
}

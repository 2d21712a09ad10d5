import { run } from './run';

const code = await run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  // Only a terminal gets a redrawn line: a log file or a pipe would collect every frame of it.
  ...(process.stderr.isTTY ? { status: (text: string) => process.stderr.write(`\r\x1b[K${text}`) } : {}),
});
process.exitCode = code;

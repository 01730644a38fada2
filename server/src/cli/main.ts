// The `layerwise` command line: the same core as the editor, so CI enforces what the editor shows.
// Each subcommand lives in its own file under ./commands and is listed once in the table below.
import { version } from '../../../package.json';
import { cliCommands } from './commands';

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const command = cliCommands.find((candidate) => candidate.name === name);
  if (!command) {
    process.stderr.write(`layerwise: unknown command '${name}'. Run 'layerwise --help' for the list of commands.\n`);
    return 2;
  }
  return command.run(rest, { stdout: process.stdout, stderr: process.stderr });
}

function usage(): string {
  const width = Math.max(...cliCommands.map((command) => command.name.length));
  const lines = cliCommands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: layerwise <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'layerwise <command> --help' for a command's options.\n`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`layerwise: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 70;
  },
);

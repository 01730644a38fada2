// Every CLI subcommand, in the order `layerwise --help` lists them.
import type { CliCommand } from '../command';

export const cliCommands: readonly CliCommand[] = [];

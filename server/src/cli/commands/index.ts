// Every CLI subcommand, in the order `layerwise --help` lists them.
import type { CliCommand } from '../command';
import { configCommand } from './config';
import { layersCommand } from './layers';
import { lintCommand } from './lint';
import { parseCommand } from './parse';

export const cliCommands: readonly CliCommand[] = [lintCommand, layersCommand, parseCommand, configCommand];

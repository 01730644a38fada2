// Every CLI subcommand, in the order `layerwise --help` lists them.
import type { CliCommand } from '../command';
import { configCommand } from './config';
import { layersCommand } from './layers';
import { parseCommand } from './parse';

export const cliCommands: readonly CliCommand[] = [layersCommand, parseCommand, configCommand];

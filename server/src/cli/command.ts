// The shape of one `layerwise` subcommand. `run` returns the process exit code.
export interface CliIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}

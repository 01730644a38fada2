// Errors of layer analysis. Each message says what was read, what is wrong and what to do; the
// classes let the CLI pick an exit code and the editor tell a cancellation from a failure.

/** The archive cannot be analysed: truncated, corrupt, not an image archive, image missing. */
export class ImageArchiveError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImageArchiveError';
  }
}

/** The caller cancelled the analysis; nothing was cached. */
export class AnalysisCancelledError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisCancelledError';
  }
}

// Long operations run under one cancellable progress notification. The cancel button aborts an
// AbortSignal the engine operation listens to; progress is reported as a fraction (0..1) and
// turned into VS Code's relative increments here, so callers never track deltas.
import * as vscode from 'vscode';

export interface ProgressReporter {
  /** `fraction` in 0..1 when known; the message replaces the previous one. */
  report(message: string, fraction?: number): void;
}

export function withCancellableProgress<T>(title: string, work: (progress: ProgressReporter, signal: AbortSignal) => Promise<T>): Promise<T> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      let reportedPercent = 0;
      let lastMessage = '';
      let lastReportMs = 0;
      const reporter: ProgressReporter = {
        report(message, fraction) {
          const percent = fraction === undefined ? reportedPercent : Math.max(reportedPercent, Math.min(100, Math.floor(fraction * 100)));
          const now = Date.now();
          // Notifications re-render on each report: at most ~10 per second unless the figure moved.
          if (percent === reportedPercent && message === lastMessage) return;
          if (percent === reportedPercent && now - lastReportMs < 100) return;
          progress.report({ message, increment: percent - reportedPercent });
          reportedPercent = percent;
          lastMessage = message;
          lastReportMs = now;
        },
      };
      try {
        return await work(reporter, controller.signal);
      } finally {
        subscription.dispose();
      }
    }),
  );
}

/** True for the engine module's "cancelled" errors (the user pressed Cancel). */
export function isCancellation(error: unknown): boolean {
  return (error as { kind?: string } | undefined)?.kind === 'cancelled' || (error as { name?: string } | undefined)?.name === 'AbortError';
}

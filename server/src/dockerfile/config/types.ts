// The image configuration as `docker image inspect` shows it (`.Config`), field for field and in
// the engine's key order, so a prediction can be compared with the real thing as JSON.
import type { Instruction } from '../syntax/types';

export interface HealthcheckConfig {
  /** ["NONE"], ["CMD", exe, …] or ["CMD-SHELL", command]. */
  Test: string[];
  /** Nanoseconds; absent when not set. */
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

export interface ImageConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[] | null;
  Cmd: string[] | null;
  Healthcheck?: HealthcheckConfig;
  ArgsEscaped?: boolean;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  Shell?: string[];
}

/** Which instruction last set a field (for hover: "CMD comes from line 12"). */
export type ConfigSources = Partial<Record<keyof ImageConfig, Instruction>>;

export interface ConfigPrediction {
  readonly config: ImageConfig;
  /** The stage built. */
  readonly stageIndex: number;
  /** False when part of the configuration depends on something not known here (see `notes`). */
  readonly complete: boolean;
  /** What could not be predicted and why. */
  readonly notes: readonly string[];
  /** Build errors BuildKit would stop at while producing this configuration. */
  readonly errors: readonly ConfigError[];
  readonly sources: ConfigSources;
}

export interface ConfigError {
  readonly instruction: Instruction;
  readonly message: string;
}

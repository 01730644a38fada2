// Push and pull meet the same refusal: the registry wants a login. Both then ask for one (verified
// by the engine before it is stored) and try again, twice at most, so a wrong password can be
// corrected without starting over.
import { RegistryAuthError } from '../engine/operations/registry';
import type { RegistryCredentials } from '../engine/operations/credentials';

export interface RegistryAuth {
  /** Credentials for a registry: a Layerwise login, else what the docker CLI stored. */
  lookup(registry: string): Promise<RegistryCredentials | undefined>;
  /** Asks for a user name and password, verifies and stores them; undefined when the user declines. */
  promptLogin(registry: string, reason: string): Promise<RegistryCredentials | undefined>;
}

export interface LoginRetryOptions {
  /** Fail on "unauthorized" instead of asking (tests, scripted use). */
  readonly noPrompt?: boolean;
  /** Where the refusal is written before the question. */
  readonly log: (line: string) => void;
}

/** Runs `attempt` with the registry's credentials, asking for a login when refused; undefined when the user declines. */
export async function withRegistryLogin<T>(auth: RegistryAuth, registry: string, options: LoginRetryOptions, attempt: (credentials: RegistryCredentials | undefined) => Promise<T>): Promise<T | undefined> {
  let credentials = await auth.lookup(registry);
  for (let tries = 0; ; tries++) {
    try {
      return await attempt(credentials);
    } catch (error) {
      if (!(error instanceof RegistryAuthError) || options.noPrompt || tries >= 2) throw error;
      options.log(error.message);
      const again = await auth.promptLogin(registry, error.hadCredentials ? `${registry} refused the stored credentials: user name` : `${registry} needs a login: user name`);
      if (!again) return undefined;
      credentials = again;
    }
  }
}

/** Where credentials came from, for the operations log (never the credentials themselves). */
export function describeSource(credentials: RegistryCredentials): string {
  switch (credentials.source) {
    case 'layerwise-login':
      return 'your Layerwise login';
    case 'credential-helper':
      return `docker-credential-${credentials.helper}`;
    default:
      return '~/.docker/config.json';
  }
}

// Credentials of the test registries up.sh started (never printed by tests).
import { testState } from './state';

export interface RegistryCredentials {
  /** `127.0.0.1:5000`: what image references start with and what `serveraddress` is. */
  readonly serveraddress: string;
  readonly username: string;
  readonly password: string;
}

/** The registry that demands login (htpasswd, bcrypt). */
export function registryCredentials(): RegistryCredentials {
  const { registry } = testState();
  return { serveraddress: registry.address, username: registry.username, password: registry.password };
}

/** The registry without auth. */
export function openRegistryAddress(): string {
  return testState().openRegistry.address;
}

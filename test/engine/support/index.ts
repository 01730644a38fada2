// Shared helpers for engine-tier tests (test/engine/**/*.test.ts). See test/engine/README.md.
export { testState, stateDir, upScript, type TestState } from './state';
export { testEngine, testEndpoint, closeTestEngines, tlsFromDir, type TestEngineName } from './engine';
export { uniqueName, testLabels, TEST_LABEL, RUN_ID } from './names';
export { Cleanup, useCleanup, removeLabelled } from './cleanup';
export { registryCredentials, openRegistryAddress, type RegistryCredentials } from './registry';
export { docker, DOCKER_CLI, type CliOptions } from './cli';
export { waitFor } from '../../support/waitFor';

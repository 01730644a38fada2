export { buildLenses, BUILD_COMMAND, type BuildRequest } from './buildLenses';

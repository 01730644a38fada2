export { documentLinks, type DockerfileLinks, type LocalSource } from './documentLinks';
export { registryPage, type RegistryPage } from './registryPages';

// The web page of an image on its registry. Only registries whose page layout is known get a
// link; a reference to any other registry (a private one) gets none rather than a guess.
import type { ImageReference } from '../semantic/imageReference';

export interface RegistryPage {
  readonly url: string;
  /** The registry's name as users know it, for the tooltip. */
  readonly site: string;
}

export function registryPage(reference: ImageReference): RegistryPage | undefined {
  if (reference.error) return undefined;
  const registry = (reference.registry ?? 'docker.io').toLowerCase();
  const repository = reference.repository;
  const segments = repository.split('/');
  const tag = reference.tag;
  const digest = reference.digest;
  if (registry === 'docker.io' || registry === 'index.docker.io' || registry === 'registry-1.docker.io') {
    const official = segments.length === 1 || (segments.length === 2 && segments[0] === 'library');
    if (official) {
      const name = segments[segments.length - 1];
      return { url: tag && !digest ? `https://hub.docker.com/_/${name}/tags?name=${encodeURIComponent(tag)}` : `https://hub.docker.com/_/${name}`, site: 'Docker Hub' };
    }
    return { url: tag && !digest ? `https://hub.docker.com/r/${repository}/tags?name=${encodeURIComponent(tag)}` : `https://hub.docker.com/r/${repository}`, site: 'Docker Hub' };
  }
  if (registry === 'ghcr.io' && segments.length >= 2) {
    // GitHub shows a container package under its owner; nested names are one package name.
    const owner = segments[0];
    const name = segments.slice(1).join('/');
    return { url: `https://github.com/${owner}/${segments[1]}/pkgs/container/${encodeURIComponent(name)}`, site: 'GitHub Container Registry' };
  }
  if (registry === 'quay.io' && segments.length >= 2) {
    const base = `https://quay.io/repository/${repository}`;
    if (digest) return { url: `${base}/manifest/${digest}`, site: 'Quay' };
    return { url: tag ? `${base}?tab=tags&tag=${encodeURIComponent(tag)}` : base, site: 'Quay' };
  }
  if (registry === 'mcr.microsoft.com') return { url: `https://mcr.microsoft.com/artifact/mar/${repository}`, site: 'Microsoft Artifact Registry' };
  if ((registry === 'gcr.io' || registry.endsWith('.gcr.io')) && segments.length >= 2) {
    const location = registry === 'gcr.io' ? 'global' : registry.slice(0, -'.gcr.io'.length);
    return { url: `https://console.cloud.google.com/gcr/images/${segments[0]}/${location}/${segments.slice(1).join('/')}`, site: 'Google Container Registry' };
  }
  if (registry.endsWith('-docker.pkg.dev') && segments.length >= 3) {
    const location = registry.slice(0, -'-docker.pkg.dev'.length);
    return {
      url: `https://console.cloud.google.com/artifacts/docker/${segments[0]}/${location}/${segments[1]}/${segments.slice(2).join('%2F')}`,
      site: 'Google Artifact Registry',
    };
  }
  if (registry === 'public.ecr.aws' && segments.length >= 2) return { url: `https://gallery.ecr.aws/${repository}`, site: 'Amazon ECR Public Gallery' };
  if (registry === 'registry.gitlab.com' && segments.length >= 2) {
    return { url: `https://gitlab.com/${segments.slice(0, 2).join('/')}/container_registry`, site: 'GitLab Container Registry' };
  }
  if (registry === 'registry.k8s.io' || registry === 'k8s.gcr.io') return undefined;
  return undefined;
}

// Finds the images an archive holds and the order of their layers, from either layout:
// - Docker (`docker save`): manifest.json = [{Config, RepoTags, Layers: [archive paths]}];
// - OCI image layout: index.json → (image index →) image manifest → config + layer descriptors,
//   each stored at blobs/<algorithm>/<hex>.
// Docker 25+ writes both; manifest.json is preferred there because it names the tags.
import { ImageArchiveError } from '../errors';
import type { ArchiveScan } from './archiveScanner';
import type { LayerListing } from './layerListing';

export interface ImageHistoryEntry {
  readonly created?: string;
  readonly created_by?: string;
  readonly comment?: string;
  readonly empty_layer?: boolean;
}

export interface ImageConfigDocument {
  readonly created?: string;
  readonly architecture?: string;
  readonly os?: string;
  readonly history?: readonly ImageHistoryEntry[];
  readonly rootfs?: { readonly diff_ids?: readonly string[] };
  readonly config?: { readonly Labels?: Readonly<Record<string, string>> | null };
}

export interface ArchiveImage {
  /** "sha256:<hex>" of the config: the image ID the engine shows. */
  readonly id: string;
  readonly repoTags: readonly string[];
  readonly config: ImageConfigDocument;
  readonly layout: 'docker-archive' | 'oci-layout';
  /** One per layer, bottom first. */
  readonly layers: readonly ArchiveLayer[];
}

export interface ArchiveLayer {
  /** Digest of the uncompressed layer (the config's diff_id) when known, else of the blob. */
  readonly digest: string;
  readonly blobPath: string;
  readonly listing: LayerListing;
}

interface DockerManifestEntry {
  readonly Config?: string;
  readonly RepoTags?: readonly string[] | null;
  readonly Layers?: readonly string[];
}

interface OciDescriptor {
  readonly mediaType?: string;
  readonly digest?: string;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly platform?: { readonly architecture?: string; readonly os?: string };
}

interface OciDocument {
  readonly mediaType?: string;
  readonly manifests?: readonly OciDescriptor[];
  readonly config?: OciDescriptor;
  readonly layers?: readonly OciDescriptor[];
}

const maxLinkHops = 8;

export function listArchiveImages(scan: ArchiveScan, label: string): ArchiveImage[] {
  if (scan.documents.has('manifest.json')) return dockerImages(scan, label);
  if (scan.documents.has('index.json')) return ociImages(scan, label);
  throw new ImageArchiveError(
    `${label} has neither manifest.json nor index.json, so it is not an image archive (or it is truncated). ` +
      'Create one with "docker save IMAGE -o FILE.tar" or "podman save --format oci-archive".',
  );
}

/**
 * Picks the image to analyse. `reference` may be a tag ("app:1", "docker.io/library/app:1") or an
 * ID prefix; without one an archive must hold exactly one image, or the first is taken.
 */
export function selectArchiveImage(images: readonly ArchiveImage[], reference: string | undefined, label: string): ArchiveImage {
  if (images.length === 0) throw new ImageArchiveError(`${label} holds no image.`);
  if (!reference) return images[0];
  const wanted = normaliseReference(reference);
  const byId = (image: ArchiveImage): boolean => {
    const id = image.id.replace(/^sha256:/, '');
    const asked = reference.replace(/^sha256:/, '');
    return asked.length >= 4 && /^[0-9a-f]+$/.test(asked) && id.startsWith(asked);
  };
  const found = images.find((image) => image.repoTags.some((tag) => normaliseReference(tag) === wanted) || byId(image));
  if (found) return found;
  const names = images.map((image) => image.repoTags[0] ?? image.id.slice(0, 19)).join(', ');
  throw new ImageArchiveError(`${label} has no image "${reference}"; it holds: ${names}.`);
}

/** "busybox" → "docker.io/library/busybox:latest", so that short and long names compare equal. */
export function normaliseReference(reference: string): string {
  let name = reference.trim();
  if (name.includes('@')) return name;
  const lastSlash = name.lastIndexOf('/');
  if (name.lastIndexOf(':') <= lastSlash) name += ':latest';
  const firstSlash = name.indexOf('/');
  const first = firstSlash < 0 ? '' : name.slice(0, firstSlash);
  const hasRegistry = firstSlash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) name = `docker.io/${firstSlash < 0 ? 'library/' : ''}${name}`;
  return name;
}

function dockerImages(scan: ArchiveScan, label: string): ArchiveImage[] {
  const manifest = parseDocument<DockerManifestEntry[]>(scan, 'manifest.json', label);
  if (!Array.isArray(manifest)) throw new ImageArchiveError(`${label}: manifest.json is not a list of images.`);
  return manifest.map((entry, index) => {
    if (!entry.Config || !Array.isArray(entry.Layers)) {
      throw new ImageArchiveError(`${label}: entry ${index} of manifest.json lacks "Config" or "Layers".`);
    }
    const configPath = resolveAlias(scan, entry.Config);
    const config = parseDocument<ImageConfigDocument>(scan, configPath, label);
    const layerPaths = entry.Layers.map((path) => resolveAlias(scan, path));
    return {
      id: `sha256:${digestHexFromPath(configPath)}`,
      repoTags: entry.RepoTags ?? [],
      config,
      layout: 'docker-archive' as const,
      layers: layerPaths.map((path, layerIndex) => archiveLayer(scan, config, path, layerIndex, label)),
    };
  });
}

function ociImages(scan: ArchiveScan, label: string): ArchiveImage[] {
  const index = parseDocument<OciDocument>(scan, 'index.json', label);
  const images: ArchiveImage[] = [];
  const visit = (descriptor: OciDescriptor, name: string | undefined, depth: number): void => {
    if (depth > 4 || !descriptor.digest) return;
    if (descriptor.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest') return;
    const path = blobPath(descriptor.digest);
    if (!scan.documents.has(path)) return; // a platform the archive does not carry
    const document = parseDocument<OciDocument>(scan, path, label);
    const ownName = descriptor.annotations?.['io.containerd.image.name'] ?? descriptor.annotations?.['org.opencontainers.image.ref.name'];
    const imageName = ownName ?? name;
    if (Array.isArray(document.manifests)) {
      for (const child of preferHostPlatform(document.manifests)) visit(child, imageName, depth + 1);
      return;
    }
    if (!document.config?.digest || !Array.isArray(document.layers)) return;
    const configPath = blobPath(document.config.digest);
    const config = parseDocument<ImageConfigDocument>(scan, configPath, label);
    const id = `sha256:${digestHexFromPath(configPath)}`;
    const existing = images.find((image) => image.id === id);
    if (existing) {
      if (imageName && !existing.repoTags.includes(imageName)) (existing.repoTags as string[]).push(imageName);
      return;
    }
    images.push({
      id,
      repoTags: imageName ? [imageName] : [],
      config,
      layout: 'oci-layout',
      layers: document.layers.map((layer, layerIndex) => {
        if (!layer.digest) throw new ImageArchiveError(`${label}: layer ${layerIndex} of manifest ${descriptor.digest} has no digest.`);
        return archiveLayer(scan, config, resolveAlias(scan, blobPath(layer.digest)), layerIndex, label, layer.digest);
      }),
    });
  };
  for (const descriptor of preferHostPlatform(index.manifests ?? [])) visit(descriptor, undefined, 0);
  if (images.length === 0) throw new ImageArchiveError(`${label}: index.json names no image manifest that the archive contains.`);
  return images;
}

function archiveLayer(
  scan: ArchiveScan,
  config: ImageConfigDocument,
  path: string,
  layerIndex: number,
  label: string,
  blobDigest?: string,
): ArchiveLayer {
  const listing = scan.layers.get(path);
  if (!listing) {
    throw new ImageArchiveError(
      `${label} lacks layer ${layerIndex + 1} ("${path}") that its manifest lists: the archive is incomplete or truncated.`,
    );
  }
  if (listing.error) {
    throw new ImageArchiveError(`${label}: layer ${layerIndex + 1} ("${path}") cannot be read: ${listing.error}.`);
  }
  const diffId = config.rootfs?.diff_ids?.[layerIndex];
  return { digest: diffId ?? blobDigest ?? `sha256:${digestHexFromPath(path)}`, blobPath: path, listing };
}

/** Multi-platform indexes: the host's platform first, then the others in their order. */
function preferHostPlatform(descriptors: readonly OciDescriptor[]): OciDescriptor[] {
  const hostArch = process.arch === 'x64' ? 'amd64' : process.arch;
  const host = descriptors.filter((descriptor) => descriptor.platform?.architecture === hostArch);
  return [...host, ...descriptors.filter((descriptor) => !host.includes(descriptor))];
}

function blobPath(digest: string): string {
  const colon = digest.indexOf(':');
  return colon < 0 ? `blobs/sha256/${digest}` : `blobs/${digest.slice(0, colon)}/${digest.slice(colon + 1)}`;
}

/** "abc….json", "blobs/sha256/abc…" and "abc…/layer.tar" all yield "abc…". */
function digestHexFromPath(path: string): string {
  const parts = path.split('/');
  const last = parts[parts.length - 1];
  if (last === 'layer.tar' && parts.length >= 2) return parts[parts.length - 2];
  return last.replace(/\.json$/, '');
}

function resolveAlias(scan: ArchiveScan, path: string): string {
  let current = path.replace(/^\.\//, '');
  for (let hop = 0; hop < maxLinkHops; hop++) {
    const next = scan.aliases.get(current);
    if (next === undefined) return current;
    current = next;
  }
  return current;
}

function parseDocument<T>(scan: ArchiveScan, path: string, label: string): T {
  const data = scan.documents.get(path);
  if (!data) throw new ImageArchiveError(`${label} lacks "${path}", which its manifest refers to: the archive is incomplete or truncated.`);
  try {
    return JSON.parse(data.toString('utf8')) as T;
  } catch (error) {
    throw new ImageArchiveError(`${label}: "${path}" is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
}

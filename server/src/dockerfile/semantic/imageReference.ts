// Image references as the distribution/reference grammar reads them: [registry/]path[:tag][@digest].
// Hand-written scanning (no regular expressions over user text).

export interface ImageReference {
  /** The reference as given (after variable substitution). */
  readonly text: string;
  /** The registry host[:port] when written, else undefined (Docker Hub). */
  readonly registry: string | undefined;
  /** The repository path as written, e.g. `library/ubuntu`, `ubuntu`, `org/app`. */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
  /** The fully qualified name, e.g. `docker.io/library/ubuntu:latest` (`:latest` only without tag and digest). */
  readonly normalized: string;
  /** Why the reference is invalid; undefined when it is valid. */
  readonly error: string | undefined;
}

const MAX_NAME_LENGTH = 255;

// The same images are named in file after file and version after version: parsed once each.
const cache = new Map<string, ImageReference>();
const CACHE_SIZE = 1024;

export function parseImageReference(text: string): ImageReference {
  let reference = cache.get(text);
  if (!reference) {
    reference = Object.freeze(parse(text));
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(text, reference);
  }
  return reference;
}

function parse(text: string): ImageReference {
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  let repository = rest;
  const firstSlash = rest.indexOf('/');
  if (firstSlash >= 0) {
    const first = rest.slice(0, firstSlash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      repository = rest.slice(firstSlash + 1);
    }
  }
  const error = validate(text, registry, repository, tag, digest);
  const domain = registry === undefined || registry === 'index.docker.io' ? 'docker.io' : registry;
  const path = domain === 'docker.io' && !repository.includes('/') ? `library/${repository}` : repository;
  const normalized = `${domain}/${path}${tag !== undefined ? `:${tag}` : digest === undefined ? ':latest' : ''}${digest !== undefined ? `@${digest}` : ''}`;
  return { text, registry, repository, tag, digest, normalized, error };
}

function validate(text: string, registry: string | undefined, repository: string, tag: string | undefined, digest: string | undefined): string | undefined {
  if (text === '') return 'the image name is empty';
  if (registry !== undefined && !isValidHost(registry)) return `invalid registry "${registry}"`;
  if (repository === '') return 'the repository name is empty';
  if (repository.length + (registry?.length ?? 0) > MAX_NAME_LENGTH) return `the repository name is longer than ${MAX_NAME_LENGTH} characters`;
  for (const component of repository.split('/')) {
    if (!isValidPathComponent(component)) {
      return component !== component.toLowerCase() ? `the repository name must be lowercase ("${repository}")` : `invalid repository name "${repository}"`;
    }
  }
  if (tag !== undefined && !isValidTag(tag)) return `invalid tag "${tag}": use letters, digits, _ . - (at most 128, not starting with . or -)`;
  if (digest !== undefined && !isValidDigest(digest)) return `invalid digest "${digest}": expected algorithm:hex, e.g. sha256:…`;
  return undefined;
}

function isLowerAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*` */
function isValidPathComponent(component: string): boolean {
  if (component === '') return false;
  let i = 0;
  const n = component.length;
  const alnumRun = (): boolean => {
    const start = i;
    while (i < n && isLowerAlnum(component.charCodeAt(i))) i++;
    return i > start;
  };
  if (!alnumRun()) return false;
  while (i < n) {
    const c = component.charCodeAt(i);
    if (c === 0x2e) i++;
    else if (c === 0x5f) i += component.charCodeAt(i + 1) === 0x5f ? 2 : 1;
    else if (c === 0x2d) while (i < n && component.charCodeAt(i) === 0x2d) i++;
    else return false;
    if (!alnumRun()) return false;
  }
  return true;
}

function isValidTag(tag: string): boolean {
  if (tag.length === 0 || tag.length > 128) return false;
  for (let i = 0; i < tag.length; i++) {
    const c = tag.charCodeAt(i);
    const word = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
    if (!word && !(i > 0 && (c === 0x2e || c === 0x2d))) return false;
  }
  return true;
}

function isValidDigest(digest: string): boolean {
  const colon = digest.indexOf(':');
  if (colon <= 0) return false;
  const hex = digest.slice(colon + 1);
  if (hex.length < 32) return false;
  for (let i = 0; i < hex.length; i++) {
    const c = hex.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  for (let i = 0; i < colon; i++) {
    const c = digest.charCodeAt(i);
    if (!(isLowerAlnum(c) || c === 0x2b || c === 0x2e || c === 0x5f || c === 0x2d)) return false;
  }
  return true;
}

function isValidHost(host: string): boolean {
  let name = host;
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !host.startsWith('[')) {
    const port = host.slice(colon + 1);
    if (port === '' || !/^[0-9]+$/.test(port.slice(0, 6))) return false;
    name = host.slice(0, colon);
  }
  if (name.startsWith('[') && name.endsWith(']')) return true;
  for (const label of name.split('.')) {
    if (label === '') return false;
    for (let i = 0; i < label.length; i++) {
      const c = label.charCodeAt(i);
      const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c === 0x2d && i > 0 && i < label.length - 1);
      if (!ok) return false;
    }
  }
  return true;
}

// Finding images: Docker Hub through the engine's own search (`GET /images/search`, so proxies
// and mirrors the engine uses apply), and a private registry through the registry v2 API
// (`/v2/_catalog`, `/v2/<name>/tags/list`) with Basic or Bearer-token auth.
import { EngineError } from '../errors';
import { RegistryCredentials, normalizeRegistry } from './credentials';
import { EngineAccess, jsonRequest } from './engineAccess';
import { RegistryAuthError } from './registry';

export interface HubSearchResult {
  readonly name: string;
  readonly description: string;
  readonly stars: number;
  readonly official: boolean;
  readonly automated: boolean;
}

export async function searchDockerHub(engine: EngineAccess, term: string, options: { officialOnly?: boolean; limit?: number; signal?: AbortSignal } = {}): Promise<HubSearchResult[]> {
  if (!term.trim()) throw new Error('Type something to search for.');
  const filters = options.officialOnly ? JSON.stringify({ 'is-official': ['true'] }) : undefined;
  try {
    const answer = await jsonRequest<Array<{ name: string; description?: string; star_count?: number; is_official?: boolean; is_automated?: boolean }>>(
      engine,
      { method: 'GET', path: '/images/search', query: { term: term.trim(), limit: options.limit ?? 25, ...(filters ? { filters } : {}) }, signal: options.signal },
      `search Docker Hub for "${term}"`,
    );
    return (answer ?? []).map((entry) => ({ name: entry.name, description: entry.description ?? '', stars: entry.star_count ?? 0, official: Boolean(entry.is_official), automated: Boolean(entry.is_automated) }));
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'engine' && /lookup|dial tcp|no such host|i\/o timeout|connection refused/i.test(error.reason)) {
      throw new Error(`The engine at ${engine.endpoint.label} cannot reach Docker Hub to search (${error.reason}). Check the engine's network or proxy settings.`);
    }
    throw error;
  }
}

export interface RegistryRepository {
  readonly name: string;
  readonly tags: readonly string[];
}

export interface RegistrySearchOptions {
  /** host[:port] of the registry. */
  readonly registry: string;
  /** Substring of repository names; empty lists every repository. */
  readonly term?: string;
  readonly limit?: number;
  readonly credentials?: RegistryCredentials;
  /** 'auto' (default): HTTP for loopback registries (as Docker treats them as insecure), else HTTPS. */
  readonly scheme?: 'auto' | 'http' | 'https';
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

function isLoopback(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127\./.test(name);
}

interface Challenge {
  readonly scheme: 'basic' | 'bearer';
  readonly params: Readonly<Record<string, string>>;
}

function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const match = /^(\w+)\s*(.*)$/.exec(header.trim());
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  if (scheme !== 'basic' && scheme !== 'bearer') return undefined;
  const params: Record<string, string> = {};
  for (const param of match[2]!.matchAll(/(\w+)="([^"]*)"/g)) params[param[1]!.toLowerCase()] = param[2]!;
  return { scheme, params };
}

/** A small registry v2 client: follows the auth challenge once per scope, pages the catalog. */
class RegistryClient {
  private authorization: string | undefined;
  private readonly base: string;

  constructor(
    private readonly registry: string,
    private readonly options: RegistrySearchOptions,
  ) {
    const scheme = options.scheme && options.scheme !== 'auto' ? options.scheme : isLoopback(registry) ? 'http' : 'https';
    this.base = `${scheme}://${registry}`;
  }

  async get<T>(pathAndQuery: string, scope: string, whenNotFound?: T): Promise<{ body: T; next?: string }> {
    let response = await this.fetch(pathAndQuery);
    if (response.status === 401) {
      this.authorization = await this.authorize(parseChallenge(response.headers.get('www-authenticate')), scope);
      response = await this.fetch(pathAndQuery);
    }
    if (response.status === 401 || response.status === 403) {
      throw new RegistryAuthError(this.registry, Boolean(this.options.credentials), `HTTP ${response.status} on ${pathAndQuery.replace(/\?.*$/, '')}`);
    }
    // A repository whose blobs were uploaded but that has no tag yet (an interrupted push).
    if (response.status === 404 && whenNotFound !== undefined) return { body: whenNotFound };
    if (!response.ok) throw new Error(`The registry ${this.registry} answered HTTP ${response.status} to ${pathAndQuery.replace(/\?.*$/, '')}.`);
    const link = response.headers.get('link');
    const next = link ? /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] : undefined;
    return { body: (await response.json()) as T, next };
  }

  private async fetch(pathAndQuery: string): Promise<Response> {
    const signals = [AbortSignal.timeout(this.options.timeoutMs ?? 15_000), ...(this.options.signal ? [this.options.signal] : [])];
    try {
      return await fetch(`${this.base}${pathAndQuery}`, { headers: this.authorization ? { Authorization: this.authorization } : {}, signal: AbortSignal.any(signals) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (this.options.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
      throw new Error(`Cannot reach the registry at ${this.base}: ${cause?.code ?? cause?.message ?? (error as Error).message}. Check the address, and whether it serves ${this.base.startsWith('https') ? 'HTTPS' : 'plain HTTP'}.`);
    }
  }

  private async authorize(challenge: Challenge | undefined, scope: string): Promise<string | undefined> {
    const credentials = this.options.credentials;
    const basic = credentials?.username !== undefined && credentials.password !== undefined ? Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64') : undefined;
    if (!challenge || challenge.scheme === 'basic') {
      if (!basic) throw new RegistryAuthError(this.registry, false, 'it asks for a user name and password');
      return `Basic ${basic}`;
    }
    const realm = challenge.params.realm;
    if (!realm) throw new Error(`The registry ${this.registry} asked for a token without saying where to get one.`);
    const url = new URL(realm);
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    url.searchParams.set('scope', challenge.params.scope ?? scope);
    const headers: Record<string, string> = {};
    if (basic) headers.Authorization = `Basic ${basic}`;
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) });
    if (response.status === 401 || response.status === 403) throw new RegistryAuthError(this.registry, Boolean(basic), `the token service answered HTTP ${response.status}`);
    if (!response.ok) throw new Error(`The token service of ${this.registry} answered HTTP ${response.status}.`);
    const token = (await response.json()) as { token?: string; access_token?: string };
    const value = token.token ?? token.access_token;
    if (!value) throw new Error(`The token service of ${this.registry} gave no token.`);
    return `Bearer ${value}`;
  }
}

/** Repositories of a private registry whose name contains `term`, each with its tags. */
export async function searchRegistry(options: RegistrySearchOptions): Promise<RegistryRepository[]> {
  const registry = normalizeRegistry(options.registry);
  if (registry === 'docker.io') throw new Error('Docker Hub has no catalog: use the Docker Hub search instead.');
  const client = new RegistryClient(registry, options);
  const limit = options.limit ?? 50;
  const term = (options.term ?? '').trim().toLowerCase();
  const names: string[] = [];
  let page: string | undefined = '/v2/_catalog?n=500';
  while (page && names.length < limit) {
    const result: { body: { repositories?: string[] }; next?: string } = await client.get<{ repositories?: string[] }>(page, 'registry:catalog:*');
    for (const name of result.body.repositories ?? []) if (!term || name.toLowerCase().includes(term)) names.push(name);
    page = result.next && result.next.startsWith('/') ? result.next : undefined;
  }
  const repositories: RegistryRepository[] = [];
  for (const name of names.slice(0, limit)) {
    const { body } = await client.get<{ tags?: string[] | null }>(`/v2/${name}/tags/list`, `repository:${name}:pull`, { tags: [] });
    repositories.push({ name, tags: [...(body.tags ?? [])].sort() });
  }
  return repositories;
}

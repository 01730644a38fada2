// Docker CLI contexts, read the way the docker CLI stores them:
//   $DOCKER_CONFIG (default ~/.docker)/config.json            { "currentContext": "name" }
//   …/contexts/meta/<sha256(name)>/meta.json                   { Name, Metadata, Endpoints.docker.{Host,SkipTLSVerify} }
//   …/contexts/tls/<sha256(name)>/docker/{ca,cert,key}.pem      TLS material of the docker endpoint
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { TlsMaterial } from './endpoint';

export interface DockerContext {
  readonly name: string;
  readonly description?: string;
  /** Host of the docker endpoint; undefined for a context without one. */
  readonly host?: string;
  /** TLS material when the context has any (or SkipTLSVerify is set). */
  readonly tls?: TlsMaterial;
}

/** The built-in context that means "DOCKER_HOST or the default socket"; it has no files. */
export const DEFAULT_CONTEXT = 'default';

export function dockerConfigDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  return env.DOCKER_CONFIG || path.join(homeDir, '.docker');
}

function contextDirName(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

/** Whether `file` exists and this process may see it. */
export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${file} is not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The context the docker CLI would use: DOCKER_CONTEXT, else config.json currentContext, else "default". */
export async function currentContextName(env: NodeJS.ProcessEnv, homeDir: string): Promise<string> {
  if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
  const config = (await readJson(path.join(dockerConfigDir(env, homeDir), 'config.json'))) as { currentContext?: unknown } | undefined;
  return typeof config?.currentContext === 'string' && config.currentContext ? config.currentContext : DEFAULT_CONTEXT;
}

/** Reads one context; undefined when it does not exist. */
export async function readContext(name: string, env: NodeJS.ProcessEnv, homeDir: string): Promise<DockerContext | undefined> {
  const configDir = dockerConfigDir(env, homeDir);
  const id = contextDirName(name);
  const meta = (await readJson(path.join(configDir, 'contexts', 'meta', id, 'meta.json'))) as
    | { Name?: string; Metadata?: { Description?: string }; Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } } }
    | undefined;
  if (!meta) return undefined;
  const docker = meta.Endpoints?.docker;
  const tlsDir = path.join(configDir, 'contexts', 'tls', id, 'docker');
  const [ca, cert, key] = await Promise.all(['ca.pem', 'cert.pem', 'key.pem'].map((file) => fileExists(path.join(tlsDir, file))));
  const hasTls = ca || cert || key;
  const tls: TlsMaterial | undefined =
    hasTls || docker?.SkipTLSVerify
      ? {
          caFile: ca ? path.join(tlsDir, 'ca.pem') : undefined,
          certFile: cert ? path.join(tlsDir, 'cert.pem') : undefined,
          keyFile: key ? path.join(tlsDir, 'key.pem') : undefined,
          verify: !docker?.SkipTLSVerify,
        }
      : undefined;
  return { name: meta.Name ?? name, description: meta.Metadata?.Description, host: docker?.Host, tls };
}

/** Every context in the store (the built-in "default" is not stored and not listed). */
export async function listContexts(env: NodeJS.ProcessEnv, homeDir: string): Promise<DockerContext[]> {
  const metaDir = path.join(dockerConfigDir(env, homeDir), 'contexts', 'meta');
  let ids: string[];
  try {
    ids = await fs.readdir(metaDir);
  } catch {
    return [];
  }
  const contexts: DockerContext[] = [];
  for (const id of ids) {
    const meta = (await readJson(path.join(metaDir, id, 'meta.json')).catch(() => undefined)) as { Name?: string } | undefined;
    if (!meta?.Name) continue;
    const context = await readContext(meta.Name, env, homeDir);
    if (context) contexts.push(context);
  }
  return contexts.sort((a, b) => a.name.localeCompare(b.name));
}

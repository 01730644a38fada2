// The part of ~/.ssh/config that decides where an ssh:// engine really is: the docker CLI runs
// the ssh binary, so `ssh://myserver` works there through a `Host myserver` block; it must here
// too. Supported: Host (patterns with * and ?, negation with !), HostName, User, Port,
// IdentityFile; first value wins, as in ssh_config(5).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export interface SshHostConfig {
  readonly hostName?: string;
  readonly user?: string;
  readonly port?: number;
  readonly identityFiles: readonly string[];
}

function patternMatches(pattern: string, host: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(host);
}

function hostMatches(patterns: readonly string[], host: string): boolean {
  let matched = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (patternMatches(pattern.slice(1), host)) return false;
    } else if (patternMatches(pattern, host)) matched = true;
  }
  return matched;
}

function expand(file: string, homeDir: string, host: string, user: string | undefined): string {
  const withTokens = file.replace(/%d/g, homeDir).replace(/%h/g, host).replace(/%r/g, user ?? '').replace(/%%/g, '%');
  return withTokens === '~' ? homeDir : withTokens.startsWith('~/') ? path.join(homeDir, withTokens.slice(2)) : withTokens;
}

/** What ssh_config text says for `host`. */
export function sshConfigFor(text: string, host: string, homeDir: string): SshHostConfig {
  let active = true; // options before the first Host block apply to every host
  let hostName: string | undefined;
  let user: string | undefined;
  let port: number | undefined;
  const identityFiles: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!match) continue;
    const keyword = match[1]!.toLowerCase();
    const value = match[2]!.trim().replace(/^"(.*)"$/, '$1');
    if (keyword === 'host') {
      active = hostMatches(value.split(/\s+/), host);
      continue;
    }
    if (keyword === 'match') {
      active = false; // Match blocks need conditions we do not evaluate: skip them safely
      continue;
    }
    if (!active) continue;
    if (keyword === 'hostname' && hostName === undefined) hostName = value.replace(/%h/g, host);
    else if (keyword === 'user' && user === undefined) user = value;
    else if (keyword === 'port' && port === undefined && /^\d+$/.test(value)) port = Number(value);
    else if (keyword === 'identityfile') identityFiles.push(value);
  }
  return { hostName, user, port, identityFiles: identityFiles.map((file) => expand(file, homeDir, host, user)) };
}

export async function readSshConfig(host: string, homeDir: string): Promise<SshHostConfig> {
  try {
    return sshConfigFor(await fs.readFile(path.join(homeDir, '.ssh', 'config'), 'utf8'), host, homeDir);
  } catch {
    return { identityFiles: [] };
  }
}

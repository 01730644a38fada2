// Hover inside an instruction: its keyword, a flag, a flag's value (with the default it
// replaces), a RUN --mount option or type, an EXPOSE port, a STOPSIGNAL signal, HEALTHCHECK's
// CMD/NONE with the settings in effect.
import type { Flag, Instruction, Token } from '..';
import {
  describeDuration,
  describeOctalMode,
  flagReference,
  instructionReference,
  mountOption,
  mountType,
  parseDuration,
  signalReference,
  wellKnownPort,
  type FlagReference,
  type ValueSyntax,
} from '../reference';
import { code, describeDefault, flagMarkdown, instructionMarkdown, link, mountOptionMarkdown, mountTypeMarkdown } from '../reference/markdown';

export interface Found {
  readonly markdown: string;
  readonly start: number;
  readonly end: number;
}

export function keywordHover(instruction: Instruction): Found | undefined {
  const reference = instructionReference(instruction.name);
  if (!reference) return undefined;
  return { markdown: instructionMarkdown(reference), start: instruction.keyword.start, end: instruction.keyword.end };
}

export function flagHover(instruction: Instruction, flag: Flag, offset: number): Found | undefined {
  const reference = flagReference(instruction.name, flag.name.value);
  if (!reference) return undefined;
  const value = flag.value;
  if (!value || offset < value.start) {
    return { markdown: flagMarkdown(instruction.name, reference), start: flag.start, end: value ? value.start - 1 : flag.end };
  }
  if (reference.name === 'mount') return mountHover(value, offset);
  return { markdown: valueMarkdown(instruction.name, reference, value.value), start: value.start, end: value.end };
}

function valueMarkdown(instruction: string, flag: FlagReference, value: string): string {
  const meaning = explainValue(flag.value, value);
  const defaultText = describeDefault(flag.default);
  const parts = [`**${instruction} --${flag.name}=${value}**${meaning ? ` — ${meaning}` : ''}`];
  if (defaultText) parts.push(value === flag.default?.value ? `This is the default.` : `Default: ${defaultText}.`);
  parts.push(flag.summary, link(flag.url));
  return parts.join('\n\n');
}

/** What a value means, in words, or undefined when it says nothing more than itself. */
function explainValue(syntax: ValueSyntax, value: string): string | undefined {
  const choice = syntax.values?.find((entry) => entry.value === value || (syntax.caseInsensitive && entry.value === value.toLowerCase()));
  switch (syntax.kind) {
    case 'duration': {
      const ms = parseDuration(value);
      return ms === undefined ? 'not a valid duration (write e.g. `30s`, `1m30s`, `500ms`)' : describeDuration(ms);
    }
    case 'integer':
      return value === '0' ? '0 means the default' : undefined;
    case 'permissions':
    case 'octal': {
      const mode = describeOctalMode(value);
      return mode ? code(mode) : choice?.description;
    }
    default:
      return choice?.description;
  }
}

/** `--mount=type=cache,target=/x`: the option or type under the cursor. */
function mountHover(value: Token, offset: number): Found | undefined {
  const quoted = value.text.startsWith('"') || value.text.startsWith("'");
  const base = value.start + (quoted ? 1 : 0);
  const text = value.value;
  const typeName = /(?:^|,)\s*type=([^,]*)/i.exec(text)?.[1]?.trim().toLowerCase() || 'bind';
  const type = mountType(typeName);
  let fieldStart = 0;
  for (const field of text.split(',')) {
    const fieldEnd = fieldStart + field.length;
    if (offset - base >= fieldStart && offset - base <= fieldEnd) {
      const equals = field.indexOf('=');
      const key = (equals < 0 ? field : field.slice(0, equals)).trim().toLowerCase();
      const start = base + fieldStart;
      const end = base + fieldEnd;
      if (key === 'type') {
        const named = mountType(field.slice(equals + 1).trim());
        return named ? { markdown: mountTypeMarkdown(named), start, end } : undefined;
      }
      if (!type) return undefined;
      const option = mountOption(type.name, key);
      if (!option) return { markdown: `${code(key)} is not an option of ${code(`type=${type.name}`)} mounts.\n\n${mountTypeMarkdown(type)}`, start, end };
      let markdown = mountOptionMarkdown(type, option);
      const fieldValue = equals < 0 ? undefined : field.slice(equals + 1);
      const meaning = fieldValue !== undefined ? explainValue(option.value, fieldValue) : undefined;
      if (meaning) markdown = `${code(field)} — ${meaning}\n\n${markdown}`;
      return { markdown, start, end };
    }
    fieldStart = fieldEnd + 1;
  }
  return undefined;
}

export function argumentHover(instruction: Instruction, offset: number): Found | undefined {
  const token = instruction.args.find((arg) => arg.start <= offset && offset <= arg.end);
  if (!token) return undefined;
  switch (instruction.name) {
    case 'EXPOSE':
      return portHover(token);
    case 'STOPSIGNAL': {
      const signal = signalReference(token.value);
      const markdown = signal
        ? `**${signal.name}** (${signal.number}) — ${signal.description}\n\n\`docker stop\` sends it, then SIGKILL after the grace period (10 s by default).`
        : `${code(token.value)} is not a signal name or number this editor knows.`;
      return { markdown, start: token.start, end: token.end };
    }
    case 'HEALTHCHECK':
      return token === instruction.args[0] ? healthcheckTypeHover(instruction, token) : undefined;
    default:
      return undefined;
  }
}

function portHover(token: Token): Found {
  const match = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(token.value);
  if (!match) return { markdown: `${code(token.value)}: write \`<port>[/<protocol>]\`, e.g. \`80\` or \`53/udp\`. No IP address or host port here.`, start: token.start, end: token.end };
  const [, first, last, protocolWritten] = match;
  const protocol = (protocolWritten ?? 'tcp').toLowerCase();
  const known = last ? undefined : wellKnownPort(Number(first));
  const port = last ? `${first}-${last}` : first;
  const parts = [`**Port ${port}/${protocol}**${known && (known.protocol === 'both' || known.protocol === protocol) ? ` — usually ${known.service}` : ''}`];
  if (!protocolWritten) parts.push('TCP, the default protocol.');
  if (protocolWritten && protocolWritten !== protocolWritten.toLowerCase()) parts.push(`Write the protocol in lowercase: ${code(protocol)}.`);
  if (Number(first) > 65535 || (last && Number(last) > 65535)) parts.push('Ports go up to 65535.');
  parts.push(`EXPOSE only documents the port. Publish it with \`docker run -p ${last ? port : `8080:${first}`}${protocol === 'udp' ? '/udp' : ''}\` or \`-P\` (every exposed port to a random host port).`);
  return { markdown: parts.join('\n\n'), start: token.start, end: token.end };
}

function healthcheckTypeHover(instruction: Instruction, token: Token): Found | undefined {
  const type = token.value.toUpperCase();
  if (type === 'NONE') return { markdown: '**HEALTHCHECK NONE** — turns off any health check inherited from the base image.', start: token.start, end: token.end };
  if (type !== 'CMD') return { markdown: `${code(token.value)} is not a HEALTHCHECK type: write \`CMD <command>\` or \`NONE\`.`, start: token.start, end: token.end };
  const rows = (instructionReference('HEALTHCHECK')?.flags ?? []).map((flag) => {
    const given = instruction.flags.find((entry) => entry.name.value === flag.name)?.value?.value;
    return `- ${code(`--${flag.name}`)}: ${given !== undefined ? `${code(given)} (set here)` : `${code(flag.default?.value ?? '')} (default)`}`;
  });
  return { markdown: `**HEALTHCHECK CMD** — the probe: exit 0 means healthy, 1 unhealthy.\n\nIn effect:\n${rows.join('\n')}`, start: token.start, end: token.end };
}

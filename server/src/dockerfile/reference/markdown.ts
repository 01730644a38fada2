// The reference rendered as Markdown, the one way completion documentation and hover show it,
// so an instruction or flag reads the same wherever it appears.
import type { Availability, DefaultValue, DirectiveReference, FlagReference, InstructionReference, MountOptionReference, MountTypeReference } from './types';

/** Markdown code block in Dockerfile syntax. */
export function dockerfileBlock(text: string): string {
  return '```dockerfile\n' + text + '\n```';
}

/** Inline code that survives backticks inside the text. */
export function code(text: string): string {
  const fence = text.includes('`') ? '`` ' : '`';
  const close = text.includes('`') ? ' ``' : '`';
  return `${fence}${text}${close}`;
}

export function link(url: string, label = 'Dockerfile reference'): string {
  return `[${label}](${url})`;
}

export function describeDefault(value: DefaultValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.value !== undefined) return value.description ? `${code(value.value)} (${value.description})` : code(value.value);
  return value.description;
}

export function describeAvailability(entry: Availability): string | undefined {
  const parts: string[] = [];
  if (entry.since) parts.push(`docker/dockerfile ${entry.since}+`);
  if (entry.labs) parts.push('labs channel only (`# syntax=docker/dockerfile:1-labs`)');
  if (entry.engine) parts.push(`${entry.engine}+`);
  return parts.length ? `Needs ${parts.join(', ')}.` : undefined;
}

/** Instruction documentation: summary, synopsis of every form, explanation, example, link. */
export function instructionMarkdown(entry: InstructionReference, options: { example?: boolean } = {}): string {
  const parts = [`**${entry.name}** — ${entry.summary}`];
  if (entry.deprecated) parts.push(`**Deprecated.** ${entry.deprecated}`);
  parts.push(dockerfileBlock(entry.forms.map((form) => form.syntax).join('\n')));
  parts.push(entry.documentation);
  if (entry.flags.length) parts.push(`Flags: ${entry.flags.map((flag) => code(`--${flag.name}`)).join(', ')}`);
  if (options.example !== false) parts.push(`Example:\n\n${dockerfileBlock(entry.example)}`);
  parts.push(link(entry.url));
  return parts.join('\n\n');
}

/** Flag documentation: synopsis, default, availability, explanation, example, link. */
export function flagMarkdown(instruction: string, flag: FlagReference): string {
  const synopsis = flag.valueOptional ? `--${flag.name}[=${flag.value.syntax}]` : `--${flag.name}=${flag.value.syntax}`;
  const parts = [`**${instruction} --${flag.name}** — ${flag.summary}`, code(synopsis)];
  const facts: string[] = [];
  const defaultText = describeDefault(flag.default);
  if (defaultText) facts.push(`Default: ${defaultText}.`);
  if (flag.repeatable) facts.push('May be repeated.');
  const availability = describeAvailability(flag);
  if (availability) facts.push(availability);
  if (facts.length) parts.push(facts.join(' '));
  parts.push(flag.documentation, `Example:\n\n${dockerfileBlock(flag.example)}`, link(flag.url));
  return parts.join('\n\n');
}

export function mountTypeMarkdown(type: MountTypeReference): string {
  const options = type.options
    .filter((option) => option.name !== 'type')
    .map((option) => `- ${code(option.name)}${option.aliases.length ? ` (${option.aliases.map(code).join(', ')})` : ''}: ${option.documentation}${defaultSuffix(option.default)}`)
    .join('\n');
  const availability = describeAvailability(type);
  return [`**RUN --mount=type=${type.name}** — ${type.summary}`, type.documentation, availability, `Options:\n\n${options}`, `Example:\n\n${dockerfileBlock(type.example)}`, link(type.url)]
    .filter(Boolean)
    .join('\n\n');
}

export function mountOptionMarkdown(type: MountTypeReference, option: MountOptionReference): string {
  const names = [option.name, ...option.aliases].map(code).join(' / ');
  const synopsis = option.valueOptional ? `${option.name}[=${option.value.syntax}]` : `${option.name}=${option.value.syntax}`;
  const parts = [`**${names}** (${code(`type=${type.name}`)} mount)`, code(synopsis), option.documentation];
  const defaultText = describeDefault(option.default);
  if (defaultText) parts.push(`Default for ${type.name} mounts: ${defaultText}.`);
  const availability = describeAvailability(option);
  if (availability) parts.push(availability);
  parts.push(link(type.url));
  return parts.join('\n\n');
}

export function directiveMarkdown(directive: DirectiveReference): string {
  const parts = [`**# ${directive.name}=** — ${directive.summary}`, code(`# ${directive.name}=${directive.value.syntax}`), directive.documentation];
  const defaultText = describeDefault(directive.default);
  if (defaultText) parts.push(`Default: ${defaultText}.`);
  const availability = describeAvailability(directive);
  if (availability) parts.push(availability);
  if (directive.options) parts.push(directive.options.map((option) => `- ${code(option.name + '=')}: ${option.documentation}${defaultSuffix(option.default)}`).join('\n'));
  parts.push(`Example:\n\n${dockerfileBlock(directive.example)}`, link(directive.url));
  return parts.join('\n\n');
}

function defaultSuffix(value: DefaultValue | undefined): string {
  const text = describeDefault(value);
  return text ? ` Default: ${text}.` : '';
}

/** Markdown → readable plain text, for clients that cannot render Markdown. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[a-z]*\n/g, '')
    .replace(/```/g, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1: $2')
    .replace(/`([^`]+)`/g, '$1');
}

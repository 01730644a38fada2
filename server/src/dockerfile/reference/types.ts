// The shapes of the Dockerfile reference table. Completion, hover, signature help and
// validation all read the same records, so these types are kept small and stable: add a field
// only when a consumer needs it, never rename one.
import type { InstructionName } from '../instructionNames';

export type { InstructionName } from '../instructionNames';

/**
 * What kind of value a flag, mount option or directive takes. Consumers switch on it:
 * validation checks the syntax, completion offers `values`, hover explains `syntax`.
 */
export type ValueKind =
  /** Go's strconv.ParseBool: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False. */
  | 'boolean'
  /** Go's time.ParseDuration: `30s`, `1m30s`, `500ms` (units ns, us, µs, ms, s, m, h). */
  | 'duration'
  /** A base-10 integer (see `min`). */
  | 'integer'
  /** One of `values` (case as listed; see `caseInsensitive`). */
  | 'enum'
  /** `os/arch[/variant]`, e.g. `linux/arm64`, or a variable like `$BUILDPLATFORM`. */
  | 'platform'
  /** A stage name, a stage index, an image reference or a named build context. */
  | 'source'
  /** `user[:group]`, names or numeric ids. */
  | 'user-group'
  /** Permissions: octal (`0755`) or, since 1.14, symbolic (`u+x`). */
  | 'permissions'
  /** An octal mode only (`0400`). */
  | 'octal'
  /** Comma-separated `key=value` options (RUN --mount, RUN --device). */
  | 'options'
  /** A checksum: `sha256:<hex>` for URLs, a commit SHA (prefix) for git sources. */
  | 'checksum'
  /** A glob pattern as in .dockerignore. */
  | 'glob'
  /** A path inside the build container or image. */
  | 'path'
  /** A size with an optional unit suffix (`64m`, `1g`). */
  | 'size'
  /** A name (of a secret, ssh agent, environment variable, cache, device …). */
  | 'name'
  /** An image reference (`docker/dockerfile:1`). */
  | 'image'
  /** Anything. */
  | 'text';

/** One value a completion can offer, with what it means. */
export interface ValueChoice {
  readonly value: string;
  readonly description: string;
}

export interface ValueSyntax {
  readonly kind: ValueKind;
  /** How the value is written, for documentation and signature help, e.g. `<os>/<arch>[/<variant>]`. */
  readonly syntax: string;
  /** For `enum`: every accepted value. For other kinds: typical values completion offers. */
  readonly values?: readonly ValueChoice[];
  /** For `enum`: whether BuildKit compares case-insensitively. */
  readonly caseInsensitive?: boolean;
  /** For `integer` and `duration` (in milliseconds): the smallest accepted value other than 0. */
  readonly min?: number;
}

/** What a flag, option or directive is worth when not written. */
export interface DefaultValue {
  /** The literal value as a user would write it (`30s`, `sandbox`); absent when it depends on the build. */
  readonly value?: string;
  /** A short phrase when the default is not a literal ("the build's target platform"). */
  readonly description?: string;
}

/** Which Dockerfile frontend (`# syntax=docker/dockerfile:1.x`) or engine a feature needs. */
export interface Availability {
  /** The first docker/dockerfile version with the feature, e.g. `1.4`. */
  readonly since?: string;
  /** Only in the `docker/dockerfile:1.x-labs` channel. */
  readonly labs?: boolean;
  /** A requirement on the engine that runs the image, e.g. "Docker Engine 25.0". */
  readonly engine?: string;
}

/** An instruction flag: `--name=value`. */
export interface FlagReference extends Availability {
  /** Without dashes: `mount`, `start-period`. */
  readonly name: string;
  readonly value: ValueSyntax;
  /** True when the bare flag is accepted (`--link` means `--link=true`). */
  readonly valueOptional: boolean;
  /** May be given several times (`--mount`, `--exclude`). */
  readonly repeatable: boolean;
  readonly default?: DefaultValue;
  /** One line: what the flag does. */
  readonly summary: string;
  /** Markdown, a few sentences. */
  readonly documentation: string;
  readonly example: string;
  /** The section of the official reference. */
  readonly url: string;
}

/** One way of writing an instruction (shell form, exec form, …). */
export interface InstructionForm {
  readonly name: string;
  /** The synopsis, e.g. `CMD ["executable", "param1"]`. */
  readonly syntax: string;
  readonly description: string;
  /** What completion inserts after the keyword (LSP snippet syntax); absent: the keyword and a space. */
  readonly snippet?: string;
}

/** A positional parameter shown by signature help; `label` is a substring of the signature's label. */
export interface ParameterReference {
  readonly label: string;
  readonly documentation: string;
}

export interface SignatureReference {
  /** Shown as the signature, e.g. `COPY [--from=…] <src>... <dest>`. */
  readonly label: string;
  readonly documentation: string;
  readonly parameters: readonly ParameterReference[];
}

export interface InstructionReference {
  readonly name: InstructionName;
  /** One line: what the instruction does. */
  readonly summary: string;
  /** Markdown, a few paragraphs. */
  readonly documentation: string;
  readonly forms: readonly InstructionForm[];
  readonly flags: readonly FlagReference[];
  /** A short, realistic example (Dockerfile text). */
  readonly example: string;
  readonly url: string;
  /** Whether BuildKit substitutes `$VAR` in its arguments (RUN/CMD/ENTRYPOINT leave it to the shell). */
  readonly expandsVariables: boolean;
  /** May follow ONBUILD (everything except ONBUILD, FROM and MAINTAINER). */
  readonly onbuildTrigger: boolean;
  /** Set when the instruction is deprecated: what to use instead. */
  readonly deprecated?: string;
  /** The positional forms for signature help (several for instructions with several forms). */
  readonly signatures: readonly SignatureReference[];
}

export type MountTypeName = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';

/** One `key=value` option of a `RUN --mount` type. */
export interface MountOptionReference extends Availability {
  /** The canonical key, e.g. `target`. */
  readonly name: string;
  /** Other spellings BuildKit accepts, e.g. `dst`, `destination`. */
  readonly aliases: readonly string[];
  readonly value: ValueSyntax;
  /** The bare key is accepted (`ro`, `rw`, `required`). */
  readonly valueOptional: boolean;
  readonly default?: DefaultValue;
  readonly documentation: string;
}

export interface MountTypeReference extends Availability {
  readonly name: MountTypeName;
  readonly summary: string;
  readonly documentation: string;
  readonly example: string;
  readonly url: string;
  /** Every option this type accepts (`type` included); any other key fails or is ignored by BuildKit. */
  readonly options: readonly MountOptionReference[];
}

/** An option of a directive whose value is itself `key=value` pairs (`# check=skip=…;error=true`). */
export interface DirectiveOptionReference {
  readonly name: string;
  readonly value: ValueSyntax;
  readonly default?: DefaultValue;
  readonly documentation: string;
}

export type DirectiveName = 'syntax' | 'escape' | 'check';

export interface DirectiveReference extends Availability {
  readonly name: DirectiveName;
  readonly summary: string;
  readonly documentation: string;
  readonly value: ValueSyntax;
  readonly default?: DefaultValue;
  /** For `check`: its options, separated by `;`. */
  readonly options?: readonly DirectiveOptionReference[];
  readonly example: string;
  readonly url: string;
}

/** A BuildKit build check (`docker build --check`), by its case-sensitive name. */
export interface BuildCheckReference {
  /** PascalCase, as `# check=skip=` takes it. */
  readonly name: string;
  readonly description: string;
  /** Opt-in only (`# check=experimental=…`). */
  readonly experimental: boolean;
  readonly url: string;
}

export type PredefinedArgGroup = 'platform' | 'proxy' | 'buildkit';

/** A build argument BuildKit knows without an ARG instruction. */
export interface PredefinedArgReference {
  readonly name: string;
  readonly group: PredefinedArgGroup;
  readonly description: string;
  /** A value it typically takes, e.g. `linux/amd64`. */
  readonly example?: string;
  readonly url: string;
}

export interface SignalReference {
  /** `SIGTERM`. */
  readonly name: string;
  /** The Linux signal number. */
  readonly number: number;
  readonly description: string;
}

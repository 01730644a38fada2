// The semantic token legend: standard LSP token types, so every theme colours them.
import type { SemanticTokensLegend } from 'vscode-languageserver-types';

export const TOKEN_TYPES = [
  'keyword', // instruction keywords, AS, HEALTHCHECK CMD/NONE
  'parameter', // flag names: --mount, --from
  'property', // keys inside flag values (type=, target=) and LABEL keys
  'string', // flag values, JSON strings of the exec form, directive values
  'variable', // ARG/ENV names (declaration) and $v / ${v} uses
  'class', // build stage names
  'type', // image references
  'macro', // parser directive names
  'comment',
  'label', // here-document delimiters
] as const;

export const TOKEN_MODIFIERS = [
  'declaration', // where a variable or a stage is defined
  'defaultLibrary', // variables BuildKit defines (TARGETPLATFORM, HTTP_PROXY …)
] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const TOKEN_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

export const TYPE_INDEX: Readonly<Record<TokenType, number>> = Object.fromEntries(TOKEN_TYPES.map((type, index) => [type, index])) as Record<TokenType, number>;
export const MODIFIER_BIT: Readonly<Record<TokenModifier, number>> = Object.fromEntries(TOKEN_MODIFIERS.map((modifier, index) => [modifier, 1 << index])) as Record<TokenModifier, number>;

export { semanticTokens, semanticTokensEdits, type TokenLines } from './semanticTokens';
export { TOKEN_LEGEND, TOKEN_TYPES, TOKEN_MODIFIERS } from './legend';

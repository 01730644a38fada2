export { formatDocument, formatLines, formatEdits, applyEdits, type LineSpan } from './formatter';
export { formatOnType, ON_TYPE_TRIGGERS } from './onType';
export { indentUnit, type FormatOptions } from './formatOptions';

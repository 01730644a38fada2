export { findDefinition, findReferences, documentHighlights, occurrences } from './navigation';
export { prepareRename, rename, type PrepareRenameResult, type RenameResult } from './rename';
export { targetAt, type NavigationTarget } from './targets';
export { linkedEditingRanges, type LinkedEditing } from './linkedEditing';

export { foldingRanges, type FoldingOptions } from './foldingRanges';

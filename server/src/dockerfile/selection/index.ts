export { selectionRanges } from './selectionRanges';

export { documentSymbols } from './documentSymbols';

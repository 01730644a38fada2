// User text quoted inside a message. A binary file opened as a Dockerfile makes every line an
// unknown instruction whose "keyword" is raw bytes: shown as they are, control characters reached
// the terminal of `layerwise lint` and the editor's problem list, and a 1 MB line went into the
// message whole, once per diagnostic and on every edit.

/** How much of a word a message shows. */
const SHOWN_LENGTH = 40;

/** `text` for a message: control characters as `\xNN`, cut after SHOWN_LENGTH characters with `…`. */
export function shownText(text: string): string {
  let end = Math.min(text.length, SHOWN_LENGTH);
  // Never cut a surrogate pair in two.
  if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  let shown = '';
  let plainFrom = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code !== 0x7f) continue;
    shown += text.slice(plainFrom, i) + `\\x${code.toString(16).padStart(2, '0')}`;
    plainFrom = i + 1;
  }
  shown += text.slice(plainFrom, end);
  return end < text.length ? `${shown}…` : shown;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Past this length a message is cut in its middle (it quotes user text that is that long). */
const MESSAGE_LIMIT = 1000;

/**
 * `message` cut in its middle when it quotes a very long word (`FROM x AS <100 KB>`): its start
 * says what is wrong and its end how to fix it, and a diagnostic is sent on every edit.
 */
export function boundedMessage(message: string): string {
  if (message.length <= MESSAGE_LIMIT) return message;
  let head = MESSAGE_LIMIT * 0.6;
  let tail = message.length - MESSAGE_LIMIT * 0.3;
  if (isHighSurrogate(message.charCodeAt(head - 1))) head--;
  if (isHighSurrogate(message.charCodeAt(tail - 1))) tail++;
  return `${message.slice(0, head)} … ${message.slice(tail)}`;
}

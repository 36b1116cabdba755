/**
 * Text from data packs is untrusted: an escape sequence in a name could clear the screen,
 * move the cursor or set the window title. Every string is cleaned before it is shown.
 */

// CSI (ESC [ or the one-byte C1 CSI), OSC (ended by BEL or ST), and other two-character ESC sequences.
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
// C0 controls other than tab and newline, DEL, and C1 controls (0x9b is a one-byte CSI).
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes escape sequences and control characters; keeps newlines and tabs. */
export function sanitizeText(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '');
}

/** Like sanitizeText, and folds newlines and tabs into spaces: for one-line fields. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/[\t\n]+/g, ' ');
}

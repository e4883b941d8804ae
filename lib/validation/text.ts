import { z } from "zod";

// Every free-text field that comes in from outside is one of these. Control characters have no place in names, notes or
// searches, and NUL in particular cannot be stored in a Postgres text column (it used to surface as a 500).

/** C0 and C1 control characters and DEL, except tab, line feed and carriage return (allowed in multi-line text). */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Any control character: one-line fields take none. */
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;

/** Half of a UTF-16 surrogate pair on its own (JSON can carry one as "\\ud800"): not text in any encoding. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const CONTROL_MESSAGE = "Remove the special (control) characters";

/** True when `s` holds no control character (tab and line breaks allowed when `multiline`) and no lone surrogate. */
export function isPlainText(s: string, multiline = false): boolean {
  return !(multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(s) && !LONE_SURROGATE.test(s);
}

/** A one-line string: no control characters at all. Chain trim/min/max as usual. */
export const lineString = (message = CONTROL_MESSAGE) => z.string().refine((s) => isPlainText(s), message);

/** Multi-line text (notes, reasons, free-text answers): tabs and line breaks allowed, other control characters not. */
export const multilineString = (message = CONTROL_MESSAGE) => z.string().refine((s) => isPlainText(s, true), message);

/**
 * A person's name: letters of any script (with their combining marks), spaces, hyphens, apostrophes and full stops,
 * at least one letter. Digits, `:`, `/`, `<` and the like are refused, so a name cannot carry a sentence or a link
 * into the emails that greet the patient by name.
 */
export const PERSON_NAME = /^(?=.*\p{L})[\p{L}\p{M} '’.-]+$/u;

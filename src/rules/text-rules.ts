/**
 * Rules for free text that the server stores: names, descriptions, notes. The GraphQL input
 * decorators in src/schema/inputs/text-rules.ts and the spreadsheet import both apply them.
 */
import { length } from 'class-validator';

/**
 * A character that shows: not white space, not a format character (zero-width marks, the soft
 * hyphen, direction marks and isolates) and not one of the Hangul and Braille blanks that fonts
 * draw as nothing.
 */
const VISIBLE = /[^\s\p{Cf}\u115F\u1160\u180E\u2800\u3164\uFFA0]/u;

/**
 * Control characters (C0 other than tab, line feed and carriage return, DEL, and C1), and halves
 * of a UTF-16 pair without the other half. Both databases replace a broken pair when they store
 * it, and a control character means nothing in a name or a note while it can break exported
 * files and logs.
 */
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the purpose here
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Returns true when the text has at least one character that shows. */
export function hasVisibleCharacter(text: string): boolean {
  return VISIBLE.test(text);
}

/** Returns true when the text has no control character and no broken surrogate pair. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/**
 * Returns the first character that isStorableText rejects, as "U+0007 at character 2"
 * (counting from 1 in UTF-16 code units, as JavaScript does), or null when there is none.
 */
export function describeUnstorableCharacter(text: string): string | null {
  const match = UNSTORABLE.exec(text);
  if (!match) {
    return null;
  }
  const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `U+${code} at character ${match.index + 1}`;
}

/**
 * Checks free text of 1 to `max` characters against the rules of the RequiredText input
 * decorator: a character that shows, no control character or broken pair, and the length
 * that class-validator's Length counts. Returns null when the text passes, otherwise the rule
 * it breaks, worded to follow the value in a message.
 */
export function requiredTextProblem(text: string, max: number): string | null {
  if (text === '') {
    return 'is empty';
  }
  if (!length(text, 1, max)) {
    return `has ${[...text].length} characters, more than the ${max} allowed; shorten it`;
  }
  if (!hasVisibleCharacter(text)) {
    return 'must contain text, not only spaces or invisible characters';
  }
  const unstorable = describeUnstorableCharacter(text);
  if (unstorable) {
    return (
      `contains a control character or a broken Unicode character (${unstorable}), which ` +
      'cannot be stored; remove it'
    );
  }
  return null;
}

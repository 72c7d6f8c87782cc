import { Length, ValidateBy, type ValidationOptions } from 'class-validator';

/** A character that shows: not white space and not one of the zero-width marks. */
const VISIBLE = /[^\s\u200B-\u200D\u2060\uFEFF]/u;

/**
 * Control characters other than tab, line feed and carriage return, and halves of a UTF-16 pair
 * without the other half. Both databases replace a broken pair when they store it, and a control
 * character means nothing in a name or a note while it can break exported files and logs.
 */
const UNSTORABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the purpose here
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** Text free of control characters and broken surrogate pairs; null and undefined pass. */
export function StorableText(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'storableText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !UNSTORABLE.test(value),
        defaultMessage: () =>
          '$property contains a control character or a broken Unicode character; remove it',
      },
    },
    options,
  );
}

/** Text with at least one character that shows: not only spaces or zero-width marks. */
export function VisibleText(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'visibleText',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && VISIBLE.test(value),
        defaultMessage: () => '$property must contain text, not only spaces',
      },
    },
    options,
  );
}

/**
 * Requires free text of 1 to `max` characters with at least one that shows, so that a name, a
 * note or a data source made of blanks is rejected like an empty one.
 */
export function RequiredText(max: number, options: ValidationOptions = {}): PropertyDecorator {
  const rules = [Length(1, max, options), VisibleText(options), StorableText(options)];
  return (target, property) => {
    for (const rule of rules) {
      rule(target, property);
    }
  };
}

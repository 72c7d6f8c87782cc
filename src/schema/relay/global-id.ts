import { InvalidInputError } from '../../errors/app-errors';

/**
 * Encodes an opaque global ID: base64 of "<TypeName>:<database id>". Clients must treat it as
 * an opaque string.
 */
export function toGlobalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64');
}

/** Decoded parts of a global ID. */
export interface ResolvedGlobalId {
  typeName: string;
  id: number;
}

/** Decodes a global ID; returns null when it is not one this server issued. */
export function fromGlobalId(globalId: string): ResolvedGlobalId | null {
  if (globalId.length > 200) {
    return null;
  }
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const match = /^([A-Za-z]+):([1-9]\d{0,15})$/.exec(decoded);
  if (!match) {
    return null;
  }
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id) || toGlobalId(match[1], id) !== globalId) {
    // Lenient base64 decoding would accept padding changes and stray characters; only the
    // exact encoding this server issues is an ID.
    return null;
  }
  return { typeName: match[1], id };
}

/**
 * Decodes a global ID that must name an object of `typeName` and returns its database id.
 * Throws InvalidInputError naming the input field otherwise.
 */
export function decodeId(globalId: string, typeName: string, field: string): number {
  const resolved = fromGlobalId(globalId);
  if (!resolved) {
    throw new InvalidInputError(
      `${field} "${globalId.slice(0, 60)}" is not a valid ID: use the id field of ` +
        withArticle(typeName),
      field,
    );
  }
  if (resolved.typeName !== typeName) {
    throw new InvalidInputError(
      `${field} is the ID of ${withArticle(resolved.typeName)}, but ` +
        `${withArticle(typeName)} ID is required`,
      field,
    );
  }
  return resolved.id;
}

/** Puts "a" or "an" before a type name, by its first letter: "an Opd", "a Contract", "a User". */
function withArticle(typeName: string): string {
  return /^[AEIO]/.test(typeName) ? `an ${typeName}` : `a ${typeName}`;
}

/** Decodes an optional global ID; null and undefined pass through as null. */
export function decodeOptionalId(
  globalId: string | null | undefined,
  typeName: string,
  field: string,
): number | null {
  return globalId == null ? null : decodeId(globalId, typeName, field);
}

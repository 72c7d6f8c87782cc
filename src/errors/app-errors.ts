/**
 * The project's error vocabulary. Services throw these; the API layer turns them into GraphQL
 * errors or mutation user errors with the same code. Any other error is a bug: it is logged
 * and reaches the client only as INTERNAL_SERVER_ERROR without details.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** Base class: a message meant for the client, a stable code, and the input field if any. */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Input that is malformed regardless of the data stored: a bad global ID, a page size out of
 * range. Always a top-level error, also inside mutations.
 */
export class InvalidInputError extends AppError {
  readonly code = ErrorCode.BAD_USER_INPUT;
}

/** One broken rule on one input field. */
export interface FieldViolation {
  field: string;
  message: string;
}

/**
 * Input that is well-formed but breaks business rules, such as weights that do not sum to 100.
 * Carries every violation found; mutations report each one in `userErrors`.
 */
export class BusinessRuleError extends AppError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  readonly violations: FieldViolation[];

  constructor(message: string, field: string | null = null, violations?: FieldViolation[]) {
    super(message, field);
    this.violations = violations ?? (field ? [{ field, message }] : []);
  }

  /** Throws one error that lists every violation; does nothing for an empty list. */
  static throwIfAny(violations: readonly FieldViolation[]): void {
    if (violations.length > 0) {
      const [first] = violations;
      throw new BusinessRuleError(first.message, first.field, [...violations]);
    }
  }
}

/**
 * A password given to confirm a change is not the user's current one. Mutations report it in
 * `userErrors`, and the login throttle counts it like a failed sign-in.
 */
export class IncorrectPasswordError extends BusinessRuleError {}

/** A referenced record does not exist. Mutations report it in `userErrors`. */
export class NotFoundError extends AppError {
  readonly code = ErrorCode.NOT_FOUND;
}

/**
 * The request clashes with the current state: a duplicate, a contract in the wrong stage, a
 * locked evaluation. Mutations report it in `userErrors`, one per listed item when `items`
 * names several things in the way.
 */
export class ConflictError extends AppError {
  readonly code = ErrorCode.CONFLICT;

  constructor(
    message: string,
    field: string | null = null,
    readonly items: FieldViolation[] = [],
  ) {
    super(message, field);
  }
}

/** No valid credentials. Always a top-level error. */
export class UnauthenticatedError extends AppError {
  readonly code = ErrorCode.UNAUTHENTICATED;
}

/** Signed in, but not allowed to do this. Always a top-level error. */
export class ForbiddenError extends AppError {
  readonly code = ErrorCode.FORBIDDEN;
}

/**
 * Too many recent attempts; the caller must wait `retryAfterSeconds`. Always a top-level error,
 * sent with HTTP status 429 and a Retry-After header.
 */
export class TooManyRequestsError extends AppError {
  readonly code = ErrorCode.TOO_MANY_REQUESTS;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }

  /** GraphQL error extensions; Apollo Server turns `http` into the response status and headers. */
  get extensions(): Record<string, unknown> {
    return {
      code: this.code,
      http: retryAfterHead(429, this.retryAfterSeconds),
    };
  }
}

/**
 * The database is unreachable or too busy to serve the request in time. Always a top-level
 * error, sent with HTTP status 503 and a Retry-After header.
 */
export class ServiceUnavailableError extends AppError {
  readonly code = ErrorCode.SERVICE_UNAVAILABLE;

  /** GraphQL error extensions; Apollo Server turns `http` into the response status and headers. */
  get extensions(): Record<string, unknown> {
    return { code: this.code, http: retryAfterHead(503, SERVICE_RETRY_AFTER_SECONDS) };
  }
}

/** Seconds a client is asked to wait before retrying after SERVICE_UNAVAILABLE. */
export const SERVICE_RETRY_AFTER_SECONDS = 5;

function retryAfterHead(status: number, seconds: number) {
  return { status, headers: new Map([['retry-after', String(seconds)]]) };
}

/** Errors that mutations return as `userErrors` instead of raising. */
export function isUserFacingRuleError(
  error: unknown,
): error is BusinessRuleError | NotFoundError | ConflictError {
  return (
    error instanceof BusinessRuleError ||
    error instanceof NotFoundError ||
    error instanceof ConflictError
  );
}

/** Shortens a value for an error message so a hostile 10 kB string is not echoed back whole. */
export function describeValue(value: unknown, maxLength = 80): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > maxLength ? `${text.slice(0, maxLength)}...` : text;
}

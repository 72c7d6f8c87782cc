import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { SECRET_FIELD_NAME } from '../auth/secret-fields';
import { databaseUnavailableError, isDatabaseUnavailable } from '../database/database-errors';
import { AppError, BusinessRuleError, describeValue, ErrorCode } from '../errors/app-errors';
import type { Logger } from '../logging/logger';
import { currentRequestContext } from '../logging/request-context';

/** A failed class-validator check, flattened to one input path. */
interface FieldProblem {
  field: string;
  message: string;
}

/** Options of the error formatter. */
export interface ErrorFormatOptions {
  /** Remove GraphQL's "Did you mean ...?" hints, which reveal schema names. */
  hideSuggestions: boolean;
}

/**
 * Shapes every error sent to clients. Errors of the project's vocabulary keep their message,
 * code and field. class-validator failures become BAD_USER_INPUT naming each field, its value
 * and the rule. GraphQL's own errors (parse, validation, variable coercion) pass through. A
 * database that cannot be reached gives SERVICE_UNAVAILABLE. Every other error is logged with
 * the request id and sent only as INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(log: Logger, options: ErrorFormatOptions) {
  const format = createCodeFormatter(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    let message = hideSecretValues(result.message, error);
    if (options.hideSuggestions) {
      message = message.replace(SUGGESTION, '');
    }
    if (INTROSPECTION_DISABLED.test(message)) {
      message = 'Introspection is turned off on this server; see GRAPHQL_INTROSPECTION';
    }
    return message === result.message ? result : { ...result, message };
  };
}

/** Apollo Server's rejection of an introspection query, which names an option of its own. */
const INTROSPECTION_DISABLED = /^GraphQL introspection is not allowed/;

/**
 * A secret field and its value as graphql-js prints an input object in a coercion error, such as
 * `password: "abc"` in `{ username: "admin", password: "abc" }` or `newPassword: "abc"`.
 */
const PRINTED_SECRET =
  /\b(\w*(?:password|secret)\w*\s*:\s*)("(?:[^"\\]|\\.)*"|\[[^\]]*\]|[^,}\s]+)/gi;

/** A variable's invalid value at a secret field, as in `got invalid value 12 at "i.password"`. */
const SECRET_PATH_VALUE = /got invalid value (.+?) at "[^"]*(?:password|secret)\w*"/i;

/** Text that ends where the value of a secret field begins in a query document. */
const BEFORE_SECRET_LITERAL = /\b\w*(?:password|secret)\w*\s*:\s*$/i;

/**
 * Removes the values of secret fields from a message. graphql-js quotes the whole input object
 * when a variable has the wrong shape, and the literal itself when an inline value has the wrong
 * type. Either would send a password back to the caller.
 */
function hideSecretValues(message: string, error: unknown): string {
  let hidden = message;
  const atSecretPath = SECRET_PATH_VALUE.exec(hidden);
  if (atSecretPath) {
    hidden = hidden.split(atSecretPath[1]).join('(hidden)');
  }
  hidden = hidden.replace(PRINTED_SECRET, '$1(hidden)');
  const nodes = error instanceof GraphQLError ? (error.nodes ?? []) : [];
  for (const node of nodes) {
    const location = node.loc;
    if (!location) {
      continue;
    }
    const body = location.source.body;
    const before = body.slice(Math.max(0, location.start - 60), location.start);
    const literal = body.slice(location.start, location.end);
    if (literal !== '' && BEFORE_SECRET_LITERAL.test(before)) {
      hidden = hidden.split(literal).join('(hidden)');
    }
  }
  return hidden;
}

/** GraphQL's hint at the end of a message, such as ` Did you mean "plans"?`. */
const SUGGESTION = / ?Did you mean (.+?)\?$/;

/** Minimum time between two warnings about an unavailable database, in milliseconds. */
const UNAVAILABLE_WARNING_INTERVAL_MS = 10000;

function createCodeFormatter(log: Logger) {
  const warnUnavailable = createUnavailableWarning(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapOriginalError(error);
    if (isDatabaseUnavailable(original)) {
      warnUnavailable(original, formatted.path);
      return {
        message: databaseUnavailableError().message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
      };
    }

    if (original instanceof AppError) {
      const extensions: Record<string, unknown> = { code: original.code };
      if (original.field) {
        extensions.field = original.field;
      }
      if (original instanceof BusinessRuleError && original.violations.length > 1) {
        extensions.violations = original.violations;
      }
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions,
      };
    }

    const validationErrors = readValidationErrors(formatted);
    if (validationErrors) {
      const problems = flattenValidationErrors(validationErrors, '');
      return {
        message: `Invalid input: ${problems.map((problem) => problem.message).join('; ')}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields: problems },
      };
    }

    const code = formatted.extensions?.code;
    if (code && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...formatted, extensions: { code } };
    }
    if (isClientRequestError(original)) {
      return { ...formatted, extensions: { code: ApolloServerErrorCode.BAD_REQUEST } };
    }

    log.error(
      { err: original, requestId: currentRequestContext()?.requestId, path: formatted.path },
      'unexpected error while executing a request',
    );
    return {
      message:
        'Internal server error; the request id in the response header identifies it in the logs',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/**
 * Tells whether Apollo Server rejected the request itself with a 4xx status but no code, as it
 * does for an automatic persisted query whose hash does not match its text.
 */
function isClientRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) {
    return false;
  }
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Logs a database outage at most once per UNAVAILABLE_WARNING_INTERVAL_MS, with the number of
 * failures left unlogged since the last warning, so an outage does not flood the log. Each
 * failed request still has its error code in the request log line.
 */
function createUnavailableWarning(log: Logger) {
  let lastWarningAt = -Infinity;
  let unlogged = 0;
  return (error: unknown, path: GraphQLFormattedError['path']) => {
    const now = Date.now();
    if (now - lastWarningAt < UNAVAILABLE_WARNING_INTERVAL_MS) {
      unlogged += 1;
      return;
    }
    const requestId = currentRequestContext()?.requestId;
    log.warn(
      { err: error, requestId, path, unloggedSinceLastWarning: unlogged },
      'database unavailable while executing a request',
    );
    lastWarningAt = now;
    unlogged = 0;
  };
}

/**
 * Returns the error a resolver or the context factory threw. Apollo Server wraps a context
 * factory's error without a path, which `unwrapResolverError` leaves alone.
 */
function unwrapOriginalError(error: unknown): unknown {
  const unwrapped = unwrapResolverError(error);
  if (unwrapped instanceof GraphQLError && unwrapped.originalError instanceof AppError) {
    return unwrapped.originalError;
  }
  return unwrapped;
}

function readValidationErrors(formatted: GraphQLFormattedError): ValidationError[] | null {
  const errors = formatted.extensions?.validationErrors;
  return Array.isArray(errors) ? (errors as ValidationError[]) : null;
}

function flattenValidationErrors(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = joinPath(prefix, error.property);
    const shown = SECRET_FIELD_NAME.test(error.property) ? '(hidden)' : describeValue(error.value);
    const own = Object.values(error.constraints ?? {}).map((rule) => ({
      field,
      message: `${field} = ${shown}: ${rule}`,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

function joinPath(prefix: string, property: string): string {
  if (/^\d+$/.test(property)) {
    return `${prefix}[${property}]`;
  }
  return prefix ? `${prefix}.${property}` : property;
}

import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ValidationError } from 'class-validator';
import { AppError, BusinessRuleError, describeValue, ErrorCode } from '../errors/app-errors';
import type { Logger } from '../logging/logger';
import { currentRequestContext } from '../logging/request-context';

/** A failed class-validator check, flattened to one input path. */
interface FieldProblem {
  field: string;
  message: string;
}

/**
 * Shapes every error sent to clients. Errors of the project's vocabulary keep their message,
 * code and field; class-validator failures become BAD_USER_INPUT naming each field, its value
 * and the rule; GraphQL's own errors (parse, validation, variable coercion) pass through; every
 * other error is logged with the request id and sent only as INTERNAL_SERVER_ERROR.
 */
export function createErrorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);

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

function readValidationErrors(formatted: GraphQLFormattedError): ValidationError[] | null {
  const errors = formatted.extensions?.validationErrors;
  return Array.isArray(errors) ? (errors as ValidationError[]) : null;
}

function flattenValidationErrors(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = joinPath(prefix, error.property);
    const own = Object.values(error.constraints ?? {}).map((rule) => ({
      field,
      message: `${field} = ${describeValue(error.value)}: ${rule}`,
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

/**
 * Names of fields whose values are secret: every name that contains "password", "secret" or
 * "token" in any case, such as password, currentPassword and newPassword. Their values never
 * reach an audit digest or an error message.
 */
export const SECRET_FIELD_NAME = /password|secret|token/i;

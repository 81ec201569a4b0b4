/**
 * Error bodies as WorkOS writes them. The spec documents most as `{ message }`
 * (404/422) or `{ code, message }`; OAuth-style ones as `{ error, error_description }`.
 */

export interface MessageError {
  message: string;
  code?: string;
}

export interface OAuthError {
  error: string;
  error_description: string;
}

type Entity =
  | 'User'
  | 'Organization'
  | 'Organization membership'
  | 'Session'
  | 'Magic Auth'
  | 'Email verification'
  | 'Password reset'
  | 'Invitation'
  | 'Authentication factor'
  | 'Authentication challenge';

/** `User not found: 'user_01…'.` — the spec's own example wording. */
export function entityNotFound(
  entity: Entity,
  id: string,
): MessageError & { code: 'entity_not_found'; entity_id: string } {
  const shown = id.slice(0, 100);
  return { code: 'entity_not_found', entity_id: shown, message: `${entity} not found: '${shown}'.` };
}

/** Wrong or missing API key. The SDK maps any 401 to `UnauthorizedException`. */
export const UNAUTHORIZED: MessageError = { message: 'Unauthorized' };

export function invalidParameters(message: string): MessageError & { code: 'invalid_request_parameters' } {
  return { code: 'invalid_request_parameters', message };
}

/**
 * Wrong password and unknown email share one answer (the spec's 400 `invalid_credentials`),
 * so the API never reveals whether an account exists.
 */
export const INVALID_CREDENTIALS = { code: 'invalid_credentials', message: 'Invalid credentials.' } as const;

export function oauthError(error: string, description: string): OAuthError {
  return { error, error_description: description };
}

export function routeNotFound(method: string, path: string): MessageError {
  return { message: `Cannot ${method} ${path.slice(0, 200)}` };
}

export const INTERNAL_ERROR: MessageError = { message: 'Internal Server Error' };

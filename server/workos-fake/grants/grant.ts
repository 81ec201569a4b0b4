import type { FakeContext } from '../context.ts';
import type { MessageError, OAuthError } from '../errors.ts';
import type { MultiStepAnswer } from '../multi-step.ts';
import type { AuthenticateResponse } from '../sign-in.ts';

export interface GrantRequest {
  fake: FakeContext;
  /** The request body, parsed but not yet validated beyond `grant_type`/`client_id`. */
  body: Record<string, unknown>;
  /** Base URL the client called (for the token's default `iss`). */
  origin: string;
}

export type GrantResult =
  | { status: 200; body: AuthenticateResponse }
  | MultiStepAnswer
  | { status: 400; body: MessageError | OAuthError }
  | { status: 422; body: MessageError };

/** One per grant_type of POST /user_management/authenticate. */
export interface Grant {
  /** Every grant of the spec but device_code authenticates the client with `client_secret`. */
  needsClientSecret: boolean;
  handle(request: GrantRequest): Promise<GrantResult>;
}

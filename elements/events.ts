import type { PasskeySummary, StepName } from '../protocol/messages.ts';
import type { ClientErrorCode } from './api.ts';

/**
 * Every event the elements dispatch (`<workos-login>`, `<workos-passkeys>`), typed once. All bubble and cross shadow roots
 * (`composed`) so a theme can listen on `document`.
 */

export interface SignedInDetail {
  /** Where the element is about to go; already validated by WordPress. */
  redirectTo: string;
}

export interface ErrorDetail {
  code: ClientErrorCode;
  /** What the visitor was shown. */
  message: string;
}

export interface StepDetail {
  /** The step WordPress asked for (`code_sent`, `mfa_challenge`, …), now showing. */
  step: StepName;
}

/** The visitor is signed in to WordPress. Cancel it (`preventDefault()`) to stay on the page. */
export class WorkosSignedInEvent extends CustomEvent<SignedInDetail> {
  static readonly eventName = 'workos-signed-in';

  constructor(detail: SignedInDetail) {
    super(WorkosSignedInEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

/** A sign-in attempt failed with a message the visitor now sees. */
export class WorkosErrorEvent extends CustomEvent<ErrorDetail> {
  static readonly eventName = 'workos-error';

  constructor(detail: ErrorDetail) {
    super(WorkosErrorEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** WordPress answered with a further step (also when the element resumes at one). */
export class WorkosStepEvent extends CustomEvent<StepDetail> {
  static readonly eventName = 'workos-step';

  constructor(detail: StepDetail) {
    super(WorkosStepEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

export interface PasskeyAddedDetail {
  /** The new passkey as the list shows it (never its public key). */
  passkey: PasskeySummary;
}

export interface PasskeyRemovedDetail {
  /** Credential ids (base64url) of the passkeys removed: one, or all of the user's. */
  ids: string[];
}

/** `<workos-passkeys>`: a passkey was created and saved. */
export class WorkosPasskeyAddedEvent extends CustomEvent<PasskeyAddedDetail> {
  /* A getter, not a static field: the sign-in bundle, which never sends it, can then leave the class out. */
  // eslint-disable-next-line @typescript-eslint/class-literal-property-style -- see above
  static get eventName(): 'workos-passkey-added' {
    return 'workos-passkey-added';
  }

  constructor(detail: PasskeyAddedDetail) {
    super(WorkosPasskeyAddedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

/** `<workos-passkeys>`: one passkey was deleted, or all of a user's were removed. */
export class WorkosPasskeyRemovedEvent extends CustomEvent<PasskeyRemovedDetail> {
  /* A getter, not a static field: the sign-in bundle, which never sends it, can then leave the class out. */
  // eslint-disable-next-line @typescript-eslint/class-literal-property-style -- see above
  static get eventName(): 'workos-passkey-removed' {
    return 'workos-passkey-removed';
  }

  constructor(detail: PasskeyRemovedDetail) {
    super(WorkosPasskeyRemovedEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'workos-signed-in': WorkosSignedInEvent;
    'workos-error': WorkosErrorEvent;
    'workos-step': WorkosStepEvent;
    'workos-passkey-added': WorkosPasskeyAddedEvent;
    'workos-passkey-removed': WorkosPasskeyRemovedEvent;
  }
}

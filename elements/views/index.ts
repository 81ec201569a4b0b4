import { codeSent } from './code.ts';
import { ssoEmail } from './sso-email.ts';
import { start } from './start.ts';
import type { CSSResult } from 'lit';
import type { Defaults } from '../strings.ts';
import type { ViewName, Views } from './view.ts';

/** Views in the initial bundle: the first screen with every method, and the magic code step. */
export const VIEWS: Views = {
  start,
  sso_email: ssoEmail,
  code_sent: codeSent,
};

/** A view module: its views, the English defaults of their strings, and the styles only they use. */
type Loader = () => Promise<{ views: Views; strings: Defaults; styles?: CSSResult | CSSResult[] }>;

const signup: Loader = () => import('./signup.ts');
const reset: Loader = () => import('./reset.ts');
const mfa: Loader = () => import('./mfa.ts');

/** Views only some sign-ins meet, each module fetched the first time one of its views shows. */
export const LAZY: Partial<Record<ViewName, Loader>> = {
  signup,
  email_verify: signup,
  invitation: () => import('./invitation.ts'),
  reset_request: reset,
  reset_sent: reset,
  reset_confirm: reset,
  mfa_challenge: mfa,
  mfa_code: mfa,
  mfa_enroll: () => import('./mfa-enroll.ts'),
  org_select: () => import('./org-select.ts'),
};

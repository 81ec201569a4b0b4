/** Entry of the sign-in bundle: importing it defines `<workos-login>`. */
export { WorkosLogin } from './workos-login.ts';
export { WorkosErrorEvent, WorkosSignedInEvent, WorkosStepEvent } from './events.ts';

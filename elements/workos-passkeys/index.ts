/** Entry of `build/elements/workos-passkeys.js`: importing it defines `<workos-passkeys>` (profile screens). */
export { WorkosPasskeys } from './workos-passkeys.ts';
export { WorkosPasskeyAddedEvent, WorkosPasskeyRemovedEvent } from '../events.ts';

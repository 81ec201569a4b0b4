/** Editor script of `workos/login-button`: block.json is the source of truth, the server renders. */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';
import metadata from './block.json';
import { Edit, type LoginButtonAttributes } from './edit.tsx';

registerBlockType(metadata as unknown as BlockConfiguration<LoginButtonAttributes>, {
  edit: Edit,
  // Dynamic block: who is signed in is known only when the page is served.
  save: () => null,
});

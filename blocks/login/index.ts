/** Editor script of `workos/login`: block.json is the source of truth, the server renders. */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';
import metadata from './block.json';
import { Edit, type LoginAttributes } from './edit.tsx';

registerBlockType(metadata as unknown as BlockConfiguration<LoginAttributes>, {
  edit: Edit,
  // Dynamic block: render.php prints it, so the post stores only the comment with attributes.
  save: () => null,
});

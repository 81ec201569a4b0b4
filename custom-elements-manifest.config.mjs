/**
 * `npx cem analyze --config custom-elements-manifest.config.mjs` writes ./custom-elements.json
 * from the JSDoc on the elements (attributes, events, parts, CSS properties).
 */
export default {
  globs: ['elements/**/*.ts'],
  exclude: ['elements/**/*.test.ts', 'elements/test/**'],
  outdir: '.',
  litelement: true,
};

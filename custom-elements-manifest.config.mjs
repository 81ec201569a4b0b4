/**
 * `npx cem analyze --config custom-elements-manifest.config.mjs` writes ./custom-elements.json
 * from the JSDoc on the elements (attributes, events, parts, CSS properties).
 */

/**
 * The element declares its reactive properties in `static properties` (smaller than decorators):
 * the analyzer would list its private state as attributes too, and name an event after whatever
 * `dispatchEvent(new …)` is passed. Keep what the element documents: public attributes, and the
 * `workos-*` events its JSDoc lists (`@fires`).
 */
/** @returns {import('@custom-elements-manifest/analyzer').Plugin} */
function documentedOnly() {
  return {
    name: 'workos-documented-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const found of module.declarations ?? []) {
          /** @type {import('custom-elements-manifest/schema').CustomElementDeclaration & Partial<import('custom-elements-manifest/schema').CustomElement>} */
          const declaration = found;
          if (!declaration.customElement) continue;
          const hidden = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name));
          declaration.attributes = declaration.attributes?.filter((a) => !hidden.has(a.fieldName));
          declaration.events = declaration.events?.filter((e) => e.name?.startsWith('workos-'));
        }
      }
    },
  };
}

export default {
  globs: ['elements/**/*.ts'],
  // Views (and the passkey module, and <workos-passkeys>'s parts) are the elements' insides, not their API.
  exclude: [
    'elements/**/*.test.ts',
    'elements/test/**',
    'elements/views/**',
    'elements/passkey/**',
    'elements/workos-passkeys/!(index|workos-passkeys).ts',
  ],
  outdir: '.',
  litelement: true,
  plugins: [documentedOnly()],
};

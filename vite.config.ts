import { defineConfig } from 'vite';
import { builtinModules } from 'node:module';

/**
 * Two builds from one config:
 *  - `vite build`               → build/elements/ : the <workos-login> bundle (ES modules, code-split)
 *  - `vite build --mode server` → build/server/   : the login server (Node 22, ESM)
 */
export default defineConfig(({ mode }) => {
  if (mode === 'server') {
    return {
      build: {
        ssr: 'server/index.ts',
        outDir: 'build/server',
        target: 'node22',
        emptyOutDir: true,
        sourcemap: true,
        rollupOptions: {
          external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
          output: { entryFileNames: 'index.js', format: 'es' },
        },
      },
      ssr: { noExternal: true },
    };
  }
  return {
    build: {
      outDir: 'build/elements',
      target: 'es2022',
      emptyOutDir: true,
      sourcemap: true,
      modulePreload: false,
      manifest: true,
      // An app build (not library mode), so the output is minified; the entry keeps a fixed name
      // for WordPress to enqueue, chunks loaded later are content-hashed.
      rollupOptions: {
        input: { 'workos-login': 'elements/index.ts' },
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  };
});

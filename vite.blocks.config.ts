import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/**
 * `vite build -c vite.blocks.config.ts` → build/blocks/<name>/index.js + index.asset.php, one
 * editor script per folder in blocks/ that has an index.ts (block.json names the file), and
 * build/admin/<screen>/index.js + index.asset.php, one script per wp-admin screen folder in
 * admin/ that has an index.tsx (includes/admin/ enqueues it). Both are WordPress classic scripts,
 * so they share this one build.
 *
 * WordPress loads editor scripts as classic scripts with its packages as globals, so each is an
 * IIFE in which every `@wordpress/*` import, `react` and `react-dom` is external (`wp.blocks`,
 * `React`, …), and `index.asset.php` lists the matching script handles for WordPress to load
 * first. JSX is classic (`createElement` from `@wordpress/element`): the automatic runtime would
 * need the `react-jsx-runtime` handle, which WordPress 6.5 lacks — it then skips the script
 * silently. IIFE builds take one entry each, so every script is its own Vite environment.
 */

/** `@wordpress/block-editor` → `blockEditor`. */
const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The folders of `root` holding `entry`, each a script built to build/<root>/<folder>/index.js. */
function scripts(root: string, entry: string, prefix: string) {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((dir) => dir.isDirectory() && existsSync(`${root}/${dir.name}/${entry}`))
    .map((dir) => ({
      environment: `${prefix}_${camel(dir.name)}`,
      input: `${root}/${dir.name}/${entry}`,
      outDir: `build/${root}/${dir.name}`,
    }));
}

const SCRIPTS = [...scripts('blocks', 'index.ts', 'block'), ...scripts('admin', 'index.tsx', 'admin')];

const GLOBALS: Record<string, { global: string; handle: string }> = {
  react: { global: 'React', handle: 'react' },
  'react-dom': { global: 'ReactDOM', handle: 'react-dom' },
};

/** The WordPress global and script handle of an external import, or null for bundled code. */
export function wordpressExternal(id: string): { global: string; handle: string } | null {
  if (GLOBALS[id]) return GLOBALS[id];
  const match = /^@wordpress\/([a-z0-9-]+)$/.exec(id);
  return match ? { global: `wp.${camel(match[1])}`, handle: `wp-${match[1]}` } : null;
}

/** Writes `index.asset.php` beside each entry: its WordPress dependencies and a content hash. */
function wordpressAssetFile(): Plugin {
  return {
    name: 'workos-wordpress-asset-file',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const handles = chunk.imports.flatMap((id) => wordpressExternal(id)?.handle ?? []);
        const version = createHash('sha256').update(chunk.code).digest('hex').slice(0, 20);
        const list = [...new Set(handles)]
          .sort()
          .map((handle) => `'${handle}'`)
          .join(', ');
        this.emitFile({
          type: 'asset',
          fileName: chunk.fileName.replace(/\.js$/, '.asset.php'),
          source: `<?php return array( 'dependencies' => array( ${list} ), 'version' => '${version}' );\n`,
        });
      }
    },
  };
}

export default defineConfig({
  oxc: { jsx: { runtime: 'classic', pragma: 'createElement', pragmaFrag: 'Fragment' } },
  plugins: [wordpressAssetFile()],
  logLevel: 'warn',
  builder: {
    async buildApp(builder) {
      for (const { environment } of SCRIPTS) await builder.build(builder.environments[environment]);
    },
  },
  environments: Object.fromEntries(
    SCRIPTS.map(({ environment, input, outDir }) => [
      environment,
      {
        consumer: 'client' as const,
        build: {
          outDir,
          emptyOutDir: true,
          target: 'es2020',
          sourcemap: true,
          copyPublicDir: false,
          rollupOptions: {
            input,
            external: (id: string) => wordpressExternal(id) !== null,
            output: {
              format: 'iife' as const,
              entryFileNames: 'index.js',
              globals: (id: string) => wordpressExternal(id)?.global ?? id,
            },
          },
        },
      },
    ]),
  ),
});

import { defineConfig, type Plugin } from 'vite';
import { builtinModules } from 'node:module';

const ENTRY = /[\\/]elements[\\/]index\.ts$/;

/**
 * Vite wraps each `import()` in a helper that preloads the chunk's CSS and dependencies. The
 * element has no CSS and preloads nothing (`modulePreload: false`), so the wrapper is dead weight
 * (~1 KB gzip of the initial budget): unwrap the calls and the minifier drops the helper.
 */
function unwrapPreload(): Plugin {
  return {
    name: 'workos-unwrap-preload',
    apply: 'build',
    renderChunk(code) {
      const unwrapped = code.replace(/__vitePreload\(\(\) => (import\("[^"]+"\)), __VITE_PRELOAD__\)/g, '$1');
      return unwrapped === code ? null : { code: unwrapped, map: null };
    },
  };
}

/**
 * Minifies the element's static CSS (`css\`…\`` without `${}`): comments out, whitespace collapsed.
 * Only spaces that never matter go: around braces, semicolons and commas, and after colons (a
 * space before a colon is a descendant combinator, so it stays).
 */
function minifyCss(): Plugin {
  return {
    name: 'workos-minify-css',
    apply: 'build',
    transform: {
      filter: { id: /[\\/]elements[\\/].*\.ts$/, code: 'css`' },
      handler(code) {
        const minified = code.replace(/\bcss`([^`$]*)`/g, (_, text: string) => {
          const css = text
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}')
            .trim();
          return `css\`${css}\``;
        });
        return minified === code ? null : { code: minified, map: null };
      },
    },
  };
}

/**
 * Drops the indentation after line breaks inside the element's `html\`…\`` templates (HTML treats
 * a line break alone as the same whitespace). Line breaks stay, so line numbers in source maps do.
 */
function trimHtmlIndentation(): Plugin {
  interface Node {
    type?: string;
    start: number;
    end: number;
    [key: string]: unknown;
  }
  return {
    name: 'workos-trim-html-indentation',
    apply: 'build',
    enforce: 'post',
    transform: {
      filter: { id: /[\\/]elements[\\/].*\.ts$/, code: 'html`' },
      handler(code) {
        const edits: Array<[number, number, string]> = [];
        const visit = (value: unknown): void => {
          if (Array.isArray(value)) return value.forEach(visit);
          if (!value || typeof value !== 'object') return;
          const node = value as Node;
          const tag = node.tag as Node & { name?: string };
          if (node.type === 'TaggedTemplateExpression' && tag.type === 'Identifier' && tag.name === 'html') {
            for (const quasi of (node.quasi as { quasis: Node[] }).quasis) {
              const raw = code.slice(quasi.start, quasi.end);
              const trimmed = raw.replace(/[ \t]*\n[ \t]+/g, '\n');
              if (trimmed !== raw && raw === (quasi.value as { raw: string }).raw)
                edits.push([quasi.start, quasi.end, trimmed]);
            }
          }
          for (const key of Object.keys(node)) if (key !== 'type' && key !== 'start' && key !== 'end') visit(node[key]);
        };
        visit(this.parse(code));
        if (!edits.length) return null;
        let out = code;
        for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0]))
          out = out.slice(0, start) + text + out.slice(end);
        return { code: out, map: null };
      },
    },
  };
}

/**
 * Two builds from one config:
 *  - `vite build`               → build/elements/ : the <workos-login> bundle (ES modules, code-split)
 *                                 and, after it, the <workos-passkeys> bundle (profile screens)
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
          // One file, dynamic imports included: the release package (scripts/dist.ts) is this file,
          // a bin that checks Node's version, and examples — nothing to install beside it.
          output: { entryFileNames: 'index.js', format: 'es', codeSplitting: false },
        },
      },
      ssr: { noExternal: true },
    };
  }
  return {
    plugins: [unwrapPreload(), minifyCss(), trimHtmlIndentation()],
    // Two environments, built one after the other into build/elements/. `<workos-passkeys>` is its
    // own build, not a second entry of the first: a second entry would share Lit with
    // `<workos-login>`, so one of them would load the other's `core` chunk (or Lit would move to a
    // chunk of its own, costing the sign-in element's initial budget).
    builder: {
      async buildApp(builder) {
        await builder.build(builder.environments.client);
        await builder.build(builder.environments.passkeys);
      },
    },
    environments: {
      client: {
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
            output: {
              format: 'es',
              entryFileNames: '[name].js',
              chunkFileNames: 'chunks/[name]-[hash].js',
              // WordPress serves the entry as `workos-login.js?ver=<mtime>`. A lazy chunk importing
              // shared code from `../workos-login.js` would name another URL, so the browser would run
              // the entry twice (and define the element twice). Everything the entry needs lives in
              // one `core` chunk instead: the entry re-exports it, the lazy chunks import it, and every
              // URL is relative (`import.meta.url`), right wherever the plugin is installed.
              codeSplitting: {
                groups: [{ name: 'core', tags: ['$initial'], test: (id: string) => !ENTRY.test(id) }],
              },
            },
          },
        },
      },
      // `<workos-passkeys>`: one self-contained file (its own Lit), for the profile screens only.
      passkeys: {
        consumer: 'client',
        build: {
          outDir: 'build/elements',
          target: 'es2022',
          emptyOutDir: false,
          sourcemap: true,
          modulePreload: false,
          manifest: '.vite/passkeys-manifest.json',
          rollupOptions: {
            input: { 'workos-passkeys': 'elements/workos-passkeys/index.ts' },
            preserveEntrySignatures: 'exports-only',
            output: {
              format: 'es',
              entryFileNames: '[name].js',
              chunkFileNames: 'chunks/passkeys-[name]-[hash].js',
            },
          },
        },
      },
    },
  };
});

#!/usr/bin/env node
/**
 * workos-login-server [--check | --version]
 *
 * Checks the Node.js version before anything else loads (the server needs what package.json's
 * `engines` says, as its WorkOS SDK does), then starts the login server from ../index.js; with
 * `--check` it validates the configuration, reaches WorkOS once and exits (0 ready, 1 WorkOS
 * refused or unreachable, 78 configuration invalid). Written in plain JavaScript that older Node
 * versions still parse, so they print this message rather than a syntax error.
 */
import { readFileSync } from 'node:fs';

/** @type {{ version: string, engines: { node: string } }} */
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const wanted = /^>=\s*(\d+)\.(\d+)/.exec(pkg.engines.node);
const [major, minor] = process.versions.node.split('.').map(Number);
if (!wanted || major < Number(wanted[1]) || (major === Number(wanted[1]) && minor < Number(wanted[2]))) {
  process.stderr.write(
    `workos-login-server ${pkg.version} needs Node.js ${pkg.engines.node}; ` +
      `this is Node.js ${process.versions.node} (${process.execPath}). Install Node.js 22 LTS or newer.\n`,
  );
  process.exit(1);
}
if (process.argv.length === 3 && process.argv[2] === '--version') {
  process.stdout.write(`${pkg.version}\n`);
  process.exit(0);
}
await import('../index.js');

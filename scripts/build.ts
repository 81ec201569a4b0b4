/** Builds the element bundle, the login server and the block editor scripts (what `npm start` and the tests run). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './stack.ts';

export function build(): void {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  for (const args of [
    ['build', '--logLevel', 'warn'],
    ['build', '--mode', 'server', '--logLevel', 'warn'],
    ['build', '-c', 'vite.blocks.config.ts', '--logLevel', 'warn'],
  ]) {
    const result = spawnSync(process.execPath, [vite, ...args], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`vite ${args.join(' ')} failed`);
  }
}

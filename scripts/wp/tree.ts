/**
 * Gives each site its own file tree of the shared core, cheaply: hard links (same disk, near
 * instant, no extra space), falling back to copies across disks. Every file then lives at the
 * site's own path, so `__DIR__` in wp-admin/*.php finds the site's wp-load.php and wp-config.php
 * (a symlinked folder would resolve to the shared core and its missing config).
 * Nothing here writes to core files, so sharing their inodes is safe; do not edit core files
 * in a site in place (that would edit them for every site).
 */
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export async function linkTree(source: string, target: string, skip: (rel: string) => boolean): Promise<void> {
  let canLink = true;
  const walk = async (rel: string): Promise<void> => {
    await mkdir(join(target, rel), { recursive: true });
    const entries = await readdir(join(source, rel), { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const child = rel ? `${rel}/${entry.name}` : entry.name;
        if (skip(child)) return;
        if (entry.isDirectory()) return walk(child);
        if (!entry.isFile()) return;
        if (canLink) {
          try {
            await link(join(source, child), join(target, child));
            return;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
            canLink = false;
          }
        }
        await copyFile(join(source, child), join(target, child));
      }),
    );
  };
  await walk('');
}

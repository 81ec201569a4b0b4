/**
 * Remembers the processes a production stack started (pid + start time from /proc), so the next
 * start can end the ones a killed run left behind — those exact processes, never others that
 * happen to reuse a pid.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

interface Entry {
  pid: number;
  start: string;
}

function startTime(pid: number): string | null {
  try {
    // Field 22 of /proc/<pid>/stat, counted after the command name (which may hold spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

export function recordPid(file: string, pid: number | undefined): void {
  if (!pid) return;
  const start = startTime(pid);
  if (!start) return;
  const entries = read(file).filter((entry) => startTime(entry.pid) === entry.start);
  entries.push({ pid, start });
  writeFileSync(file, JSON.stringify(entries));
}

/** Ends (SIGKILL, whole process group) every recorded process still alive; answers how many. */
export function killStrays(file: string): number {
  let killed = 0;
  for (const entry of read(file)) {
    if (startTime(entry.pid) !== entry.start) continue;
    try {
      process.kill(-entry.pid, 'SIGKILL');
      killed += 1;
    } catch {
      // gone meanwhile
    }
  }
  writeFileSync(file, '[]');
  return killed;
}

function read(file: string): Entry[] {
  if (!existsSync(file)) return [];
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Entry[];
  } catch {
    return [];
  }
}

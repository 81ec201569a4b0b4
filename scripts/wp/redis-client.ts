/**
 * One Redis command over a fresh connection (RESP2), for the harness: flushing a site's cache
 * between tests, readiness checks, a test peeking at a key's TTL. No dependency, no pooling.
 */
import { connect } from 'node:net';

export type RespValue = string | number | null | RespValue[];

export class RedisError extends Error {}

export function redisCommand(
  target: { host: string; port: number },
  args: Array<string | number>,
  timeoutMs = 5_000,
): Promise<RespValue> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port });
    let buffer = Buffer.alloc(0);
    const done = (error: Error | null, value?: RespValue) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(value ?? null);
    };
    socket.setTimeout(timeoutMs, () => done(new Error(`redis ${target.host}:${target.port}: no answer`)));
    socket.once('error', (error) => done(error));
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      let parsed: { value: RespValue | RedisError; end: number } | null;
      try {
        parsed = parse(buffer, 0);
      } catch (error) {
        done(error as Error);
        return;
      }
      if (!parsed) return;
      if (parsed.value instanceof RedisError) done(parsed.value);
      else done(null, parsed.value);
    });
    socket.write(encode(args));
  });
}

function encode(args: Array<string | number>): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const arg of args) {
    const text = String(arg);
    parts.push(`$${Buffer.byteLength(text)}\r\n${text}\r\n`);
  }
  return Buffer.from(parts.join(''));
}

/** One reply starting at `at`, or null when the buffer does not hold all of it yet. */
function parse(buffer: Buffer, at: number): { value: RespValue | RedisError; end: number } | null {
  const lineEnd = buffer.indexOf('\r\n', at);
  if (lineEnd < 0) return null;
  const type = String.fromCharCode(buffer[at]);
  const line = buffer.toString('utf8', at + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
      return { value: new RedisError(line), end: next };
    case ':':
      return { value: Number(line), end: next };
    case '$': {
      const length = Number(line);
      if (length < 0) return { value: null, end: next };
      if (buffer.length < next + length + 2) return null;
      return { value: buffer.toString('utf8', next, next + length), end: next + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RespValue[] = [];
      let end = next;
      for (let i = 0; i < count; i += 1) {
        const item = parse(buffer, end);
        if (!item) return null;
        if (item.value instanceof RedisError) return item;
        items.push(item.value);
        end = item.end;
      }
      return { value: items, end };
    }
    default:
      throw new Error(`redis: unexpected reply type ${JSON.stringify(type)}`);
  }
}

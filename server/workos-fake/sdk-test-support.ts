import { WorkOS } from '@workos-inc/node';
import { expect } from 'vitest';
import { createWorkOSFake, type WorkOSFake } from './app.ts';
import { testSeed } from './test-seed.ts';

/** Test support: a fake and the real SDK wired to it in process (`fetchFn`, no retries). */
export function sdkAgainstFake(fake: WorkOSFake = createWorkOSFake({ seed: testSeed() })) {
  const workos = new WorkOS(fake.apiKey, { clientId: fake.clientId, fetchFn: fake.fetch, maxRetries: 0 });
  return { fake, workos, um: workos.userManagement, mfa: workos.multiFactorAuth };
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
}

/** The newest email of a kind the fake "sent" to an address. */
export async function lastEmail(fake: WorkOSFake, to: string, kind: string) {
  const response = await fake.app.request(`/_fake/emails?to=${encodeURIComponent(to)}`);
  const { data } = (await response.json()) as {
    data: Array<{ kind: string; code: string | null; token: string | null }>;
  };
  return data.find((e) => e.kind === kind);
}

export const userId = (fake: WorkOSFake, email: string) => fake.store.findUserByEmail(email)!.wire.id;
export const orgId = (fake: WorkOSFake, name: string) =>
  [...fake.store.organizations.values()].find((o) => o.wire.name === name)!.wire.id;

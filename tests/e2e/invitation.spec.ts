/**
 * Invitation acceptance (issue 4, flow 6): a link with `invitation_token` opens the profile with
 * the invited email fixed (read through the server); the visitor sets a password — or uses any
 * other enabled method — and joins the organization with the invited role. The seed's one
 * invitation (ivy@example.com → Demo Organization, `member`) is spent by accepting it, so every
 * accepting test starts from a fresh fake.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  DEMO_ORG,
  IVY_INVITATION,
  api,
  emailCount,
  enterCode,
  fakeMemberships,
  fakeUser,
  installLoginFailedProbe,
  latestCode,
  loggedIn,
  loginOf,
  removeLoginFailedProbe,
  resetFake,
  signedInIdentities,
} from './flows.ts';
import { saveProfiles } from './profiles.ts';
import type { Stack } from '../../scripts/stack.ts';

const IVY = 'ivy@example.com';
const INVALID = 'This invitation link has expired or was already used. Ask for a new one.';
const link = (slug: string, token = IVY_INVITATION) => `/workos/login/${slug}?invitation_token=${token}`;

let loginFailures: () => Promise<string[]>;
test.beforeAll(({ stack }) => {
  loginFailures = installLoginFailedProbe(stack);
});
test.afterAll(async ({ stack }) => {
  removeLoginFailedProbe(stack);
  await resetFake(stack);
});

test.beforeEach(async ({ stack }) => {
  await saveProfiles(
    stack,
    {
      slug: 'team',
      methods: ['password', 'magic_code'],
      signup: { enabled: true, require_invitation: true },
      invitations: true,
    },
    { slug: 'closed', methods: ['password'], invitations: false },
  );
});

/** Opens the link and waits for the invitation to be read. */
async function openInvitation(page: Page, slug = 'team'): Promise<void> {
  await page.goto(link(slug));
  await expect(loginOf(page).getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
}

async function expectJoined(stack: Stack): Promise<void> {
  const user = await fakeUser(stack, IVY);
  expect(user).not.toBeNull();
  expect(await fakeMemberships(stack, user.id)).toContainEqual(
    expect.objectContaining({
      organization_id: DEMO_ORG,
      role: expect.objectContaining({ slug: 'member' }),
      status: 'active',
    }),
  );
}

test('the link shows the invitation; setting a password accepts it and joins the organization', async ({
  page,
  stack,
}) => {
  await resetFake(stack);
  await openInvitation(page);
  const login = loginOf(page);
  await expect(login.getByText('You’ve been invited to join Demo Organization.')).toBeVisible();
  const email = login.getByLabel('Email');
  await expect(email).toHaveValue(IVY);
  await expect(email).toHaveAttribute('readonly', '');

  // Sign-up here needs an invitation: this one is it.
  await login.getByLabel('First name').fill('Ivy');
  await login.getByLabel('Last name').fill('Ingram');
  await login.getByLabel('Password').fill('Purple-Otter-Sings-42');
  await login.getByLabel('Password').press('Enter');
  await page.waitForURL('**/wp-admin/**');

  await expectJoined(stack);
  expect(await signedInIdentities(stack)).toEqual([
    expect.objectContaining({ email: IVY, organization_id: DEMO_ORG, role: 'member' }),
  ]);

  // Accepted: the same link is now refused.
  const again = await page.context().browser()!.newContext({ baseURL: stack.wordpressUrl });
  const second = await again.newPage();
  const read = second.waitForResponse('**/auth/invitation');
  await second.goto(link('team'));
  expect((await read).status()).toBe(410);
  await expect(loginOf(second).getByRole('alert')).toHaveText(INVALID);
  await again.close();
});

test('another enabled method accepts it too: an emailed code, with the email fixed', async ({ page, stack }) => {
  await resetFake(stack);
  await openInvitation(page);
  const login = loginOf(page);
  await login.getByRole('button', { name: 'Already have an account? Sign in' }).click();
  await expect(login.getByLabel('Email')).toHaveValue(IVY);
  await expect(login.getByLabel('Email')).toHaveAttribute('readonly', '');
  const before = await emailCount(stack, IVY, 'magic_auth');
  await login.getByRole('button', { name: 'Email me a code' }).click();
  await expect(login.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await enterCode(page, await latestCode(stack, IVY, 'magic_auth', before));
  await page.waitForURL('**/wp-admin/**');
  await expectJoined(stack);
});

test('an unknown token is refused with a clear message and reported', async ({ page }) => {
  const read = page.waitForResponse('**/auth/invitation');
  await page.goto(link('team', 'not-a-real-invitation-token'));
  expect((await read).status()).toBe(410);
  const login = loginOf(page);
  await expect(login.getByRole('alert')).toHaveText(INVALID);
  // The first screen stays usable.
  await expect(login.getByLabel('Email')).toBeEditable();
  expect(await loginFailures()).toContain('invitation_invalid');
  expect(await loggedIn(page)).toBe(false);
});

test('a profile that does not take invitations ignores the link', async ({ page }) => {
  let asked = false;
  page.on('request', (r) => {
    if (r.url().includes('/auth/invitation')) asked = true;
  });
  await page.goto(link('closed'));
  await expect(loginOf(page).getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(loginOf(page).getByLabel('Email')).toBeEditable();
  expect(asked).toBe(false);
  // And its route refuses an invitation flow outright.
  const answer = await api(page, 'invitation', { profile: 'closed', invitation_token: IVY_INVITATION });
  expect(answer.status).toBe(403);
  expect(answer.body).toMatchObject({ type: 'error', code: 'method_disabled' });
});

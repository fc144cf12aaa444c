// A lost connection keeps what the user typed and lets them try again; a double click sends
// one request.
import { test, expect } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { ResetPage } from './fixtures/reset_page';
import { canSignIn, codeSentTo, resetStack, user } from './fixtures/stack';

// This file's users: see resetStack.
const PEOPLE = ['tomas'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

test('a lost connection keeps the new password typed and the same button tries again; a double click sends one request', async ({ page }, testInfo) => {
  const tomas = user('tomas', testInfo);
  const edge = process.env.SSPR_EDGE!;
  const reset = new ResetPage(page);
  await reset.open();

  // A double click while the first request is on its way sends it once.
  let starts = 0;
  await page.route(`${edge}/v1/reset/start`, async (route) => {
    starts += 1;
    await new Promise((resolve) => setTimeout(resolve, 700));
    await route.continue();
  });
  await reset.widget().getByLabel('Username or email').fill(tomas);
  await reset.widget().getByRole('button', { name: 'Send code' }).dblclick();
  await expect(reset.widget().getByRole('heading', { name: 'Check your email' })).toBeVisible();
  expect(starts).toBe(1);
  await page.unroute(`${edge}/v1/reset/start`);

  await reset.enterCode(await codeSentTo(`${tomas}@example.com`));
  await expect(reset.widget().getByRole('heading', { name: 'Choose a new password' })).toBeVisible();

  // The connection drops as the password is sent.
  await page.route(`${edge}/v1/reset/password`, (route) => route.abort('internetdisconnected'));
  await reset.chooseNewPassword('still here after the outage');
  await expect(reset.error()).toHaveText('We could not reach the server. Check your connection and try again.');
  await expect(reset.widget().getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await expect(reset.newPasswordInput()).toHaveValue('still here after the outage');
  await expectAccessible(page, 'new password after a lost connection');
  await page.screenshot({ path: testInfo.outputPath('offline.png') });

  // Back online, the same button finishes the job.
  await page.unroute(`${edge}/v1/reset/password`);
  await reset.widget().getByRole('button', { name: 'Change password' }).click();
  await expect(reset.widget().getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(await canSignIn(tomas, 'still here after the outage')).toBe(true);
});

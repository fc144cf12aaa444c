// The whole reset in a real browser against the real stack: the widget (wasm) in Chromium,
// the edge in workerd, a Durable Object per user, the mailbox and the directory.
import { test, expect } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { ResetPage } from './fixtures/reset_page';
import { canSignIn, codeSentTo, failNext, messages, resetStack, user, users } from './fixtures/stack';

// This file's users: see resetStack.
const PEOPLE = ['alice', 'bob', 'erin', 'frank', 'gina', 'lena', 'nobody'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

test('a user resets a forgotten password with an emailed code and signs in with it', async ({ page }, testInfo) => {
  const alice = user('alice', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await page.screenshot({ path: testInfo.outputPath('1-identify.png') });
  await reset.widget().screenshot({ path: testInfo.outputPath('widget-1-identify.png') });
  await expectAccessible(page, 'identify');
  await reset.requestCode(alice);
  await expect(page.getByText('a•••@e•••.com')).toBeVisible();
  await expect(reset.codeInput()).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(reset.codeInput()).toHaveAttribute('inputmode', 'numeric');
  await page.screenshot({ path: testInfo.outputPath('2-code.png') });
  await reset.widget().screenshot({ path: testInfo.outputPath('widget-2-code.png') });
  await expectAccessible(page, 'code');

  await reset.enterCode(await codeSentTo(`${alice}@example.com`));
  await expect(reset.newPasswordInput()).toHaveAttribute('autocomplete', 'new-password');
  await reset.newPasswordInput().fill('short');
  await expect(page.locator('.sspr-check--passed')).toHaveCount(1); // only "at most 256"
  await reset.newPasswordInput().fill('a brand new passphrase');
  await expect(page.locator('.sspr-check--passed')).toHaveCount(2);
  await page.screenshot({ path: testInfo.outputPath('3-new-password.png') });
  await reset.widget().screenshot({ path: testInfo.outputPath('widget-3-new-password.png') });
  await expectAccessible(page, 'new password');
  await reset.chooseNewPassword('a brand new passphrase');
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('4-done.png') });
  await reset.widget().screenshot({ path: testInfo.outputPath('widget-4-done.png') });
  await expectAccessible(page, 'done');

  const mine = new Set(PEOPLE.map((name) => user(name, testInfo)));
  for (const { username, password_changes } of (await users()).filter((u) => mine.has(u.username))) {
    expect(password_changes, username).toBe(username === alice ? 1 : 0);
  }
  expect(await canSignIn(alice, 'a brand new passphrase')).toBe(true);
  expect(await canSignIn(alice, 'Initial-Password-1')).toBe(false);
  expect(await reset.signIn(alice, 'a brand new passphrase')).toBe('Signed in as Alice Martin.');
});

test('a wrong code says how many tries are left and keeps what the user is doing', async ({ page }, testInfo) => {
  const bob = user('bob', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await reset.requestCode(bob);
  const code = await codeSentTo(`${bob}@example.com`);
  const wrong = `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
  await reset.enterCode(wrong);
  await expect(reset.error()).toHaveText('The code does not match. 4 tries left.');
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expectAccessible(page, 'code, after a wrong code');
  await reset.enterCode(code);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
});

test('a breached password, or one the directory refuses, keeps the user on the password step', async ({ page }, testInfo) => {
  const erin = user('erin', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await reset.requestCode(erin);
  await reset.enterCode(await codeSentTo(`${erin}@example.com`));
  // Listed by the Pwned Passwords stand-in (e2e/standins/pwned.mjs).
  await reset.chooseNewPassword('Purple-Monkey-Dishwasher-77');
  await expect(reset.error()).toHaveText('This password has appeared in a data breach, so attackers will try it early. Choose another.');
  await expect(reset.newPasswordInput()).toHaveValue('Purple-Monkey-Dishwasher-77');
  await reset.newPasswordInput().fill('Initial-Password-5');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(reset.error()).toContainText('not used for your last 3 passwords');
  await expect(reset.newPasswordInput()).toHaveValue('Initial-Password-5');
  await reset.newPasswordInput().fill('another fresh passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(await canSignIn(erin, 'another fresh passphrase')).toBe(true);
});

test('an unknown username gets the same screen and no email is sent', async ({ page }, testInfo) => {
  const reset = new ResetPage(page);
  await reset.open();
  const nobody = `${user('nobody', testInfo)}@example.com`;
  await reset.requestCode(nobody);
  await expect(page.getByText('n•••@e•••.com')).toBeVisible();
  await reset.enterCode('123456');
  await expect(reset.error()).toHaveText('The code does not match. 4 tries left.');
  // Other spec files run beside this one: only this file's addresses are its to check.
  const mine = PEOPLE.map((name) => `${user(name, testInfo)}@example.com`);
  expect((await messages()).filter((m) => m.to.some((to) => mine.includes(to)))).toEqual([]);
});

test('five wrong codes lock the account and the widget says until when', async ({ page }, testInfo) => {
  const frank = user('frank', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await reset.requestCode(frank);
  const code = await codeSentTo(`${frank}@example.com`);
  const wrong = `${(Number(code[0]) + 1) % 10}${code.slice(1)}`;
  for (const left of [4, 3, 2, 1]) {
    await reset.enterCode(wrong);
    await expect(reset.error()).toHaveText(left === 1 ? 'The code does not match. 1 try left.' : `The code does not match. ${left} tries left.`);
  }
  await reset.enterCode(wrong);
  await expect(page.getByRole('heading', { name: 'Too many attempts' })).toBeVisible();
  await expect(page.getByTestId('sspr-locked')).toContainText('blocked for this account until');
  await page.screenshot({ path: testInfo.outputPath('5-locked.png') });
  await reset.widget().screenshot({ path: testInfo.outputPath('widget-5-locked.png') });
  await expectAccessible(page, 'locked');
});

test('a locked-out user unlocks the account with an emailed code and signs in', async ({ page }, testInfo) => {
  const gina = user('gina', testInfo);
  const reset = new ResetPage(page);
  expect(await reset.signInResult(gina, 'Initial-Password-7')).toBe('Your account is locked. Unlock it below.');
  await reset.openUnlock();
  await reset.requestCode(gina);
  await reset.enterCode(await codeSentTo(`${gina}@example.com`));
  await expect(page.getByRole('heading', { name: 'Account unlocked' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('6-unlocked.png') });
  await reset.widget().screenshot({ path: testInfo.outputPath('widget-6-unlocked.png') });
  await expectAccessible(page, 'unlocked');
  expect(await reset.signIn(gina, 'Initial-Password-7')).toBe('Signed in as Gina Rossi.');
});

test('when the directory is busy, the widget says the change is on its way and then that it is done', async ({ page }, testInfo) => {
  const lena = user('lena', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await reset.requestCode(lena);
  await reset.enterCode(await codeSentTo(`${lena}@example.com`));
  await failNext(lena, 1, 503);
  await reset.chooseNewPassword('patience is a passphrase');
  await expect(reset.widget().getByRole('heading', { name: 'Almost done' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('9-pending.png') });
  await reset.widget().screenshot({ path: testInfo.outputPath('widget-9-pending.png') });
  await expectAccessible(page, 'pending');
  await expect(reset.widget().getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(await canSignIn(lena, 'patience is a passphrase')).toBe(true);
});

// Several methods: a user with an email address and a mobile number chooses how to get the
// code, and an administrator proves two distinct methods before choosing a password.
import { test, expect } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { ResetPage } from './fixtures/reset_page';
import { canSignIn, codeSentTo, codeTextedTo, phoneOf, resetStack, user } from './fixtures/stack';

// This file's users: see resetStack.
const PEOPLE = ['dana', 'hana', 'mia'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

test('a user chooses a texted code, which arrives ready for one-time-code autofill', async ({ page }, testInfo) => {
  const hana = user('hana', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await reset.submitUsername(hana);
  const choose = reset.widget().getByRole('heading', { name: "Choose how to verify it's you" });
  await expect(choose).toBeFocused();
  await expect(reset.widget().getByRole('button', { name: `Email a code to h•••@e•••.com` })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('7-choose.png') });
  await reset.widget().screenshot({ path: testInfo.outputPath('widget-7-choose.png') });
  await expectAccessible(page, 'choose a method');

  await reset.widget().getByRole('button', { name: /^Text a code to \+49 ••• ••• ••\d\d$/ }).click();
  await expect(reset.widget().getByRole('heading', { name: 'Check your phone' })).toBeVisible();
  const { code, body } = await codeTextedTo(phoneOf(hana));
  expect(body.split('\n').at(-1)).toBe(`@127.0.0.1 #${code}`);
  await reset.enterCode(code);
  await reset.chooseNewPassword('texted and reset');
  await expect(reset.widget().getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(await canSignIn(hana, 'texted and reset')).toBe(true);
});

test('an administrator proves email and phone, one after the other, then resets', async ({ page }, testInfo) => {
  const dana = user('dana', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await reset.submitUsername(dana);
  const widget = reset.widget();
  await expect(widget.getByText('Step 1 of 2')).toBeVisible();
  await widget.getByRole('button', { name: /^Email a code to/ }).click();
  await reset.enterCode(await codeSentTo(`${dana}@example.com`));

  await expect(widget.getByText('Step 2 of 2')).toBeVisible();
  await expect(widget.getByRole('button', { name: /^Email a code to/ })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('8-second-method.png') });
  await reset.widget().screenshot({ path: testInfo.outputPath('widget-8-second-method.png') });
  await widget.getByRole('button', { name: /^Text a code to/ }).click();
  await expect(widget.getByRole('heading', { name: 'Check your phone' })).toBeVisible();
  // The phone is the only method left: there is no other to switch to.
  await expect(widget.getByRole('button', { name: 'Use another method' })).toHaveCount(0);
  await reset.enterCode((await codeTextedTo(phoneOf(dana))).code);
  await reset.chooseNewPassword('two gates for admins');
  await expect(widget.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(await canSignIn(dana, 'two gates for admins')).toBe(true);
});

test('from the code screen the user switches to another method and proves that one', async ({ page }, testInfo) => {
  const mia = user('mia', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await reset.submitUsername(mia);
  const widget = reset.widget();
  await widget.getByRole('button', { name: /^Email a code to/ }).click();
  await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const emailed = await codeSentTo(`${mia}@example.com`);
  await expectAccessible(page, 'code screen with another method offered');

  await widget.getByRole('button', { name: 'Use another method' }).click();
  await expect(widget.getByRole('heading', { name: "Choose how to verify it's you" })).toBeFocused();
  await widget.getByRole('button', { name: /^Text a code to/ }).click();
  await expect(widget.getByRole('heading', { name: 'Check your phone' })).toBeVisible();
  const { code } = await codeTextedTo(phoneOf(mia));
  // The emailed code was abandoned by the switch: it no longer proves anything.
  if (emailed !== code) {
    await reset.enterCode(emailed);
    await expect(reset.error()).not.toBeEmpty();
    await reset.codeInput().fill('');
  }
  await reset.enterCode(code);
  await reset.chooseNewPassword('switched to my phone');
  await expect(widget.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(await canSignIn(mia, 'switched to my phone')).toBe(true);
});

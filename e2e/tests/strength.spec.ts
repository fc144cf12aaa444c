// The strength meter on the new-password screen: zxcvbn is a wasm module of its own
// (sspr-strength.js + its .wasm), fetched only when that screen appears, so the reset
// screens' first download does not carry its dictionaries.
import { test, expect } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { ResetPage } from './fixtures/reset_page';
import { canSignIn, codeSentTo, resetStack, user } from './fixtures/stack';

// This file's users: see resetStack.
const PEOPLE = ['nell', 'pia'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

test('the strength meter is fetched with the new-password screen and gives advice as the user types', async ({ page }, testInfo) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (/sspr-strength/.test(request.url())) fetched.push(new URL(request.url()).pathname);
  });
  const nell = user('nell', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await reset.requestCode(nell);
  const code = await codeSentTo(`${nell}@example.com`);
  // Checked on the code screen: the complete code submits itself, and the new-password
  // screen (which fetches the estimate) may be up by the time `enterCode` returns.
  expect(fetched, 'nothing of the estimate on the first screens').toEqual([]);
  await reset.enterCode(code);

  await expect(reset.widget().getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  const meter = reset.widget().getByRole('meter', { name: 'Password strength' });
  await expect(meter).toBeVisible();
  expect(fetched).toEqual(expect.arrayContaining(['/sspr-strength.js', '/sspr-strength_bg.wasm']));

  const level = reset.widget().getByTestId('sspr-strength-level');
  const feedback = reset.widget().getByTestId('sspr-strength-feedback');
  // Screen readers hear the estimate from a polite live region once typing pauses.
  const announced = reset.widget().getByTestId('sspr-strength-announced');
  await expect(announced).toHaveAttribute('aria-live', 'polite');
  await expect(feedback).not.toHaveAttribute('aria-live');
  await reset.newPasswordInput().fill('password1');
  await expect(level).toHaveText(/^(Very weak|Weak)$/);
  await expect(feedback).toContainText('This is a very common password.');
  await expect(announced).toHaveText(/^Password strength: (Very weak|Weak)\. This is a very common password\./);
  await expect(meter).toHaveAttribute('aria-valuetext', /^(Very weak|Weak)$/);
  // The user's own name counts as guessable.
  await reset.newPasswordInput().fill(nell);
  await expect(level).toHaveText(/^(Very weak|Weak)$/);
  await expectAccessible(page, 'new password with a weak one typed');

  await reset.newPasswordInput().fill('mauve otter lamp quietly sings');
  await expect(level).toHaveText('Very strong');
  await expect(feedback).toHaveText('');
  await reset.widget().screenshot({ path: testInfo.outputPath('strength.png') });
  await expectAccessible(page, 'new password with a strong one typed');
  // Advice only: the checklist and the edge decide.
  await reset.widget().getByRole('button', { name: 'Change password' }).click();
  await expect(reset.widget().getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(await canSignIn(nell, 'mauve otter lamp quietly sings')).toBe(true);
});

test('the meter speaks the widget\'s language', async ({ page }, testInfo) => {
  const pia = user('pia', testInfo);
  await page.goto('/examples/plain.html');
  await page.evaluate(() => document.querySelector('sspr-reset')!.setAttribute('lang', 'de'));
  const widget = page.locator('sspr-reset');
  await widget.getByLabel('Benutzername oder E-Mail-Adresse').fill(pia);
  await widget.getByRole('button', { name: 'Code senden' }).click();
  await widget.getByLabel('Code', { exact: true }).fill(await codeSentTo(`${pia}@example.com`));
  const meter = widget.getByRole('meter', { name: 'Passwortstärke' });
  await expect(meter).toBeVisible();
  await widget.getByLabel('Neues Passwort').fill('password1');
  await expect(widget.getByTestId('sspr-strength-feedback')).toContainText('Dies ist ein sehr häufiges Passwort.');
  await expectAccessible(page, 'German strength meter');
});

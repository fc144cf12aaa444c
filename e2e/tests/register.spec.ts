// Registration at first sign-in and "my methods", against the real edge: <sspr-register> on
// the example host page after sign-in (examples/register.html), with a ticket the site mints
// for a directory user who holds no method yet (rosa2, sven3 …: see the directory stand-in).
// The policy (e2e/fixtures/policy.toml) asks one method of email, SMS and authenticator, lets
// users postpone three times, and does not offer security questions (they are tested against
// a stand-in edge in register-questions.spec.ts).
import { test, expect } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { RegisterPage } from './fixtures/register_page';
import { ResetPage } from './fixtures/reset_page';
import { codeSentTo, codeTextedTo, resetStack, user } from './fixtures/stack';
import { currentStep, totpAt } from './fixtures/totp';

// This file's users: see resetStack.
const PEOPLE = ['hugo', 'rosa', 'sven', 'tara', 'ugo', 'vic', 'wen', 'yara'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

test('first sign-in: an email address is registered with the code sent to it', async ({ page }, testInfo) => {
  const registration = new RegisterPage(page);
  const name = user('rosa', testInfo);
  await registration.open(name);
  await registration.expectOverview();
  await expect(registration.widget.getByTestId('sspr-progress')).toContainText('0 of 1 set up');
  await expect(registration.widget.getByTestId('sspr-signed-in')).toContainText(`Signed in as Rosa`);
  // The first screen leaves the focus where the page has it.
  await expect(registration.heading('Set up ways to reset your password')).not.toBeFocused();
  await expectAccessible(page, 'registration overview');
  await registration.widget.screenshot({ path: testInfo.outputPath('register-overview.png') });
  await registration.recordEvents();

  await registration.add('Add an email address');
  const address = registration.widget.getByLabel('Email address');
  await expect(registration.heading('Add an email address')).toBeFocused();
  await expect(address).toHaveAttribute('type', 'email');
  await expect(address).toHaveAttribute('autocomplete', 'email');
  await expectAccessible(page, 'add an email address');
  await address.fill(`${name}@home.example`);
  await registration.widget.getByRole('button', { name: 'Send code' }).click();

  await expect(registration.heading('Check your email')).toBeVisible();
  await expect(registration.widget.getByTestId('sspr-resend')).toBeDisabled();
  await expectAccessible(page, 'registration code');
  await registration.codeInput().fill(await codeSentTo(`${name}@home.example`));

  await expect(registration.heading('You are all set')).toBeVisible();
  await expectAccessible(page, 'registration done');
  await expect(page.locator('#host-status')).toHaveText('Registration complete.');
  const events = await registration.events();
  expect(events).toContainEqual({ type: 'sspr:done', flow: 'register', outcome: 'up_to_date' });
  expect(JSON.stringify(events)).not.toContain('home.example');

  await registration.widget.getByRole('button', { name: 'Manage my methods' }).click();
  await expect(registration.held()).toHaveCount(1);
  await expect(registration.held().first()).toContainText('Email');
  await expectAccessible(page, 'my methods');
});

test('first sign-in: a mobile number is registered with the texted code', async ({ page }, testInfo) => {
  const registration = new RegisterPage(page);
  const name = user('sven', testInfo);
  const number = `+4915123459${name.slice(-1)}70`;
  await registration.open(name);
  await registration.expectOverview();
  await registration.add('Add a mobile phone');
  const input = registration.widget.getByLabel('Mobile number');
  await expect(input).toHaveAttribute('type', 'tel');
  await expect(input).toHaveAttribute('autocomplete', 'tel');
  await expect(registration.widget.getByText(/Start with your country code/)).toBeVisible();
  await expectAccessible(page, 'add a mobile phone');

  await input.fill('0151 2345');
  await registration.widget.getByRole('button', { name: 'Send code' }).click();
  await expect(registration.error()).toHaveText('Enter a mobile number with its country code, like +44 7700 900123.');
  await expect(registration.heading('Add a mobile phone')).toBeVisible();

  await input.fill(`+49 151 2345 9${name.slice(-1)}70`);
  await registration.widget.getByRole('button', { name: 'Send code' }).click();
  await expect(registration.heading('Check your phone')).toBeVisible();
  await expectAccessible(page, 'registration texted code');
  const { code } = await codeTextedTo(number);
  await registration.codeInput().fill(code);
  await expect(registration.heading('You are all set')).toBeVisible();
});

test('an authenticator app is registered from its QR code, then proves a password reset', async ({ page }, testInfo) => {
  const registration = new RegisterPage(page);
  const name = user('ugo', testInfo);
  await registration.open(name);
  await registration.expectOverview();
  await registration.add('Add an authenticator app');

  await expect(registration.heading('Set up your authenticator app')).toBeFocused();
  const qr = registration.widget.getByRole('img', { name: 'QR code for your authenticator app' });
  await expect(qr.locator('svg')).toBeVisible();
  // Drawn, not just laid out: the widget's style reset must leave the SVG's geometry alone.
  const geometry = await qr.locator('svg path').last().evaluate((path) => getComputedStyle(path).getPropertyValue('d'));
  expect(geometry).toMatch(/^path\("M/);
  const box = await qr.boundingBox();
  expect(box!.width).toBeGreaterThanOrEqual(150);
  const secret = (await registration.widget.getByTestId('sspr-secret').textContent())!.trim();
  expect(secret.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
  const link = registration.widget.getByRole('link', { name: 'Set up on this phone' });
  expect(await link.getAttribute('href')).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]{32}/);
  await expectAccessible(page, 'authenticator set-up');
  await registration.widget.screenshot({ path: testInfo.outputPath('register-authenticator.png') });

  const enrolled = currentStep();
  await registration.widget.getByLabel('Code from the app').fill(totpAt(secret, enrolled));
  await expect(registration.heading('You are all set')).toBeVisible();

  // The registered authenticator now proves a reset. The step after the one used for the
  // registration, as replays of an accepted step are refused and ±1 step is allowed.
  const reset = new ResetPage(page);
  await reset.open();
  await reset.submitUsername(name);
  const totp = reset.widget().getByRole('heading', { name: 'Enter the code from your authenticator app' });
  await expect(totp).toBeVisible();
  await expectAccessible(page, 'reset: authenticator code');
  await reset.widget().getByLabel('Code', { exact: true }).fill(totpAt(secret, Math.max(currentStep(), enrolled + 1)));
  await reset.chooseNewPassword('a long new passphrase, blue harbour 42');
  await expect(reset.widget().getByRole('heading', { name: 'Password changed' })).toBeVisible();
});

test('registration can be postponed until the policy\'s budget is used up', async ({ page }, testInfo) => {
  const registration = new RegisterPage(page);
  const name = user('tara', testInfo);
  for (const left of [3, 2, 1]) {
    await registration.open(name);
    await registration.expectOverview();
    const times = left === 1 ? 'time' : 'times';
    await expect(registration.widget.getByText(`You can put this off ${left} more ${times}.`)).toBeVisible();
    await registration.recordEvents();
    await registration.widget.getByRole('button', { name: 'Not now' }).click();
    await expect(registration.heading('We will remind you later')).toBeVisible();
    expect(await registration.events()).toContainEqual({ type: 'sspr:done', flow: 'register', outcome: 'postponed' });
  }
  await expectAccessible(page, 'registration postponed');
  await registration.open(name);
  await registration.expectOverview();
  await expect(registration.widget.getByRole('button', { name: 'Add an email address' })).toBeVisible();
  await expect(registration.widget.getByRole('button', { name: 'Not now' })).toHaveCount(0);
});

test('an expired sign-in shows "sign in again", and the widget carries on with the new credential', async ({ page }, testInfo) => {
  const registration = new RegisterPage(page);
  const name = user('vic', testInfo);
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { ssprEvents: unknown[] }).ssprEvents = seen;
    document.addEventListener('sspr:error', (event) => seen.push({ type: 'sspr:error', ...(event as CustomEvent).detail }));
  });
  await registration.open(name, { age: 1000 });
  await expect(registration.heading('Sign in again')).toBeVisible();
  await expect(registration.widget.getByText(/Your sign-in has expired/)).toBeVisible();
  await expectAccessible(page, 'sign in again');
  const events = await registration.events();
  expect(events.map((e) => e.code)).toContain('unauthenticated');
  expect(JSON.stringify(events)).not.toContain('sspr1.');

  await page.locator('#host-sign-in').click();
  await registration.expectOverview();
  await expect(registration.widget.getByTestId('sspr-signed-in')).toContainText('Signed in as Vic');
});

test('a method is removed from "my methods" after signing in again', async ({ page }, testInfo) => {
  const registration = new RegisterPage(page);
  const name = user('wen', testInfo);
  await registration.open(name);
  await registration.add('Add an email address');
  await registration.widget.getByLabel('Email address').fill(`${name}@home.example`);
  await registration.widget.getByRole('button', { name: 'Send code' }).click();
  await registration.codeInput().fill(await codeSentTo(`${name}@home.example`));
  await expect(registration.heading('You are all set')).toBeVisible();

  // Eleven minutes after signing in, removing a method needs a fresh sign-in.
  await registration.open(name, { age: 660 });
  await expect(registration.heading('You are all set')).toBeVisible();
  await registration.widget.getByRole('button', { name: 'Manage my methods' }).click();
  await expect(registration.heading('Your ways to reset your password')).toBeVisible();
  await registration.held().first().getByRole('button', { name: 'Remove' }).click();
  await expect(registration.heading('Sign in again')).toBeVisible();
  await expect(registration.widget.getByText('Sign in again to remove a method.')).toBeVisible();

  await page.locator('#host-sign-in').click();
  await expect(registration.heading('Set up ways to reset your password')).toBeVisible();
  await expect(registration.widget.getByText('Nothing is set up yet.')).toBeVisible();
  await expect(registration.widget.getByTestId('sspr-progress')).toContainText('0 of 1 set up');
});

test('the directory\'s own email address and mobile number are marked as the organisation\'s, with no Remove; either can be the default', async ({ page }, testInfo) => {
  const registration = new RegisterPage(page);
  // hugo's address and number come from the directory; he registered nothing himself.
  await registration.open(user('hugo', testInfo));
  // Held but never confirmed: re-confirmation is due.
  await expect(registration.heading('Are these still yours?')).toBeVisible();
  await expect(registration.held()).toHaveCount(2);
  for (const item of await registration.held().all()) {
    await expect(item.getByTestId('sspr-from-directory')).toHaveText("From your organisation's directory");
    await expect(item.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  }
  // The user's default is offered first at a reset: the number moves to the top, marked.
  await expect(registration.held().first()).toHaveAttribute('data-method', 'email_code');
  await registration.widget.locator('li[data-method="sms_code"]').getByRole('button', { name: 'Make default' }).click();
  await expect(registration.held().first()).toHaveAttribute('data-method', 'sms_code');
  await expect(registration.held().first().getByTestId('sspr-default')).toHaveText('Default');
  await expect(registration.held().nth(1).getByRole('button', { name: 'Make default' })).toBeVisible();
  await expectAccessible(page, 'methods held from the directory');
  await registration.widget.screenshot({ path: testInfo.outputPath('register-directory.png') });
});

test.describe('on a 320 px wide screen, in the light DOM', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the registration screens fit without sideways scrolling and every target is at least 44 px', async ({ page }, testInfo) => {
    const registration = new RegisterPage(page);
    await registration.open(user('yara', testInfo), { dom: 'light' });
    await registration.expectOverview();
    await expect(page.locator('sspr-register > .sspr-host')).toHaveCount(1);
    const fits = async (screen: string) => {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${screen} scrolls sideways`).toBeLessThanOrEqual(0);
      for (const target of await registration.widget.locator('button, input, select, a').all()) {
        if (!(await target.isVisible())) continue;
        const box = (await target.boundingBox())!;
        expect(box.height, `${screen}: ${await target.textContent()}`).toBeGreaterThanOrEqual(44);
      }
    };
    await fits('overview');
    await registration.add('Add an authenticator app');
    await expect(registration.heading('Set up your authenticator app')).toBeVisible();
    await fits('authenticator set-up');
    await expectAccessible(page, 'authenticator set-up, 320 px, light DOM');
  });
});

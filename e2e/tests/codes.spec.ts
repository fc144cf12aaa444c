// The code screen: one input drawn as boxes that submits itself when complete, a resend
// countdown, and WebOTP for texted codes.
import { test, expect } from '@playwright/test';
import { ResetPage } from './fixtures/reset_page';
import { codeSentTo, codesSentTo, codeTextedTo, phoneOf, resetStack, user } from './fixtures/stack';

// This file's users: see resetStack.
const PEOPLE = ['ivy', 'jack', 'kim'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

test('a new code can be asked for once the countdown ends, and then only the new code works', async ({ page }, testInfo) => {
  const ivy = user('ivy', testInfo);
  await page.clock.install();
  const reset = new ResetPage(page);
  await reset.open();
  await reset.requestCode(ivy);
  const resend = reset.widget().getByTestId('sspr-resend');
  await expect(resend).toBeDisabled();
  await expect(resend).toHaveText(/^Send a new code in (30|29|28) s$/);
  const [first] = await codesSentTo(`${ivy}@example.com`, 1);

  // 31 s later, for the page and for the edge (whose test build reads its clock offset from
  // a header that this test adds to the widget's requests).
  await page.clock.fastForward(31_000);
  await page.route(`${process.env.SSPR_EDGE}/v1/**`, (route) => route.continue({
    headers: { ...route.request().headers(), 'x-sspr-test-clock-offset-ms': '31000' },
  }));
  await expect(resend).toHaveText('Send a new code');
  await resend.click();
  const [, second] = await codesSentTo(`${ivy}@example.com`, 2);
  expect(second).not.toBe(first);
  await reset.enterCode(first);
  await expect(reset.error()).toHaveText('The code does not match. 4 tries left.');
  await reset.enterCode(second);
  await expect(reset.widget().getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
});

test('a code typed with spaces or pasted whole submits itself once complete', async ({ page }, testInfo) => {
  const jack = user('jack', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await reset.requestCode(jack);
  const code = await codeSentTo(`${jack}@example.com`);
  const input = reset.codeInput();
  await input.pressSequentially(code.slice(0, 3));
  await expect(reset.widget().getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await input.pressSequentially(` ${code.slice(3)}`);
  await expect(reset.widget().getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
});

test('on a browser with WebOTP, the texted code fills itself in', async ({ page }, testInfo) => {
  // Chromium has WebOTP only on Android with a SIM; this stands in for the browser's side of
  // the API (navigator.credentials.get({ otp })) and hands over the code the SMS carried.
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    w.OTPCredential = function OTPCredential() {};
    navigator.credentials.get = (options?: CredentialRequestOptions) => new Promise((resolve, reject) => {
      w.otpRequest = (options as unknown as { otp: { transport: string[] } }).otp;
      w.deliverOtp = (code: string) => resolve({ code, type: 'otp', id: '' } as unknown as Credential);
      options?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  });
  const kim = user('kim', testInfo);
  const reset = new ResetPage(page);
  await reset.open();
  await reset.submitUsername(kim);
  await reset.widget().getByRole('button', { name: /^Text a code to/ }).click();
  await expect(reset.widget().getByRole('heading', { name: 'Check your phone' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { otpRequest: unknown }).otpRequest)).toEqual({ transport: ['sms'] });
  const { code } = await codeTextedTo(phoneOf(kim));
  await page.evaluate((c) => (window as unknown as { deliverOtp: (c: string) => void }).deliverOtp(c), code);
  await expect(reset.widget().getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
});

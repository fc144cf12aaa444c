// The phone's side of app notifications, end to end in two browsers: the registration page
// (this project's device) shows the pairing QR code; a second browser context, a phone, opens
// the code's address (dist/approver/, the edge's APPROVER_URL), makes its key with WebCrypto,
// keeps it in IndexedDB and pairs; the registration page sees the phone and moves on. Then a
// reset on the first browser shows a number, and the phone taps it, or says "This wasn't me".
// All against the questions edge, whose policy allows app notifications.
import { devices, test, expect, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { RegisterPage } from './fixtures/register_page';
import { resetStack, user } from './fixtures/stack';

const edge = () => process.env.SSPR_EDGE_QUESTIONS!;

// This file's users: see resetStack.
const PEOPLE = ['pia', 'pete', 'pax'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

/** A phone: a browser context of its own (its own IndexedDB), shaped like a Pixel 7. */
async function phone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ ...devices['Pixel 7'], baseURL: undefined });
  return context.newPage();
}

/** Registers app notifications for `username`: the QR code's address, opened on `mobile`. */
async function pair(page: Page, mobile: Page, username: string, name: string) {
  const registration = new RegisterPage(page);
  await registration.open(username, { edge: edge() });
  await registration.expectOverview();
  await registration.add('Add notifications on your phone');
  await expect(registration.heading('Get notifications on your phone')).toBeFocused();
  await expect(registration.widget.getByRole('img', { name: 'QR code that opens the pairing page on your phone' })).toBeVisible();
  const uri = await registration.widget.getByTestId('sspr-app-link').getAttribute('href');
  expect(uri).toMatch(/\/approver\/#pair=[A-Za-z0-9_-]+$/);

  await mobile.goto(uri!);
  const approver = mobile.locator('sspr-approver');
  await expect(approver.getByRole('heading', { name: 'Pair this phone' })).toBeVisible();
  // The single-use code leaves the address bar at once.
  expect(new URL(mobile.url()).hash).toBe('');
  await expect(approver.getByLabel('Name of this phone')).toHaveValue('Android');
  await approver.getByLabel('Name of this phone').fill(name);
  return { registration, approver };
}

test('a phone pairs from the QR code, keeps its key, and approves a reset by tapping the number shown', async ({ page, browser }, testInfo) => {
  const pia = user('pia', testInfo);
  const mobile = await phone(browser);
  const { registration, approver } = await pair(page, mobile, pia, "Pia's Pixel");
  await expectAccessible(page, 'registration: pair the phone');
  await registration.widget.screenshot({ path: testInfo.outputPath('register-app.png') });
  await expectAccessible(mobile, 'approver: pair this phone');
  await approver.screenshot({ path: testInfo.outputPath('approver-pair.png') });
  await approver.getByRole('button', { name: 'Pair this phone' }).click();
  await expect(approver.getByRole('heading', { name: 'No requests waiting' })).toBeFocused();
  await expect(approver.getByTestId('sspr-notice')).toHaveText(/This phone is paired/);
  await expect(approver.getByTestId('sspr-approver-devices')).toContainText("Pia's Pixel");
  await expectAccessible(mobile, 'approver: waiting');

  // The registration page sees the phone by itself: with the directory's email, two methods.
  await expect(registration.heading('You are all set')).toBeVisible();
  await registration.widget.getByRole('button', { name: 'Manage my methods' }).click();
  await expect(registration.held().filter({ hasText: 'Notifications on “Pia\'s Pixel”' })).toHaveCount(1);

  // A reset asks for the phone: the phone shows the request with three numbers.
  await page.goto('/examples/plain.html');
  await page.evaluate((url) => document.querySelector('sspr-reset')!.setAttribute('edge', url), edge());
  const widget = page.locator('sspr-reset');
  await widget.getByLabel('Username or email').fill(pia);
  await widget.getByRole('button', { name: 'Send code' }).click();
  await widget.getByRole('button', { name: 'Approve a notification on your phone' }).click();
  const shown = (await widget.getByTestId('sspr-approval-number').innerText()).replace(/\D/g, '');
  await expect(approver.getByRole('heading', { name: 'Is this you?' })).toBeFocused({ timeout: 15_000 });
  await expect(approver.getByText(/Someone is resetting your password/)).toBeVisible();
  await expect(approver.getByRole('button', { name: /^Number \d\d$/ })).toHaveCount(3);
  await expectAccessible(mobile, 'approver: the request');
  await approver.screenshot({ path: testInfo.outputPath('approver-request.png') });
  await approver.getByRole('button', { name: `Number ${shown}` }).click();
  await expect(approver.getByRole('heading', { name: 'Approved' })).toBeFocused();
  await expect(widget.getByText('Step 2 of 2')).toBeVisible();

  // The pairing outlives the page: reopened without a code, the phone is still paired.
  await approver.getByRole('button', { name: 'OK' }).click();
  await mobile.reload();
  await expect(approver.getByRole('heading', { name: 'No requests waiting' })).toBeVisible();
  await expect(approver.getByTestId('sspr-approver-devices')).toContainText("Pia's Pixel");
  await mobile.context().close();
});

test('"This wasn\'t me" refuses the reset, and a phone removed at registration says it is no longer paired', async ({ page, browser }, testInfo) => {
  const pete = user('pete', testInfo);
  const mobile = await phone(browser);
  const { registration, approver } = await pair(page, mobile, pete, 'Work phone');
  await approver.getByRole('button', { name: 'Pair this phone' }).click();
  await expect(approver.getByRole('heading', { name: 'No requests waiting' })).toBeVisible();
  await expect(registration.heading('You are all set')).toBeVisible();

  const reset = await page.context().newPage();
  await reset.goto('/examples/plain.html');
  await reset.evaluate((url) => document.querySelector('sspr-reset')!.setAttribute('edge', url), edge());
  const widget = reset.locator('sspr-reset');
  await widget.getByLabel('Username or email').fill(pete);
  await widget.getByRole('button', { name: 'Send code' }).click();
  await widget.getByRole('button', { name: 'Approve a notification on your phone' }).click();
  await expect(approver.getByRole('heading', { name: 'Is this you?' })).toBeVisible({ timeout: 15_000 });
  await approver.getByRole('button', { name: "This wasn't me" }).click();
  await expect(approver.getByRole('heading', { name: 'Request refused' })).toBeFocused();
  await expectAccessible(mobile, 'approver: refused');
  await expect(widget.getByTestId('sspr-error')).toHaveText('The request on your phone was denied, answered with the wrong number, or timed out.');
  await expect(widget.getByRole('heading', { name: "Choose how to verify it's you" })).toBeVisible();
  await reset.close();

  // The user removes the phone on the registration page; the phone learns it at its next look.
  await registration.widget.getByRole('button', { name: 'Manage my methods' }).click();
  const phoneItem = registration.held().filter({ hasText: 'Notifications on “Work phone”' });
  await phoneItem.getByRole('button', { name: 'Remove' }).click();
  await expect(registration.held().filter({ hasText: 'Work phone' })).toHaveCount(0);
  await approver.getByRole('button', { name: 'OK' }).click();
  await expect(approver.getByRole('heading', { name: 'This phone is not paired' })).toBeVisible({ timeout: 15_000 });
  await expect(approver.getByText('This phone was removed from your account.')).toBeVisible();
  await mobile.context().close();
});

test('the phone offers notifications, says so when the browser cannot subscribe, and its service worker shows one for each push', async ({ page, browser }, testInfo) => {
  const pax = user('pax', testInfo);
  const mobile = await phone(browser);
  const origin = new URL(process.env.SSPR_SITE!).origin;
  await mobile.context().grantPermissions(['notifications'], { origin });
  const { approver } = await pair(page, mobile, pax, "Pax's phone");
  await approver.getByRole('button', { name: 'Pair this phone' }).click();
  await expect(approver.getByRole('heading', { name: 'No requests waiting' })).toBeVisible();

  // The edge sends Web Push (its pairing reply carried the application server key).
  await expect(approver.getByText('Get a notification on this phone for each request, even with this page closed.')).toBeVisible();
  await approver.getByRole('button', { name: 'Turn on notifications' }).click();
  // This machine's Chromium reaches no push service (Google's, for Chrome), so subscribing
  // fails: the page says so, and goes on checking while open.
  await expect(approver.getByTestId('sspr-error')).toHaveText(
    'Notifications could not be turned on in this browser. Keep this page open to see requests.',
    { timeout: 30_000 },
  );
  await expectAccessible(mobile, 'approver: notifications could not be turned on');

  // The service worker is in place: a push, delivered as a push service would (through
  // DevTools), shows the notification in the page's words.
  const cdp = await mobile.context().newCDPSession(mobile);
  const registered = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
      const ours = registrations.find((r: { scopeURL: string; isDeleted: boolean }) => r.scopeURL.endsWith('/approver/') && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    });
  });
  await cdp.send('ServiceWorker.enable');
  const registrationId = await registered;
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: `${origin}/`, registrationId, data: '' });
  await expect.poll(() => mobile.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return (await registration.getNotifications()).map((n) => [n.title, n.body]);
  }), { timeout: 15_000 }).toEqual([['Password reset request', 'Tap to approve or deny it.']]);
  await mobile.context().close();
});

// "This wasn't me": the notice after a reset links to the report page (the example host page
// examples/report.html, the edge's REPORT_URL) with the token in the fragment; the page shows
// what changed, reports it only when the user confirms, and a reset started afterwards is
// refused with the helpdesk to turn to.
import { readFileSync } from 'node:fs';
import { test, expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { canSignIn, codeSentTo, messages, resetStack, user } from './fixtures/stack';

// This file's users: see resetStack.
const PEOPLE = ['zoe'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

/** A one-line message from a locale file, as the widget shows it. */
function message(locale: string, id: string): string {
  const source = readFileSync(new URL(`../../widget/locales/${locale}.ftl`, import.meta.url), 'utf8');
  const line = source.split('\n').find((l) => l.startsWith(`${id} = `));
  if (!line) throw new Error(`${locale}.ftl has no one-line message ${id}`);
  return line.slice(id.length + 3).trim();
}

/** Resets `username`'s password on the plain example page, with the code emailed to them. */
async function resetPassword(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/examples/plain.html');
  const widget = page.locator('sspr-reset');
  await widget.getByLabel('Username or email').fill(username);
  await widget.getByRole('button', { name: 'Send code' }).click();
  await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await widget.getByLabel('Code', { exact: true }).fill(await codeSentTo(`${username}@example.com`));
  await widget.getByLabel('New password').fill(password);
  await widget.getByRole('button', { name: 'Change password' }).click();
  await expect(widget.getByRole('heading', { name: 'Password changed' })).toBeVisible();
}

/** Waits (bounded) for the notice with `subject` to `address` and returns its report link. */
async function reportLink(address: string, subject: string): Promise<string> {
  let link = '';
  await expect.poll(async () => {
    const notice = (await messages()).find((m) => m.to.includes(address) && m.subject === subject);
    link = /(https?:\/\/\S+\/examples\/report\.html#report=[A-Za-z0-9_-]+)/.exec(notice?.text ?? '')?.[1] ?? '';
    return link;
  }, { message: `a report link for ${address}`, timeout: 15_000 }).not.toBe('');
  return link;
}

/** Starts recording the widget's sspr:* events that reach the document. */
async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { type: string; detail: unknown }[] = [];
    (window as unknown as { ssprEvents: typeof seen }).ssprEvents = seen;
    for (const type of ['sspr:step', 'sspr:done', 'sspr:error']) {
      document.addEventListener(type, (event) => seen.push({ type, detail: (event as CustomEvent).detail }));
    }
  });
}

async function recordedEvents(page: Page): Promise<{ type: string; detail: unknown }[]> {
  return page.evaluate(() => (window as unknown as { ssprEvents: { type: string; detail: unknown }[] }).ssprEvents);
}

async function expectHelpdesk(widget: Locator): Promise<void> {
  const help = widget.getByRole('link', { name: 'Contact your helpdesk' });
  await expect(help).toBeVisible();
  await expect(help).toHaveAttribute('href', 'https://help.contoso.example');
}

test('a notice links to the report page; confirming it pauses resets, and a new reset is refused', async ({ page, baseURL }, testInfo) => {
  const zoe = user('zoe', testInfo);
  await resetPassword(page, zoe, 'mine and nobody else');
  const link = await reportLink(`${zoe}@example.com`, 'Your Contoso password was changed');
  // The configured page, with the token in the fragment: never sent to a server.
  expect(link.startsWith(`${baseURL}/examples/report.html#report=`)).toBe(true);

  // A mail scanner fetching the link gets the page and nothing happens: the page acts only
  // on the user's confirmation.
  expect((await fetch(link)).ok).toBe(true);
  await page.goto(link);
  const widget = page.locator('sspr-reset');
  await expect(widget.getByRole('heading', { name: 'Did you not make this change?' })).toBeFocused();
  await page.reload();
  const heading = widget.getByRole('heading', { name: 'Did you not make this change?' });
  await expect(heading).toBeFocused();
  await expect(widget.getByTestId('sspr-report-change')).toHaveText('Your password was changed.');
  await expect(widget.getByText(/^When: /)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('report-confirm.png') });
  await expectAccessible(page, 'report confirm');

  await recordEvents(page);
  await widget.getByRole('button', { name: "It wasn't me — report it" }).click();
  await expect(widget.getByRole('heading', { name: 'Thanks — your account is protected' })).toBeFocused();
  await expect(widget.getByText(/paused for your account until .+ administrators have been told/)).toBeVisible();
  await expectHelpdesk(widget);
  await page.screenshot({ path: testInfo.outputPath('report-done.png') });
  await expectAccessible(page, 'report done');
  expect(await recordedEvents(page)).toEqual([
    { type: 'sspr:step', detail: { flow: 'report', step: 'reported' } },
    { type: 'sspr:done', detail: { flow: 'report', outcome: 'reported' } },
  ]);

  // The link again: said clearly, nothing more done.
  await page.reload();
  await expect(widget.getByRole('heading', { name: 'You already reported this change' })).toBeFocused();
  await expectAccessible(page, 'report already reported');

  // A reset started now looks like any other until the code is proved, then is refused.
  const cleared = await fetch(`${process.env.SSPR_MAILBOX}/api/messages?to=${zoe}@example.com`, { method: 'DELETE' });
  expect(cleared.ok).toBe(true);
  await page.goto('/examples/plain.html');
  await recordEvents(page);
  const reset = page.locator('sspr-reset');
  await reset.getByLabel('Username or email').fill(zoe);
  await reset.getByRole('button', { name: 'Send code' }).click();
  await expect(reset.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await reset.getByLabel('Code', { exact: true }).fill(await codeSentTo(`${zoe}@example.com`));
  await expect(reset.getByRole('heading', { name: 'Password reset is paused for your account' })).toBeFocused();
  await expect(reset.getByText(/reported as not made by you/)).toBeVisible();
  await expectHelpdesk(reset);
  await page.screenshot({ path: testInfo.outputPath('report-reset-refused.png') });
  await expectAccessible(page, 'reset paused');
  const events = await recordedEvents(page);
  expect(events).toContainEqual({ type: 'sspr:step', detail: { flow: 'reset', step: 'reported' } });
  expect(events.some((e) => e.type === 'sspr:error' && (e.detail as { code: string }).code === 'reported_compromise')).toBe(true);
  // Nothing was changed: the password is the one zoe chose.
  expect(await canSignIn(zoe, 'mine and nobody else')).toBe(true);
});

test.describe('with a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('a link that cannot be used says so in German', async ({ page }, testInfo) => {
    await page.goto('/examples/report.html#report=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const widget = page.locator('sspr-reset');
    await expect(widget.getByRole('heading', { name: message('de', 'report-invalid-title') })).toBeFocused();
    await expect(widget.getByRole('alert')).toHaveText(message('de', 'error-report_invalid'));
    await page.screenshot({ path: testInfo.outputPath('de-report-invalid.png') });
    await expectAccessible(page, 'German report invalid');
  });
});

test('the page opened without a token says where to open it from', async ({ page }) => {
  await page.goto('/examples/report.html');
  const widget = page.locator('sspr-reset');
  await expect(widget.getByRole('heading', { name: 'This link cannot be used' })).toBeFocused();
  await expect(widget.getByRole('alert')).toHaveText(message('en', 'report-missing'));
});

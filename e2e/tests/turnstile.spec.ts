// Cloudflare Turnstile at reset start, against the test stack's Turnstile edge
// (SSPR_EDGE_TURNSTILE: TURNSTILE_SECRET set; see xtask/src/stack.rs) and the Turnstile
// stand-in (e2e/standins/turnstile.mjs), whose api.js implements Cloudflare's explicit
// rendering API: the widget loads it from `turnstile-script` as it would load Cloudflare's.
// The page is the plain example with its widget given the edge and the site key.
import { test, expect, type Page } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';

const edge = () => process.env.SSPR_EDGE_TURNSTILE!;
const standin = () => process.env.SSPR_TURNSTILE!;
const sitekey = () => process.env.SSPR_TURNSTILE_SITEKEY!;

/** The plain example page, its <sspr-reset> replaced by one with Turnstile on. */
async function openWithTurnstile(page: Page, dom = 'shadow') {
  await page.goto('/examples/plain.html');
  await page.evaluate(({ edge, sitekey, script, dom }) => {
    const widget = document.createElement('sspr-reset');
    widget.setAttribute('edge', edge);
    widget.setAttribute('dom', dom);
    widget.setAttribute('turnstile-sitekey', sitekey);
    widget.setAttribute('turnstile-script', script);
    document.querySelector('sspr-reset')!.replaceWith(widget);
  }, { edge: edge(), sitekey: sitekey(), script: `${standin()}/turnstile/v0/api.js?render=explicit`, dom });
  const widget = page.locator('sspr-reset');
  await expect(widget.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  return widget;
}

test('reset start waits for the Turnstile token, asks again when it expires, and sends it', async ({ page, request }, testInfo) => {
  const starts: any[] = [];
  page.on('request', (req) => {
    if (req.url() === `${edge()}/v1/reset/start` && req.method() === 'POST') starts.push(req.postDataJSON());
  });
  const widget = await openWithTurnstile(page);
  const send = widget.getByRole('button', { name: 'Send code' });
  const challenge = widget.getByTestId('sspr-turnstile');

  // The challenge is rendered by the script, in a light-DOM child of the element (Turnstile
  // cannot run in a shadow root), slotted into the form; the button waits for its token.
  await expect(page.locator('sspr-reset > .sspr-turnstile__challenge')).toHaveCount(1);
  await expect(page.locator('sspr-reset > .sspr-turnstile__challenge').getByRole('status')).toHaveText('Success!');
  await expect(challenge).toHaveAttribute('data-state', 'solved');
  await expect(send).toBeEnabled();
  await widget.getByLabel('Username or email').fill(`nobody-turnstile-${testInfo.project.name}`);
  await expectAccessible(page, 'reset: identify with Turnstile');

  // The token expires before it is sent: the user is told, the button waits, and trying
  // again gets a new token.
  await page.evaluate(() => (window as any).turnstile.standin.expire());
  await expect(widget.getByRole('alert').filter({ hasText: 'The security check expired' })).toBeVisible();
  await expect(send).toBeDisabled();
  await expectAccessible(page, 'reset: Turnstile expired');
  await widget.getByRole('button', { name: 'Try the check again' }).click();
  await expect(challenge).toHaveAttribute('data-state', 'solved');
  await expect(widget.getByText('The security check expired')).toHaveCount(0);
  await expect(send).toBeEnabled();

  // Siteverify fails for this token: nothing starts, the user is told to try again, and the
  // widget asks for a new token (each is good once).
  const first = await page.evaluate(() => (window as any).turnstile.getResponse());
  const failing = await request.post(`${standin()}/turnstile/v0/standin/fail`, { data: { token: first, status: 503 } });
  expect(failing.status()).toBe(200);
  await send.click();
  await expect(widget.getByTestId('sspr-error')).toHaveText('The security check could not be verified right now. Nothing was started. Try again in a moment.');
  await expect.poll(() => page.evaluate(() => (window as any).turnstile.getResponse())).not.toBe(first);
  await expect(send).toBeEnabled();

  await send.click();
  await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  expect(starts).toHaveLength(2);
  expect(starts[0].turnstile).toBe(first);
  expect(starts[1].turnstile).toMatch(/^0\./);
  expect(starts[1].turnstile).not.toBe(first);
  // The identify screen is gone, and so is the challenge.
  await expect(page.locator('sspr-reset > .sspr-turnstile__challenge')).toHaveCount(0);

  // Starting over shows a new challenge: the spent token is not offered again.
  await widget.getByRole('button', { name: 'Start over' }).click();
  await expect(page.locator('sspr-reset > .sspr-turnstile__challenge').getByRole('status')).toHaveText('Success!');
  await expect(challenge).toHaveAttribute('data-state', 'solved');
  const fresh = await page.evaluate(() => (window as any).turnstile.getResponse());
  expect(fresh).not.toBe(starts[1].turnstile);
  // Another username: the first one's code went out moments ago (resend cooldown).
  await widget.getByLabel('Username or email').fill(`nobody-turnstile-again-${testInfo.project.name}`);
  await send.click();
  await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  expect(starts).toHaveLength(3);
  expect(starts[2].turnstile).toBe(fresh);
});

test('in the light DOM the challenge renders inside the form itself', async ({ page }, testInfo) => {
  const widget = await openWithTurnstile(page, 'light');
  const challenge = page.locator('sspr-reset slot[name="sspr-turnstile"] > .sspr-turnstile__challenge');
  await expect(challenge.getByRole('status')).toHaveText('Success!');
  await expect(page.locator('sspr-reset > .sspr-turnstile__challenge')).toHaveCount(0);
  await widget.getByLabel('Username or email').fill(`nobody-turnstile-light-${testInfo.project.name}`);
  await widget.getByRole('button', { name: 'Send code' }).click();
  await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  await expect(challenge).toHaveCount(0);
});

test('a theme change renders the challenge again in that theme, and a reset still starts', async ({ page }, testInfo) => {
  const starts: any[] = [];
  page.on('request', (req) => {
    if (req.url() === `${edge()}/v1/reset/start` && req.method() === 'POST') starts.push(req.postDataJSON());
  });
  const widget = await openWithTurnstile(page);
  const box = page.locator('sspr-reset > .sspr-turnstile__challenge .cf-turnstile-standin');
  await expect(box).toHaveAttribute('data-theme', 'auto');
  await widget.getByLabel('Username or email').fill(`nobody-turnstile-theme-${testInfo.project.name}`);
  for (const theme of ['dark', 'light']) {
    await page.locator('sspr-reset').evaluate((element, theme) => element.setAttribute('theme', theme), theme);
    await expect(box).toHaveAttribute('data-theme', theme);
    await expect(box).toHaveCount(1);
  }
  // The challenge rendered last has solved and handed its token to the widget.
  await expect(page.locator('sspr-reset > .sspr-turnstile__challenge').getByRole('status')).toHaveText('Success!');
  await expect(widget.getByTestId('sspr-turnstile')).toHaveAttribute('data-state', 'solved');
  await expect(widget.getByLabel('Username or email')).toHaveValue(`nobody-turnstile-theme-${testInfo.project.name}`);
  const current = await page.evaluate(() => (window as any).turnstile.getResponse());
  expect(current).toMatch(/^0\./);
  await widget.getByRole('button', { name: 'Send code' }).click();
  await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  expect(starts).toHaveLength(1);
  expect(starts[0].turnstile).toBe(current);
});

test('without a site key the widget loads no Turnstile script', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (req) => {
    if (req.url().startsWith(standin())) scripts.push(req.url());
  });
  await page.goto('/examples/plain.html');
  const widget = page.locator('sspr-reset');
  await expect(widget.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await expect(widget.getByTestId('sspr-turnstile')).toHaveCount(0);
  await expect(widget.getByRole('button', { name: 'Send code' })).toBeEnabled();
  expect(scripts).toEqual([]);
});

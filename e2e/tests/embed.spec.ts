// Embedding: the widget as a host page gets it — one module from another origin (the CDN
// stand-in), one <sspr-reset> element, a strict CSP, the page's own CSS around it, and DOM
// events out of it.
import { test, expect, type Page } from '@playwright/test';
import { canSignIn, codeSentTo, resetStack, user } from './fixtures/stack';

// This file's users: see resetStack.
const PEOPLE = ['abby'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

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

test('a plain page embeds the widget with one script tag and one element, and resets a password', async ({ page }, testInfo) => {
  const abby = user('abby', testInfo);
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto('/examples/plain.html');
  const widget = page.locator('sspr-reset');
  await expect(widget.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await recordEvents(page);

  await widget.getByLabel('Username or email').fill(abby);
  await widget.getByRole('button', { name: 'Send code' }).click();
  await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await widget.getByLabel('Code', { exact: true }).fill(await codeSentTo(`${abby}@example.com`));
  await expect(widget.getByRole('heading', { name: 'Choose a new password' })).toBeFocused();
  await widget.getByLabel('New password').fill('embedded and reset');
  await widget.getByRole('button', { name: 'Change password' }).click();
  await expect(widget.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('embed-plain-done.png') });

  expect(await canSignIn(abby, 'embedded and reset')).toBe(true);
  expect(await recordedEvents(page)).toEqual([
    { type: 'sspr:step', detail: { flow: 'reset', step: 'verify_code' } },
    { type: 'sspr:step', detail: { flow: 'reset', step: 'new_password' } },
    { type: 'sspr:step', detail: { flow: 'reset', step: 'done' } },
    { type: 'sspr:done', detail: { flow: 'reset' } },
  ]);
  expect(consoleErrors).toEqual([]);
});

test("the host page's CSS does not reach the widget in its shadow root, and the widget's does not reach the page", async ({ page }) => {
  await page.goto('/examples/plain.html');
  const widget = page.locator('sspr-reset');
  const send = widget.getByRole('button', { name: 'Send code' });
  await expect(send).toBeVisible();
  // host.css paints every button pink and uppercases every h2.
  await expect(send).toHaveCSS('background-color', 'rgb(29, 78, 216)');
  await expect(send).toHaveCSS('text-transform', 'none');
  await expect(widget.getByRole('heading', { name: 'Reset your password' })).toHaveCSS('text-transform', 'none');
  await expect(page.locator('#host-button')).toHaveCSS('background-color', 'rgb(255, 105, 180)');
  // The page's own `.sspr-error` paragraph keeps the page's colour: no widget rule reached it.
  await expect(page.locator('body > p.sspr-error')).toHaveCSS('color', 'rgb(59, 7, 100)');
  expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
});

test('light-DOM mode renders ordinary children that the page and password managers can see', async ({ page }, testInfo) => {
  await page.goto('/examples/light-dom.html');
  const widget = page.locator('sspr-reset');
  await expect(widget.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  expect(await page.evaluate(() => document.querySelector('sspr-reset')!.shadowRoot)).toBeNull();
  expect(await page.evaluate(() => document.querySelectorAll('sspr-reset input[autocomplete="username"]').length)).toBe(1);
  // The page's `button` and `h2` rules lose to the widget's own.
  await expect(widget.getByRole('button', { name: 'Send code' })).toHaveCSS('background-color', 'rgb(29, 78, 216)');
  await expect(widget.getByRole('heading', { name: 'Reset your password' })).toHaveCSS('text-transform', 'none');

  await recordEvents(page);
  await widget.getByLabel('Username or email').fill(`${user('nobody-light', testInfo)}@example.com`);
  await widget.getByRole('button', { name: 'Send code' }).click();
  await widget.getByLabel('Code', { exact: true }).fill('000000');
  await expect(widget.getByTestId('sspr-error')).toHaveText('The code does not match. 4 tries left.');
  expect(await recordedEvents(page)).toEqual([
    { type: 'sspr:step', detail: { flow: 'reset', step: 'verify_code' } },
    { type: 'sspr:error', detail: { flow: 'reset', code: 'code_mismatch', message: 'The code does not match. 4 tries left.' } },
  ]);
});

test('a missing or wrong attribute is named on the page and in an sspr:error event', async ({ page }) => {
  await page.goto('/examples/plain.html');
  await expect(page.locator('sspr-reset').getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await recordEvents(page);
  await page.evaluate(() => {
    for (const attributes of [{ id: 'no-edge' }, { id: 'bad-theme', edge: 'https://sspr.example.com', theme: 'purple' }]) {
      const element = document.createElement('sspr-reset');
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      document.body.append(element);
    }
  });
  await expect(page.locator('#no-edge').getByRole('alert')).toHaveText(
    'sspr: the `edge` option is missing; set it to your sspr edge\'s URL, e.g. edge="https://sspr.example.com"',
  );
  await expect(page.locator('#bad-theme').getByRole('alert')).toHaveText(
    'sspr: the `theme` option "purple" is not one of "auto", "light", "dark"',
  );
  const codes = (await recordedEvents(page)).map((event) => [event.type, (event.detail as { code: string }).code]);
  expect(codes).toEqual([['sspr:error', 'bad_option'], ['sspr:error', 'bad_option']]);
});

test('the theme attribute switches to dark and back without losing what was typed, and a moved element keeps its state', async ({ page }) => {
  await page.goto('/examples/plain.html');
  const widget = page.locator('sspr-reset');
  const heading = widget.getByRole('heading', { name: 'Reset your password' });
  await expect(heading).toHaveCSS('color', 'rgb(17, 24, 39)');
  await widget.getByLabel('Username or email').fill('someone');
  await page.evaluate(() => document.querySelector('sspr-reset')!.setAttribute('theme', 'dark'));
  await expect(heading).toHaveCSS('color', 'rgb(249, 250, 251)');
  await page.evaluate(() => document.querySelector('sspr-reset')!.setAttribute('theme', 'light'));
  await expect(heading).toHaveCSS('color', 'rgb(17, 24, 39)');
  await page.evaluate(() => {
    const element = document.querySelector('sspr-reset')!;
    const box = document.createElement('div');
    box.id = 'moved-here';
    document.body.append(box);
    box.append(element);
  });
  await expect(page.locator('#moved-here sspr-reset').getByLabel('Username or email')).toHaveValue('someone');
});

test('the page can theme the widget through custom properties', async ({ page }) => {
  await page.goto('/examples/plain.html');
  const widget = page.locator('sspr-reset');
  await expect(widget.getByRole('button', { name: 'Send code' })).toBeVisible();
  await page.evaluate(() => document.querySelector('sspr-reset')!.style.setProperty('--sspr-color-accent', 'rgb(0, 128, 0)'));
  await expect(widget.getByRole('button', { name: 'Send code' })).toHaveCSS('background-color', 'rgb(0, 128, 0)');
});

test('reduced motion and more contrast change how the widget draws', async ({ page }) => {
  await page.goto('/examples/plain.html');
  const widget = page.locator('sspr-reset');
  const send = widget.getByRole('button', { name: 'Send code' });
  const hint = widget.locator('.sspr-form__hint');
  const heading = widget.getByRole('heading', { name: 'Reset your password' });
  const input = widget.getByLabel('Username or email');
  await expect(send).toHaveCSS('transition-duration', /0\.15s/);
  await expect(hint).toHaveCSS('color', 'rgb(75, 85, 99)');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(send).toHaveCSS('transition-duration', '0s');

  // More contrast: hints take the text colour, fields a thicker border.
  await page.emulateMedia({ contrast: 'more' });
  const text = await heading.evaluate((element) => getComputedStyle(element).color);
  await expect(hint).toHaveCSS('color', text);
  await expect(input).toHaveCSS('border-top-width', '2px');

});

// Languages: the widget speaks the language of its `lang` attribute, else the browser's, from
// the locale files in widget/locales/, and lays Arabic out right to left.
import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { RegisterPage } from './fixtures/register_page';
import { resetStack, user } from './fixtures/stack';

/** A one-line message from a locale file, as the widget shows it. */
function message(locale: string, id: string): string {
  const source = readFileSync(new URL(`../../widget/locales/${locale}.ftl`, import.meta.url), 'utf8');
  const line = source.split('\n').find((l) => l.startsWith(`${id} = `));
  if (!line) throw new Error(`${locale}.ftl has no one-line message ${id}`);
  return line.slice(id.length + 3).trim();
}

// This file's users: see resetStack.
const PEOPLE = ['niemand', 'selma', 'sprache'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

test.describe('with a German browser', () => {
  test.use({ locale: 'de-DE' });

  test('the widget speaks German without being told', async ({ page }, testInfo) => {
    await page.goto('/examples/plain.html');
    const widget = page.locator('sspr-reset');
    await expect(widget.getByRole('heading', { name: message('de', 'identify-title-reset') })).toBeVisible();
    await expect(widget.locator('section')).toHaveAttribute('lang', 'de');
    await widget.getByLabel(message('de', 'identify-username')).fill(`${user('niemand', testInfo)}@example.com`);
    await widget.getByRole('button', { name: message('de', 'identify-submit') }).click();
    await expect(widget.getByRole('heading', { name: message('de', 'code-title-email') })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('de-code.png') });
    await widget.screenshot({ path: testInfo.outputPath('widget-de-code.png') });
    await expectAccessible(page, 'German code');
  });

  test('the lang attribute wins over the browser', async ({ page }) => {
    await page.goto('/examples/plain.html');
    await page.evaluate(() => document.querySelector('sspr-reset')!.setAttribute('lang', 'ja'));
    await expect(page.locator('sspr-reset').getByRole('heading', { name: message('ja', 'identify-title-reset') })).toBeVisible();
  });

  test('a language set while the browser\'s is still loading wins, and stays', async ({ page }) => {
    // Regression: the first mount (German, its file slow to come) finished after the second
    // (Japanese), took the element back and left it empty.
    await page.route('**/locales/de.ftl', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const german = page.waitForResponse('**/locales/de.ftl');
    await page.goto('/examples/plain.html');
    await page.evaluate(() => document.querySelector('sspr-reset')!.setAttribute('lang', 'ja'));
    const japanese = page.locator('sspr-reset').getByRole('heading', { name: message('ja', 'identify-title-reset') });
    await expect(japanese).toBeVisible();
    await german;
    // A moment for the stale mount to finish, as it did when it cleared the element.
    await page.waitForTimeout(300);
    await expect(japanese).toBeVisible();
    await expect(page.locator('sspr-reset').getByRole('heading')).toHaveCount(1);
  });
});

test('Arabic is laid out right to left', async ({ page }, testInfo) => {
  await page.goto('/examples/plain.html');
  await page.evaluate(() => document.querySelector('sspr-reset')!.setAttribute('lang', 'ar'));
  const widget = page.locator('sspr-reset');
  const heading = widget.getByRole('heading', { name: message('ar', 'identify-title-reset') });
  await expect(heading).toBeVisible();
  await expect(widget.locator('section')).toHaveAttribute('dir', 'rtl');
  const input = widget.getByLabel(message('ar', 'identify-username'));
  await expect(input).toHaveCSS('direction', 'rtl');
  // The heading's text hugs the right edge of the widget, not the left.
  const box = (await widget.locator('section').boundingBox())!;
  const text = await heading.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const { left, right } = range.getBoundingClientRect();
    return { left, right };
  });
  expect(Math.abs(box.x + box.width - text.right)).toBeLessThan(2);
  expect(text.left - box.x).toBeGreaterThan(20);
  await page.screenshot({ path: testInfo.outputPath('ar-identify.png') });
  await widget.screenshot({ path: testInfo.outputPath('widget-ar-identify.png') });
  await expectAccessible(page, 'Arabic identify');
});

test('a bad lang attribute is named', async ({ page }) => {
  await page.goto('/examples/plain.html');
  await page.evaluate(() => document.querySelector('sspr-reset')!.setAttribute('lang', 'english please'));
  await expect(page.locator('sspr-reset').getByRole('alert')).toHaveText(
    'sspr: the `lang` option "english please" is not a language tag such as "de" or "pt-BR"',
  );
});

// The edge writes its emails and texts in the language the user sees: every call carries it.
test('every call to the edge carries the widget\'s language', async ({ page }, testInfo) => {
  const sent: { url: string; language: string | undefined }[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/v1/')) {
      sent.push({ url: request.url(), language: request.headers()['accept-language'] });
    }
  });
  await page.goto('/examples/plain.html');
  await page.evaluate(() => document.querySelector('sspr-reset')!.setAttribute('lang', 'de'));
  const widget = page.locator('sspr-reset');
  await widget.getByLabel(message('de', 'identify-username')).fill(`${user('sprache', testInfo)}@example.com`);
  await widget.getByRole('button', { name: message('de', 'identify-submit') }).click();
  await expect(widget.getByRole('heading', { name: message('de', 'code-title-email') })).toBeVisible();
  expect(sent.map((s) => new URL(s.url).pathname)).toContain('/v1/reset/start');
  expect(sent.every((s) => s.language === 'de')).toBe(true);
});

test('registration calls carry the widget\'s language too', async ({ page }, testInfo) => {
  const languages: (string | undefined)[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/v1/register')) {
      languages.push(request.headers()['accept-language']);
    }
  });
  const register = new RegisterPage(page);
  await register.open(user('selma', testInfo), { lang: 'pt-BR' });
  await expect(register.widget.locator('section')).toHaveAttribute('lang', 'pt');
  await expect.poll(() => languages.length).toBeGreaterThan(0);
  expect(languages.every((l) => l === 'pt')).toBe(true);
});

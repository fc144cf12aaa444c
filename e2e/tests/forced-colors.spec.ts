// Forced colours (Windows high contrast): the system replaces the widget's colours, and drops
// its gradient backgrounds. The widget must stay usable: a visible focus ring, a border
// around every button and field, and the code's digit slots still drawn.
import { test, expect, type Locator } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { ResetPage } from './fixtures/reset_page';
import { resetStack, user } from './fixtures/stack';

// This file's users: see resetStack.
const PEOPLE = ['kontrast'];

test.beforeEach(async ({ page }, testInfo) => {
  await resetStack(testInfo, PEOPLE);
  await page.emulateMedia({ forcedColors: 'active' });
});

/** The computed border of `control`, as the browser draws it under forced colours. */
async function border(control: Locator): Promise<{ style: string; width: number }> {
  return control.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.borderTopStyle, width: parseFloat(style.borderTopWidth) };
  });
}

test('under forced colours every control keeps its border, focus ring and code slots', async ({ page }, testInfo) => {
  const reset = new ResetPage(page);
  await reset.open();
  const widget = reset.widget();
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);

  const username = widget.getByLabel('Username or email');
  await username.focus();
  const ring = await username.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  for (const control of [username, widget.getByRole('button', { name: 'Send code' })]) {
    const drawn = await border(control);
    expect(drawn.style, await control.evaluate((e) => e.outerHTML.slice(0, 80))).not.toBe('none');
    expect(drawn.width).toBeGreaterThanOrEqual(1);
  }
  await expectAccessible(page, 'identify, forced colours');

  // An unknown user gets the same code screen as anyone (no code ever arrives).
  await reset.submitUsername(`${user('kontrast', testInfo)}@example.com`);
  await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const code = reset.codeInput();
  const slots = await code.evaluate((element) => getComputedStyle(element).backgroundImage);
  expect(slots).toContain('linear-gradient');
  expect((await border(code)).style).not.toBe('none');
  await code.focus();
  expect(await code.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
  await code.fill('12');
  await widget.screenshot({ path: testInfo.outputPath('forced-colors-code.png') });
  await expectAccessible(page, 'code, forced colours');
});

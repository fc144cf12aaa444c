// The widget inside a framework page: examples/react.html, a login page written in React 19
// (examples/react/login.jsx), under the same strict CSP as the plain example.
import { test, expect } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { canSignIn, codeSentTo, resetStack, user } from './fixtures/stack';

// This file's users: see resetStack.
const PEOPLE = ['cora'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

test('inside a React page the widget keeps what was typed through re-renders, and React hears when the password changed', async ({ page }, testInfo) => {
  const cora = user('cora', testInfo);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/examples/react.html');
  const forgot = page.getByRole('button', { name: 'Forgot your password?' });
  const widget = page.locator('sspr-reset');

  // React mounts the element; closing the panel unmounts it, opening it starts anew.
  await forgot.click();
  await expect(widget.getByRole('heading', { name: 'Reset your password' })).toBeVisible();
  await widget.getByLabel('Username or email').fill('someone else');
  await forgot.click();
  await expect(widget).toHaveCount(0);
  await forgot.click();
  await expect(widget.getByLabel('Username or email')).toHaveValue('');

  // Re-rendering the page keeps the element, and what the user typed in it.
  await widget.getByLabel('Username or email').fill(cora);
  await page.getByRole('button', { name: 'Render the page again' }).click();
  await page.getByRole('button', { name: 'Render the page again' }).click();
  await expect(page.getByTestId('renders')).toHaveText('Rendered 3 times');
  await expect(widget.getByLabel('Username or email')).toHaveValue(cora);
  await expectAccessible(page, 'React page with the widget open');

  await widget.getByRole('button', { name: 'Send code' }).click();
  await expect(widget.getByRole('heading', { name: 'Check your email' })).toBeFocused();
  await widget.getByLabel('Code', { exact: true }).fill(await codeSentTo(`${cora}@example.com`));
  await expect(widget.getByRole('heading', { name: 'Choose a new password' })).toBeFocused();
  await widget.getByLabel('New password').fill('reset inside react');
  await widget.getByRole('button', { name: 'Change password' }).click();

  // sspr:done reached React's handler: it closed the panel and says so in its own words.
  await expect(widget).toHaveCount(0);
  await expect(page.getByRole('status')).toHaveText('Your password was changed. Sign in with your new password.');
  await page.screenshot({ path: testInfo.outputPath('framework-react-done.png') });
  expect(await canSignIn(cora, 'reset inside react')).toBe(true);

  await page.getByLabel('Username', { exact: true }).fill(cora);
  await page.getByLabel('Password', { exact: true }).fill('reset inside react');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status')).toHaveText(`Signed in as Cora Lind ${/\d+$/.exec(cora)?.[0]}.`);
  await expectAccessible(page, 'React page after the reset');
  expect(problems, 'console errors (a CSP violation would be one)').toEqual([]);
});

// Security questions, at registration and at reset, against the real edge: the test stack's
// questions edge (SSPR_EDGE_QUESTIONS; see xtask/src/stack.rs), whose policy requires two
// methods and allows security questions beside email and the authenticator, with one custom
// question of the organisation's. The pages are the site's usual examples with their `edge`
// pointed at it (the site's CSP and the edge's ALLOWED_ORIGINS allow it). Each test has its
// own directory user with an email address (quinn2, olaf3, remy4 …), so the directory's address is
// the first of the two methods.
import { test, expect, type Page } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { RegisterPage } from './fixtures/register_page';
import { canSignIn, codeSentTo, resetStack, user, ticket } from './fixtures/stack';

const questionsEdge = () => process.env.SSPR_EDGE_QUESTIONS!;

// This file's users: see resetStack.
const PEOPLE = ['olaf', 'quinn', 'remy'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

/** The registration requests the page sends, with their bodies and credentials. */
function recordRequests(page: Page) {
  const requests: Array<{ path: string; body: any; authorization?: string }> = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(questionsEdge()) || request.method() === 'OPTIONS') return;
    const body = request.postData();
    requests.push({ path: new URL(request.url()).pathname, body: body ? JSON.parse(body) : undefined, authorization: request.headers().authorization });
  });
  return requests;
}

test('security questions are registered: chosen from the localized list, answered twice, with the edge\'s error under its question', async ({ page }, testInfo) => {
  const requests = recordRequests(page);
  const registration = new RegisterPage(page);
  await registration.open(user('quinn', testInfo), { edge: questionsEdge() });
  await registration.expectOverview();
  await expect(registration.widget.getByTestId('sspr-progress')).toContainText('1 of 2 set up');
  await registration.add('Set up security questions');
  await expect(registration.heading('Set up security questions')).toBeFocused();
  await expect(registration.widget.getByText('Choose 3 different questions and type each answer twice. Answers have 3 to 40 characters.')).toBeVisible();

  const rows = [
    { question: 'In which city were you born?', answer: 'Lyon', again: 'Lyon' },
    { question: 'What was the name of your first pet?', answer: 'Biscuit', again: 'Biscit' },
    { question: 'What was the name of your first manager?', answer: 'Ms Grey', again: 'Ms Grey' },
  ];
  for (const [index, row] of rows.entries()) {
    const fieldset = registration.widget.getByRole('group', { name: `Question ${index + 1}` });
    await fieldset.getByLabel('Choose a question').selectOption({ label: row.question });
    await fieldset.getByLabel('Answer', { exact: true }).fill(row.answer);
    await fieldset.getByLabel('Answer again').fill(row.again);
  }
  await expectAccessible(page, 'security questions');
  await registration.widget.getByRole('button', { name: 'Save questions' }).click();

  // The edge refuses the pair that differs, and names it: the widget shows it under it.
  const second = registration.widget.getByRole('group', { name: 'Question 2' });
  await expect(registration.widget.getByTestId('sspr-question-error-1')).toHaveText(/Check your security questions/);
  await expect(second.getByLabel('Answer again')).toHaveAttribute('aria-invalid', 'true');
  await expect(registration.widget.getByRole('group', { name: 'Question 1' }).getByLabel('Answer again')).toHaveValue('Lyon');
  await expectAccessible(page, 'security questions with an error');
  await second.getByLabel('Answer again').fill('Biscuit');
  await registration.widget.getByRole('button', { name: 'Save questions' }).click();
  await expect(registration.heading('You are all set')).toBeVisible();

  const sent = requests.filter((r) => r.path === '/v1/register/questions');
  expect(sent).toHaveLength(2);
  expect(sent.at(-1)!.body).toEqual({
    answers: [
      { question: { kind: 'predefined', value: 'city_born' }, answer: 'Lyon', confirmation: 'Lyon' },
      { question: { kind: 'predefined', value: 'first_pet_name' }, answer: 'Biscuit', confirmation: 'Biscuit' },
      { question: { kind: 'custom', value: 'What was the name of your first manager?' }, answer: 'Ms Grey', confirmation: 'Ms Grey' },
    ],
  });
  expect(requests.every((r) => r.authorization?.startsWith('Bearer sspr1.'))).toBe(true);
});

test('the predefined questions are shown in the user\'s language', async ({ page }, testInfo) => {
  const registration = new RegisterPage(page);
  await registration.open(user('olaf', testInfo), { lang: 'de', edge: questionsEdge() });
  await registration.widget.getByRole('button', { name: 'Sicherheitsfragen einrichten' }).click();
  const first = registration.widget.getByRole('group', { name: 'Frage 1' });
  await first.getByLabel('Frage auswählen').selectOption({ label: 'In welcher Stadt wurden Sie geboren?' });
  await expectAccessible(page, 'German security questions');
});

test('a reset asks the registered questions, again after a wrong answer, then the second method', async ({ page }, testInfo) => {
  // Arrange: remy registers three questions (as the first test does in the browser).
  const remy = user('remy', testInfo);
  const answers = { city_born: 'Lyon', first_pet_name: 'Biscuit', first_car_model: 'Beetle' } as Record<string, string>;
  const registered = await fetch(`${questionsEdge()}/v1/register/questions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ticket(remy)}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      answers: Object.entries(answers).map(([value, answer]) => ({ question: { kind: 'predefined', value }, answer, confirmation: answer })),
    }),
  });
  expect(registered.status, await registered.clone().text()).toBe(200);
  const texts: Record<string, string> = {
    'In which city were you born?': answers.city_born,
    'What was the name of your first pet?': answers.first_pet_name,
    'What was the make and model of your first car?': answers.first_car_model,
  };

  await page.goto('/examples/plain.html');
  await page.evaluate((edge) => document.querySelector('sspr-reset')!.setAttribute('edge', edge), questionsEdge());
  const widget = page.locator('sspr-reset');
  await widget.getByLabel('Username or email').fill(remy);
  await widget.getByRole('button', { name: 'Send code' }).click();
  await expect(widget.getByText('Step 1 of 2')).toBeVisible();
  await widget.getByRole('button', { name: 'Answer your security questions' }).click();
  const heading = widget.getByRole('heading', { name: 'Answer your security questions' });
  await expect(heading).toBeFocused();
  const fields = widget.getByTestId('sspr-answers').getByRole('textbox');
  await expect(fields).toHaveCount(3);
  for (const field of await fields.all()) await field.fill('wrong answer');
  await expectAccessible(page, 'reset: security questions');
  await widget.getByRole('button', { name: 'Continue' }).click();

  await expect(widget.getByTestId('sspr-error')).toHaveText('Some answers are wrong. Answer the new questions.');
  await expect(fields.first()).toHaveValue('');
  for (const field of await fields.all()) {
    const label = (await field.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent ?? '')).trim();
    expect(Object.keys(texts)).toContain(label);
    await field.fill(texts[label]);
  }
  await widget.getByRole('button', { name: 'Continue' }).click();

  await expect(widget.getByText('Step 2 of 2')).toBeVisible();
  await expect(widget.getByRole('button', { name: 'Answer your security questions' })).toHaveCount(0);
  await widget.getByRole('button', { name: /^Email a code to/ }).click();
  await widget.getByLabel('Code', { exact: true }).fill(await codeSentTo(`${remy}@example.com`));
  await expect(widget.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await widget.getByLabel('New password').fill('asked and answered');
  await widget.getByRole('button', { name: 'Change password' }).click();
  await expect(widget.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(await canSignIn(remy, 'asked and answered')).toBe(true);
});

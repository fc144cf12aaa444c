// Security questions, at registration and at reset. The test policy does not offer them (one
// method is required, and questions are never enough alone), so these tests answer the
// widget's requests themselves, with the edge's documented replies (RegistrationView, Reply),
// and check what the widget sends. The screens are the same against the real edge.
import { test, expect, type Page, type Route } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { RegisterPage } from './fixtures/register_page';
import { ResetPage } from './fixtures/reset_page';

const edge = () => process.env.SSPR_EDGE!;

const view = (overrides: Record<string, unknown> = {}) => ({
  username: 'quinn',
  display_name: 'Quinn Example',
  due: { kind: 'register', missing: 1, skips_left: 0 },
  required: 2,
  allowed: ['email_code', 'security_questions'],
  methods: [{ method: 'email_code', destination: 'q•••@h•••.example' }],
  questions: {
    register: 3,
    predefined: ['city_born', 'first_pet_name', 'childhood_street', 'first_school_name'],
    custom: ['What was the name of your first manager?'],
    min_answer_chars: 3,
    max_answer_chars: 40,
  },
  removal_needs_sign_in_after: 0,
  ...overrides,
});

/** Answers the edge's routes with `answer(path, body)`, CORS included, and keeps the requests. */
async function standInEdge(page: Page, answer: (path: string, body: any) => { status: number; body: unknown }) {
  const requests: Array<{ path: string; body: any; authorization?: string }> = [];
  const origin = new URL(process.env.SSPR_SITE!).origin;
  const cors = {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'authorization, content-type',
    'access-control-allow-methods': 'GET, POST',
  };
  await page.route(`${edge()}/v1/**`, async (route: Route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const path = new URL(request.url()).pathname;
    const body = request.postData() ? JSON.parse(request.postData()!) : undefined;
    requests.push({ path, body, authorization: request.headers().authorization });
    const reply = answer(path, body);
    return route.fulfill({ status: reply.status, headers: cors, contentType: 'application/json', body: JSON.stringify(reply.body) });
  });
  return requests;
}

test('security questions are registered: chosen from the localized list, answered twice, with the edge\'s error under its question', async ({ page }) => {
  let attempts = 0;
  const requests = await standInEdge(page, (path) => {
    if (path === '/v1/register/questions') {
      attempts += 1;
      if (attempts === 1) {
        return {
          status: 400,
          body: view({ error: { code: 'questions_invalid', message: 'answers[1]: the two entries differ', parameter: 'answers[1]' } }),
        };
      }
      return {
        status: 200,
        body: view({
          due: { kind: 'up_to_date' },
          methods: [
            { method: 'email_code', destination: 'q•••@h•••.example' },
            { method: 'security_questions' },
          ],
        }),
      };
    }
    return { status: 200, body: view() };
  });
  const registration = new RegisterPage(page);
  await registration.open('quinn');
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

  const second = registration.widget.getByRole('group', { name: 'Question 2' });
  await expect(registration.widget.getByTestId('sspr-question-error-1')).toHaveText(/Check your security questions/);
  await expect(second.getByLabel('Answer again')).toHaveAttribute('aria-invalid', 'true');
  await expect(registration.widget.getByRole('group', { name: 'Question 1' }).getByLabel('Answer again')).toHaveValue('Lyon');
  await expectAccessible(page, 'security questions with an error');
  await second.getByLabel('Answer again').fill('Biscuit');
  await registration.widget.getByRole('button', { name: 'Save questions' }).click();
  await expect(registration.heading('You are all set')).toBeVisible();

  const sent = requests.filter((r) => r.path === '/v1/register/questions');
  expect(sent.at(-1)!.body).toEqual({
    answers: [
      { question: { kind: 'predefined', value: 'city_born' }, answer: 'Lyon', confirmation: 'Lyon' },
      { question: { kind: 'predefined', value: 'first_pet_name' }, answer: 'Biscuit', confirmation: 'Biscuit' },
      { question: { kind: 'custom', value: 'What was the name of your first manager?' }, answer: 'Ms Grey', confirmation: 'Ms Grey' },
    ],
  });
  expect(requests.every((r) => r.authorization?.startsWith('Bearer sspr1.'))).toBe(true);
});

test('the predefined questions are shown in the user\'s language', async ({ page }) => {
  await standInEdge(page, () => ({ status: 200, body: view() }));
  const registration = new RegisterPage(page);
  await registration.open('quinn', { lang: 'de' });
  await registration.widget.getByRole('button', { name: 'Sicherheitsfragen einrichten' }).click();
  const first = registration.widget.getByRole('group', { name: 'Frage 1' });
  await first.getByLabel('Frage auswählen').selectOption({ label: 'In welcher Stadt wurden Sie geboren?' });
  await expectAccessible(page, 'German security questions');
});

test('a reset asks the drawn questions, and after a wrong answer asks new ones', async ({ page }) => {
  const first = [
    { kind: 'predefined', value: 'city_born' },
    { kind: 'custom', value: 'What was the name of your first manager?' },
    { kind: 'predefined', value: 'first_pet_name' },
  ];
  const second = [
    { kind: 'predefined', value: 'childhood_street' },
    { kind: 'predefined', value: 'first_school_name' },
    { kind: 'predefined', value: 'city_born' },
  ];
  const requests = await standInEdge(page, (path) => {
    if (path === '/v1/reset/start') {
      return { status: 200, body: { flow: 'flow-1', step: { kind: 'answer_questions', questions: first } } };
    }
    if (path === '/v1/reset/answers') {
      return {
        status: 422,
        body: { flow: 'flow-1', step: { kind: 'answer_questions', questions: second }, error: { code: 'answers_wrong', message: 'wrong' } },
      };
    }
    return { status: 404, body: { error: { code: 'not_found', message: 'no such route' } } };
  });
  const reset = new ResetPage(page);
  await reset.open();
  await reset.submitUsername('quinn');
  const widget = reset.widget();
  await expect(widget.getByRole('heading', { name: 'Answer your security questions' })).toBeFocused();
  await widget.getByLabel('In which city were you born?').fill('Lyon');
  await widget.getByLabel('What was the name of your first manager?').fill('Ms Grey');
  await widget.getByLabel('What was the name of your first pet?').fill('Rex');
  await expectAccessible(page, 'reset: security questions');
  await widget.getByRole('button', { name: 'Continue' }).click();

  await expect(widget.getByTestId('sspr-error')).toHaveText('Some answers are wrong. Answer the new questions.');
  await expect(widget.getByLabel('On which street did you live as a child?')).toHaveValue('');
  await expect(widget.getByLabel('What was the name of your first manager?')).toHaveCount(0);
  expect(requests.find((r) => r.path === '/v1/reset/answers')!.body).toEqual({ flow: 'flow-1', answers: ['Lyon', 'Ms Grey', 'Rex'] });
});

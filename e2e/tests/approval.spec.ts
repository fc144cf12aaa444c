// App notification with number matching, on the questions edge (its policy allows it): the
// reset screen shows a number, the user's paired phone offers three and the user taps that
// one. The phone here is this test, speaking the approver API as the phone's page does
// (a P-256 key, requests signed as compact ES256 JWS).
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { test, expect, type Page } from '@playwright/test';
import { expectAccessible } from './fixtures/a11y';
import { canSignIn, codeSentTo, resetStack, user, ticket } from './fixtures/stack';

const edge = () => process.env.SSPR_EDGE_QUESTIONS!;

// This file's users: see resetStack.
const PEOPLE = ['ulla'];

test.beforeEach(async ({}, testInfo) => {
  await resetStack(testInfo, PEOPLE);
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const answer = await fetch(`${edge()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: answer.status, body: await answer.json() };
}

/** A phone paired as `username`'s approver. */
class Phone {
  private constructor(private readonly key: KeyObject, readonly device: string) {}

  static async pair(username: string): Promise<Phone> {
    const pairing = await post('/v1/register/app', {}, { authorization: `Bearer ${ticket(username)}` });
    expect(pairing.status, JSON.stringify(pairing.body)).toBe(200);
    const code = new URL(pairing.body.approver.pairing.uri).hash.replace(/^#pair=/, '');
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const paired = await post('/v1/approver/pair', { pairing: code, name: 'Test phone', key: publicKey.export({ format: 'jwk' }) });
    expect(paired.status, JSON.stringify(paired.body)).toBe(200);
    return new Phone(privateKey, paired.body.device);
  }

  private signed(action: unknown): { signed: string } {
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${part({ alg: 'ES256', kid: this.device })}.${part({
      device: this.device, signed_at: Date.now(), nonce: randomBytes(16).toString('base64url'), action,
    })}`;
    const signature = sign('sha256', Buffer.from(input), { key: this.key, dsaEncoding: 'ieee-p1363' });
    return { signed: `${input}.${signature.toString('base64url')}` };
  }

  /** The approval request the phone shows, once there is one. */
  async pending(): Promise<{ challenge: string; choices: number[] }> {
    let request: { challenge: string; choices: number[] } | undefined;
    await expect.poll(async () => {
      request = (await post('/v1/approver/pending', this.signed({ kind: 'pending' }))).body.request;
      return Boolean(request);
    }, { message: 'an approval request on the phone' }).toBe(true);
    return request!;
  }

  async pick(challenge: string, number: number): Promise<number> {
    return (await post('/v1/approver/answer', this.signed({ kind: 'answer', challenge, answer: { kind: 'pick', number } }))).status;
  }
}

async function startReset(page: Page, username: string) {
  await page.goto('/examples/plain.html');
  await page.evaluate((url) => document.querySelector('sspr-reset')!.setAttribute('edge', url), edge());
  const widget = page.locator('sspr-reset');
  await widget.getByLabel('Username or email').fill(username);
  await widget.getByRole('button', { name: 'Send code' }).click();
  await widget.getByRole('button', { name: 'Approve a notification on your phone' }).click();
  await expect(widget.getByRole('heading', { name: 'Approve on your phone' })).toBeFocused();
  return widget;
}

test('the reset shows a number, the phone taps it, and the reset goes on to the next method', async ({ page }, testInfo) => {
  const ulla = user('ulla', testInfo);
  const phone = await Phone.pair(ulla);

  // A wrong number fails the proof and says so; the user can ask again.
  let widget = await startReset(page, ulla);
  let shown = Number(await widget.getByTestId('sspr-approval-number').innerText().then((t) => t.replace(/\D/g, '')));
  let request = await phone.pending();
  expect(request.choices).toContain(shown);
  expect(request.choices).toHaveLength(3);
  await expectAccessible(page, 'reset: approve on the phone');
  await page.screenshot({ path: testInfo.outputPath('approval.png') });
  expect(await phone.pick(request.challenge, request.choices.find((n) => n !== shown)!)).toBe(422);
  await expect(widget.getByTestId('sspr-error')).toHaveText('The request on your phone was denied, answered with the wrong number, or timed out.');
  await expect(widget.getByRole('heading', { name: "Choose how to verify it's you" })).toBeVisible();

  // The right number: the widget hears it and moves on to the second method.
  await widget.getByRole('button', { name: 'Approve a notification on your phone' }).click();
  await expect(widget.getByRole('heading', { name: 'Approve on your phone' })).toBeFocused();
  shown = Number(await widget.getByTestId('sspr-approval-number').innerText().then((t) => t.replace(/\D/g, '')));
  request = await phone.pending();
  expect(await phone.pick(request.challenge, shown)).toBe(200);
  await expect(widget.getByText('Step 2 of 2')).toBeVisible();
  await widget.getByRole('button', { name: /^Email a code to/ }).click();
  await widget.getByLabel('Code', { exact: true }).fill(await codeSentTo(`${ulla}@example.com`));
  await widget.getByLabel('New password').fill('approved from my phone');
  await widget.getByRole('button', { name: 'Change password' }).click();
  await expect(widget.getByRole('heading', { name: 'Password changed' })).toBeVisible();
  expect(await canSignIn(ulla, 'approved from my phone')).toBe(true);
});

// A local stand-in for Resend's email API (POST /emails with a bearer key, JSON body
// {from, to, subject, text|html}; answers {id}), and for an organisation's own mail relay
// behind sspr's signed email webhook (POST /sspr/email: Sspr-Timestamp, Sspr-Signature =
// v1=HMAC-SHA256(secret, timestamp + "." + body), Idempotency-Key; body {type: "email.send",
// from, to, subject, text, html}), checked independently of the edge's code. It keeps every
// message in memory and shows them at / for people and at /api/messages for tests. Nothing
// leaves the machine.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { readBody, json, escapeHtml, listen, signatureProblem } from './http.mjs';

export function createMailbox({ apiKey, webhookSecret }) {
  const messages = [];
  // Idempotency keys the relay already delivered, with the id it answered.
  const delivered = new Map();

  const validationError = (message) => ({ statusCode: 422, name: 'validation_error', message });

  async function handle(req, res) {
    const url = new URL(req.url, 'http://mailbox');
    if (req.method === 'POST' && url.pathname === '/emails') {
      if (req.headers.authorization !== `Bearer ${apiKey}`) {
        return json(res, 401, { statusCode: 401, name: 'missing_api_key', message: 'Missing or invalid API key' });
      }
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return json(res, 422, validationError('Invalid JSON body'));
      }
      const to = Array.isArray(body.to) ? body.to : [body.to];
      if (typeof body.from !== 'string' || !body.from) return json(res, 422, validationError('`from` is required'));
      if (to.length === 0 || to.length > 50 || !to.every((t) => typeof t === 'string' && t.includes('@'))) {
        return json(res, 422, validationError('`to` must hold 1 to 50 addresses'));
      }
      if (typeof body.subject !== 'string' || !body.subject) return json(res, 422, validationError('`subject` is required'));
      if (typeof body.text !== 'string' && typeof body.html !== 'string') {
        return json(res, 422, validationError('`text` or `html` is required'));
      }
      const id = randomUUID();
      messages.push({
        id, from: body.from, to, subject: body.subject, text: body.text ?? '', html: body.html ?? '',
        idempotency_key: req.headers['idempotency-key'] ?? null, created_at: new Date().toISOString(),
      });
      return json(res, 200, { id });
    }
    if (req.method === 'POST' && url.pathname === '/sspr/email') {
      if (!webhookSecret) return json(res, 404, { error: 'no email webhook secret configured' });
      const raw = await readBody(req, 256 * 1024);
      const problem = signatureProblem(webhookSecret, req.headers, raw);
      if (problem) return json(res, 401, { error: problem });
      const key = req.headers['idempotency-key'];
      if (!key) return json(res, 400, { error: 'Idempotency-Key is required' });
      if (delivered.has(key)) return json(res, 200, { id: delivered.get(key) });
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        return json(res, 400, { error: 'invalid JSON body' });
      }
      if (body.type !== 'email.send') return json(res, 400, { error: `unknown type ${body.type}` });
      for (const field of ['from', 'to', 'subject', 'text', 'html']) {
        if (typeof body[field] !== 'string' || !body[field]) return json(res, 400, { error: `${field} is required` });
      }
      const id = randomUUID();
      delivered.set(key, id);
      messages.push({
        id, from: body.from, to: [body.to], subject: body.subject, text: body.text, html: body.html,
        idempotency_key: key, via: 'webhook', created_at: new Date().toISOString(),
      });
      return json(res, 200, { id });
    }
    if (req.method === 'GET' && url.pathname === '/api/messages') {
      const to = url.searchParams.get('to');
      return json(res, 200, to ? messages.filter((m) => m.to.includes(to)) : messages);
    }
    if (req.method === 'DELETE' && url.pathname === '/api/messages') {
      // ?to=a@example.com&to=b@example.com deletes the messages to those addresses only.
      const to = url.searchParams.getAll('to');
      const kept = to.length ? messages.filter((m) => !m.to.some((address) => to.includes(address))) : [];
      messages.splice(0, messages.length, ...kept);
      return json(res, 200, {});
    }
    if (req.method === 'GET' && url.pathname === '/') {
      const rows = messages.slice().reverse().map((m) => `
        <article><h2>${escapeHtml(m.subject)}</h2>
        <p class="meta">to ${escapeHtml(m.to.join(', '))} · from ${escapeHtml(m.from)} · ${escapeHtml(m.created_at)}</p>
        <pre>${escapeHtml(m.text)}</pre></article>`).join('');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        refresh: '3',
      });
      return res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Demo mailbox</title>
        <style>body{font:16px system-ui;max-width:46rem;margin:2rem auto;padding:0 1rem}article{border:1px solid #ccc;border-radius:8px;padding:0 1rem;margin:1rem 0}.meta{color:#555;font-size:14px}pre{white-space:pre-wrap;font:inherit}</style>
        <h1>Demo mailbox</h1><p>Every email sspr sends in the demo lands here. This page refreshes itself.</p>
        ${rows || '<p>No messages yet.</p>'}</html>`);
    }
    return json(res, 404, { statusCode: 404, name: 'not_found', message: 'Not found' });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => json(res, err.status ?? 500, { statusCode: err.status ?? 500, message: err.message }));
  });
  return { server, messages };
}

export async function startMailbox({ port, apiKey, webhookSecret }) {
  const mailbox = createMailbox({ apiKey, webhookSecret });
  mailbox.port = await listen(mailbox.server, port);
  return mailbox;
}

// A local stand-in for Twilio's Messages API (POST /2010-04-01/Accounts/{sid}/Messages.json
// with HTTP Basic auth `AccountSid:AuthToken` and a form body of To, From or
// MessagingServiceSid, and Body; answers 201 with a Message resource, or Twilio's error
// document {code, message, more_info, status}). It keeps every message in memory and shows
// them at / for people and at /api/messages for tests. Nothing leaves the machine.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readBody, json, escapeHtml, listen } from './http.mjs';

const API_VERSION = '2010-04-01';
const MAX_BODY = 1600;
const E164 = /^\+[1-9]\d{7,14}$/;
const MESSAGING_SERVICE = /^MG[0-9a-fA-F]{32}$/;
// The GSM 03.38 default alphabet, and its extension table whose characters take two septets.
const GSM7 = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';

// How many segments a body is billed as: GSM-7 fits 160 septets in one, 153 each when split;
// anything else goes as UCS-2, 70 characters in one, 67 each when split.
export function segments(body) {
  const chars = [...body];
  if (chars.every((c) => GSM7.includes(c) || GSM7_EXTENSION.includes(c))) {
    const septets = chars.reduce((n, c) => n + (GSM7_EXTENSION.includes(c) ? 2 : 1), 0);
    return septets <= 160 ? 1 : Math.ceil(septets / 153);
  }
  const units = body.length; // UTF-16 code units, as UCS-2 counts them
  return units <= 70 ? 1 : Math.ceil(units / 67);
}

// Twilio's dates are RFC 2822 in GMT: "Tue, 26 Jul 2016 12:50:07 +0000".
const rfc2822 = (date) => date.toUTCString().replace(/GMT$/, '+0000');

export function createSms({ accountSid, authToken }) {
  const messages = [];

  const error = (res, status, code, message, headers = {}) =>
    json(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }, headers);

  function authenticated(req) {
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded) return false;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon > 0 && decoded.slice(0, colon) === accountSid && decoded.slice(colon + 1) === authToken;
  }

  async function createMessage(req, res, sid) {
    if (!authenticated(req)) {
      return error(res, 401, 20003, 'Authenticate', { 'www-authenticate': 'Basic realm="Twilio API"' });
    }
    if (sid !== accountSid) {
      return error(res, 404, 20404, `The requested resource /${API_VERSION}/Accounts/${sid}/Messages.json was not found`);
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
    const form = new URLSearchParams(type === 'application/x-www-form-urlencoded' ? await readBody(req) : '');
    const to = form.get('To');
    const from = form.get('From');
    const service = form.get('MessagingServiceSid');
    const body = form.get('Body');
    if (!to) return error(res, 400, 21604, "A 'To' phone number is required.");
    if (!E164.test(to)) return error(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (!from && !service) return error(res, 400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message.");
    if (from && !E164.test(from)) return error(res, 400, 21212, `The 'From' number ${from} is not a valid phone number, shortcode, or alphanumeric sender ID.`);
    if (service && !MESSAGING_SERVICE.test(service)) return error(res, 400, 21701, 'The Messaging Service Sid is invalid.');
    if (!body) return error(res, 400, 21602, 'Message body is required.');
    if (body.length > MAX_BODY) return error(res, 400, 21617, `The concatenated message body exceeds the ${MAX_BODY} character limit.`);

    const now = new Date();
    const messageSid = 'SM' + randomBytes(16).toString('hex');
    const uri = `/${API_VERSION}/Accounts/${accountSid}/Messages/${messageSid}.json`;
    // With a Messaging Service, Twilio picks the sender later: from is null, status
    // "accepted" and num_segments "0" in its first answer.
    const viaService = !from;
    messages.push({ sid: messageSid, to, from: from ?? service, body, at: now.toISOString() });
    return json(res, 201, {
      account_sid: accountSid,
      api_version: API_VERSION,
      body,
      date_created: rfc2822(now),
      date_sent: null,
      date_updated: rfc2822(now),
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from: viaService ? null : from,
      messaging_service_sid: service ?? null,
      num_media: '0',
      num_segments: viaService ? '0' : String(segments(body)),
      price: null,
      price_unit: 'USD',
      sid: messageSid,
      status: viaService ? 'accepted' : 'queued',
      subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
      to,
      uri,
    });
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://sms');
    const create = url.pathname.match(/^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/);
    if (create && req.method === 'POST') return createMessage(req, res, decodeURIComponent(create[1]));
    if (req.method === 'GET' && url.pathname === '/api/messages') {
      const to = url.searchParams.get('to');
      return json(res, 200, to ? messages.filter((m) => m.to === to) : messages);
    }
    if (req.method === 'DELETE' && url.pathname === '/api/messages') {
      // ?to=+49…&to=+49… deletes the messages to those numbers only.
      const to = url.searchParams.getAll('to');
      const kept = to.length ? messages.filter((m) => !to.includes(m.to)) : [];
      messages.splice(0, messages.length, ...kept);
      return json(res, 200, {});
    }
    if (req.method === 'GET' && url.pathname === '/') {
      const rows = messages.slice().reverse().map((m) => `
        <article><p class="meta">to ${escapeHtml(m.to)} · from ${escapeHtml(m.from)} · ${escapeHtml(m.at)}</p>
        <pre>${escapeHtml(m.body)}</pre></article>`).join('');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        refresh: '3',
      });
      return res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Demo SMS inbox</title>
        <style>body{font:16px system-ui;max-width:30rem;margin:2rem auto;padding:0 1rem}article{background:#e9e9eb;border-radius:18px;padding:0 1rem;margin:1rem 0}.meta{color:#555;font-size:14px}pre{white-space:pre-wrap;font:inherit}</style>
        <h1>Demo SMS inbox</h1><p>Every text message sspr sends in the demo lands here. This page refreshes itself.</p>
        ${rows || '<p>No messages yet.</p>'}</html>`);
    }
    return error(res, 404, 20404, 'The requested resource was not found');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => error(res, err.status ?? 500, 20500, err.message));
  });
  return { server, messages };
}

export async function startSms({ port, accountSid, authToken }) {
  const sms = createSms({ accountSid, authToken });
  sms.port = await listen(sms.server, port);
  return sms;
}

// Small helpers shared by the stand-ins: read a bounded body, answer JSON, check sspr's
// request signatures (the identity webhook's and the email webhook's).
import { createHmac, timingSafeEqual } from 'node:crypto';

export async function readBody(req, limit = 1 << 20) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error('body too large'), { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function json(res, status, value, headers = {}) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

export function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server.address().port));
  });
}

const TOLERANCE_SECS = 300;

/** Why a request signed as sspr signs its webhooks is refused, or null when its signature holds. */
export function signatureProblem(secret, headers, body, nowSecs = Date.now() / 1000) {
  const timestamp = headers['sspr-timestamp'];
  const signature = headers['sspr-signature'] ?? '';
  if (!/^\d+$/.test(timestamp ?? '')) return 'missing or malformed Sspr-Timestamp';
  if (Math.abs(nowSecs - Number(timestamp)) > TOLERANCE_SECS) return 'stale Sspr-Timestamp';
  const m = /^v1=([0-9a-f]{64})$/.exec(signature);
  if (!m) return 'malformed Sspr-Signature';
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(m[1], 'hex')) ? null : 'signature mismatch';
}


// A stand-in for Cloudflare Turnstile: the server side (siteverify, in Cloudflare's documented
// wire format) and a client script at the same path as Cloudflare's, /turnstile/v0/api.js,
// with the documented explicit-rendering API (window.turnstile.render(container, {sitekey,
// callback, 'error-callback', 'expired-callback', action, cdata, theme, language,
// 'refresh-expired'}), reset(id), remove(id), getResponse(id), isExpired(id), ready(cb)), so
// the widget is written for the real script and works with it unchanged.
//
// Unlike the real widget it shows no iframe and asks nothing: rendering issues a token at
// once through POST /turnstile/v0/standin/issue (so a page using it needs connect-src to this
// origin, where the real one needs frame-src challenges.cloudflare.com).
//
// Siteverify (POST /turnstile/v0/siteverify, JSON or form: secret, response, remoteip,
// idempotency_key) answers as Cloudflare does: a token it issued is good once, for 300 s,
// for the secret of the site key it was issued for; a second use is `timeout-or-duplicate`
// unless it repeats the idempotency_key of the first; ALWAYS_FAILS is always
// `invalid-input-response`. Test knobs: POST /turnstile/v0/standin/expire {token} ends a
// token's life now; POST /turnstile/v0/standin/fail {token, status} makes siteverify answer
// that HTTP status for it (Cloudflare down) without spending it.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { readBody, json, listen } from './http.mjs';

/** A token siteverify always refuses (`invalid-input-response`). */
export const ALWAYS_FAILS = 'XXXX.STANDIN.ALWAYS-FAILS.XXXX';
/** How long an issued token is good, as Cloudflare documents. */
export const TOKEN_LIFETIME_MS = 300_000;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST',
  'access-control-allow-headers': 'content-type',
  'cross-origin-resource-policy': 'cross-origin',
};

/**
 * The stand-in's state and request handler. `sites` maps each site key to its secret;
 * `now` is the clock (tests move it).
 */
export function createTurnstile({ sites, now = () => Date.now() }) {
  const tokens = new Map();

  function issue({ sitekey, hostname, action = '', cdata = '' }) {
    if (!Object.hasOwn(sites, sitekey)) return null;
    const token = `0.${randomBytes(48).toString('base64url')}`;
    tokens.set(token, { sitekey, hostname, action, cdata, issuedAt: now(), spentBy: null, answer: null, fail: null });
    return token;
  }

  function siteverify({ secret, response, idempotency_key: idempotencyKey }) {
    const refuse = (...codes) => [200, { success: false, 'error-codes': codes, messages: [] }];
    if (!secret) return refuse('missing-input-secret');
    if (!Object.values(sites).includes(secret)) return refuse('invalid-input-secret');
    if (!response) return refuse('missing-input-response');
    if (typeof response !== 'string' || response.length > 2048) return refuse('invalid-input-response');
    if (response === ALWAYS_FAILS) return refuse('invalid-input-response');
    const entry = tokens.get(response);
    if (!entry || sites[entry.sitekey] !== secret) return refuse('invalid-input-response');
    if (entry.fail) return [entry.fail, { success: false, 'error-codes': ['internal-error'] }];
    if (entry.spentBy !== null) {
      // Cloudflare: the same idempotency key gets the first answer again.
      if (idempotencyKey && entry.spentBy === idempotencyKey) return [200, entry.answer];
      return refuse('timeout-or-duplicate');
    }
    if (now() - entry.issuedAt > TOKEN_LIFETIME_MS) return refuse('timeout-or-duplicate');
    entry.spentBy = idempotencyKey ?? '';
    entry.answer = {
      success: true, 'error-codes': [], challenge_ts: new Date(entry.issuedAt).toISOString(),
      hostname: entry.hostname, action: entry.action, cdata: entry.cdata, metadata: { interactive: false },
    };
    return [200, entry.answer];
  }

  async function readFields(req) {
    const text = await readBody(req, 16384);
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('application/json')) return JSON.parse(text || '{}');
    return Object.fromEntries(new URLSearchParams(text));
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://turnstile');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      return res.end();
    }
    if (req.method === 'GET' && url.pathname === '/turnstile/v0/api.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache', ...CORS });
      return res.end(CLIENT);
    }
    if (req.method !== 'POST') return json(res, 405, { error: 'method not allowed' }, CORS);
    let fields;
    try {
      fields = await readFields(req);
    } catch {
      return json(res, 400, { success: false, 'error-codes': ['bad-request'] }, CORS);
    }
    switch (url.pathname) {
      case '/turnstile/v0/siteverify': {
        const [status, body] = siteverify(fields);
        return json(res, status, body);
      }
      case '/turnstile/v0/standin/issue': {
        const token = issue(fields);
        if (!token) return json(res, 400, { error: 'unknown site key' }, CORS);
        return json(res, 200, { token }, CORS);
      }
      case '/turnstile/v0/standin/expire': {
        const entry = tokens.get(fields.token);
        if (entry) entry.issuedAt = now() - TOKEN_LIFETIME_MS - 1;
        return json(res, entry ? 200 : 404, { expired: Boolean(entry) }, CORS);
      }
      case '/turnstile/v0/standin/fail': {
        const entry = tokens.get(fields.token);
        if (entry) entry.fail = Number(fields.status) || 503;
        return json(res, entry ? 200 : 404, { failing: Boolean(entry) }, CORS);
      }
      default:
        return json(res, 404, { error: 'not found' }, CORS);
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => json(res, 500, { error: err.message }));
  });
  return { server, issue, siteverify };
}

export async function startTurnstile({ port = 0, ...options }) {
  const turnstile = createTurnstile(options);
  turnstile.port = await listen(turnstile.server, port);
  turnstile.url = `http://127.0.0.1:${turnstile.port}`;
  return turnstile;
}

// The client script. It finds its server from its own URL, as the real one loads its
// iframes from challenges.cloudflare.com. Besides the documented API it has one test hook,
// turnstile.standin.expire(id): the widget's token expires now (server and page alike).
const CLIENT = `(() => {
  'use strict';
  if (window.turnstile) return;
  const base = new URL(document.currentScript.src).origin;
  const widgets = new Map();
  let next = 0;
  const element = (container) => typeof container === 'string' ? document.querySelector(container) : container;
  function call(params, name, ...args) {
    const fn = params[name];
    if (typeof fn === 'function') fn(...args);
  }
  function show(widget, text) {
    widget.label.textContent = text;
  }
  async function challenge(widget) {
    const generation = ++widget.generation;
    widget.token = null;
    widget.expired = false;
    widget.input.value = '';
    clearTimeout(widget.timer);
    show(widget, 'Verifying…');
    let token = null;
    try {
      const answer = await fetch(base + '/turnstile/v0/standin/issue', {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sitekey: widget.params.sitekey, hostname: location.hostname, action: widget.params.action ?? '', cdata: widget.params.cdata ?? '' }),
      });
      if (answer.ok) token = (await answer.json()).token;
    } catch {}
    if (generation !== widget.generation || !widgets.has(widget.id)) return;
    if (!token) {
      show(widget, 'Error');
      call(widget.params, 'error-callback', '110200');
      return;
    }
    widget.token = token;
    widget.input.value = token;
    show(widget, 'Success!');
    call(widget.params, 'callback', token);
    widget.timer = setTimeout(() => expire(widget), ${TOKEN_LIFETIME_MS});
  }
  function expire(widget) {
    widget.token = null;
    widget.expired = true;
    widget.input.value = '';
    show(widget, 'Expired');
    call(widget.params, 'expired-callback');
    if ((widget.params['refresh-expired'] ?? 'auto') === 'auto') challenge(widget);
  }
  const find = (id) => id === undefined ? widgets.values().next().value : widgets.get(id);
  window.turnstile = {
    render(container, params = {}) {
      const host = element(container);
      if (!host) throw new Error('[Cloudflare Turnstile] Unable to find a container for ' + container + '.');
      const id = 'cf-chl-widget-' + (++next);
      const box = document.createElement('div');
      box.id = id;
      box.className = 'cf-turnstile-standin';
      box.dataset.theme = params.theme ?? 'auto';
      box.lang = params.language && params.language !== 'auto' ? params.language : '';
      const label = document.createElement('span');
      label.setAttribute('role', 'status');
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = params['response-field-name'] ?? 'cf-turnstile-response';
      box.append(label, input);
      host.append(box);
      const widget = { id, params, box, label, input, token: null, expired: false, timer: 0, generation: 0 };
      widgets.set(id, widget);
      challenge(widget);
      return id;
    },
    reset(id) {
      const widget = find(id);
      if (widget) challenge(widget);
    },
    remove(id) {
      const widget = find(id);
      if (!widget) return;
      clearTimeout(widget.timer);
      widget.box.remove();
      widgets.delete(widget.id);
    },
    getResponse(id) {
      return find(id)?.token ?? undefined;
    },
    isExpired(id) {
      return find(id)?.expired ?? false;
    },
    ready(callback) {
      callback();
    },
    standin: {
      async expire(id) {
        const widget = find(id);
        if (!widget) return;
        if (widget.token) {
          await fetch(base + '/turnstile/v0/standin/expire', {
            method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: widget.token }),
          });
        }
        clearTimeout(widget.timer);
        expire(widget);
      },
    },
  };
})();
`;

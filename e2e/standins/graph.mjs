// A stand-in for Microsoft Entra ID as Microsoft Graph shows it, following Microsoft's
// published request and response shapes: the identity platform's token endpoint
// (`POST /{tenant}/oauth2/v2.0/token`, client-credentials grant with a client secret or a
// certificate's client assertion — PS256 or RS256, `x5t#S256` or `x5t`, `aud` the token
// endpoint, `iss` = `sub` = the client id, `nbf`/`exp`, a `jti` used once — `expires_in`,
// AADSTS errors) and Graph v1.0's `GET /users/{id | userPrincipalName}` with
// `$select`, `GET /directoryRoles` and `GET /directoryRoles/{id}/members` (the
// administrators), `GET /users/{id}/memberOf` (groups and directory roles, one entry per page so
// `@odata.nextLink` paging is exercised), and `PATCH /users/{id}` with a `passwordProfile`
// (Entra's complexity rule — 8 to 256 characters, three of lower case, upper case, digits
// and symbols — and a history of three, both refused with Graph's 400 error body). Errors
// carry `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`
// and a `request-id` header.
//
// Test endpoints: `POST /api/login` (password check), `POST /api/expire-tokens` (every
// issued token is now expired: the next Graph call gets 401 InvalidAuthenticationToken),
// `POST /api/fail-next {status, retryAfter}` (the next Graph call answers 429 with
// Retry-After, 503 …), `GET /api/log`, `GET /api/users`, `POST /api/reset-fixture`.
import http from 'node:http';
import { X509Certificate, createHash, randomBytes, randomUUID, verify, constants } from 'node:crypto';
import { SEED_USERS } from './directory.mjs';
import { readBody, json, listen } from './http.mjs';

const SCOPE = 'https://graph.microsoft.com/.default';
const HISTORY = 3;
// Helpdesk Administrator's role template id (Entra built-in roles).
const HELPDESK_ADMIN = { displayName: 'Helpdesk Administrator', roleTemplateId: '729827e3-9c14-49f7-bb1b-9608f156bbb8' };

/** Entra's rule for cloud-only users: 8–256 characters, three of the four categories. */
export function complex(password) {
  if (password.length < 8 || password.length > 256) return false;
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  return kinds >= 3;
}

/**
 * Checks a client assertion as the identity platform does for a certificate credential:
 * the thumbprint names the app's certificate, its key verifies the signature, and the claims
 * are for this endpoint and app, current, and never seen before. Returns an AADSTS refusal
 * `[code, description]`, or null when the assertion is good.
 */
export function checkAssertion(jwt, { certificate, clientId, audience, seen, nowSecs = Date.now() / 1000 }) {
  const parts = String(jwt).split('.');
  if (parts.length !== 3) return [50027, 'JWT token is invalid or malformed.'];
  let header, claims;
  try {
    header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
  } catch {
    return [50027, 'JWT token is invalid or malformed.'];
  }
  const cert = new X509Certificate(certificate);
  const sha256 = createHash('sha256').update(cert.raw).digest('base64url');
  const sha1 = createHash('sha1').update(cert.raw).digest('base64url');
  if (header['x5t#S256'] !== sha256 && header.x5t !== sha1) {
    return [700027, 'The certificate with identifier used to sign the client assertion is not registered on application.'];
  }
  const padding = { PS256: constants.RSA_PKCS1_PSS_PADDING, RS256: constants.RSA_PKCS1_PADDING }[header.alg];
  if (padding === undefined) return [5002738, `Invalid JWT token. '${header.alg}' is not a supported signature algorithm.`];
  const signed = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), {
    key: cert.publicKey, padding, saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
  }, Buffer.from(parts[2], 'base64url'));
  if (!signed) return [7000274, 'Key was found, but use of the key to verify the signature failed.'];
  if (claims.aud !== audience) return [700212, `No matching federated identity record found for presented assertion audience '${claims.aud}'.`];
  if (claims.iss !== clientId || claims.sub !== clientId) return [700021, 'Client assertion application identifier doesn\'t match \'client_id\' parameter.'];
  if (!(claims.exp > nowSecs)) return [700024, 'Client assertion is not within its valid time range.'];
  if (claims.nbf !== undefined && claims.nbf > nowSecs + 300) return [700024, 'Client assertion is not within its valid time range.'];
  if (typeof claims.jti !== 'string' || seen.has(claims.jti)) return [50027, 'Invalid JWT token. The assertion\'s jti was already used.'];
  seen.add(claims.jti);
  return null;
}

export function createGraph({ tenant, clientId, clientSecret, certificate, origin }) {
  const seenAssertions = new Set();
  let users;
  let tokens;
  let log;
  let failNext;
  const reset = () => {
    users = SEED_USERS.map((person, index) => ({
      id: `6e7b768e-07e2-4810-8459-${String(485000000000 + index).padStart(12, '0')}`,
      displayName: person.display_name,
      userPrincipalName: person.email ?? `${person.username}@example.com`,
      mail: person.email,
      // Entra keeps numbers as typed; the backend normalises to E.164.
      mobilePhone: person.phone ? person.phone.replace(/^\+49/, '+49 ') : null,
      accountEnabled: person.enabled,
      preferredLanguage: person.language ?? null,
      groups: ['All Company', ...person.groups],
      roles: person.admin ? [HELPDESK_ADMIN] : [],
      history: [person.password],
      password_changes: 0,
    }));
    tokens = new Map();
    log = [];
    failNext = null;
  };
  reset();

  const graphError = (res, status, code, message, headers = {}) => {
    const id = randomUUID();
    json(res, status, { error: { code, message, innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': id, 'client-request-id': id } } },
      { 'request-id': id, 'client-request-id': id, ...headers });
  };

  function token(res, form) {
    const refuse = (status, error, code, description) => json(res, status, {
      error, error_description: `AADSTS${code}: ${description} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
      error_codes: [code], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID(),
    });
    if (form.get('grant_type') !== 'client_credentials') return refuse(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    if (form.get('client_id') !== clientId) return refuse(400, 'unauthorized_client', 700016, `Application with identifier '${form.get('client_id')}' was not found in the directory.`);
    if (form.has('client_assertion')) {
      if (!certificate) return refuse(401, 'invalid_client', 700027, 'The certificate with identifier used to sign the client assertion is not registered on application.');
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return refuse(400, 'invalid_request', 90002, 'Invalid client_assertion_type.');
      const refusal = checkAssertion(form.get('client_assertion'), {
        certificate, clientId, audience: `${origin()}/${tenant}/oauth2/v2.0/token`, seen: seenAssertions,
      });
      if (refusal) return refuse(401, 'invalid_client', ...refusal);
    } else if (!clientSecret || form.get('client_secret') !== clientSecret) {
      return refuse(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.');
    }
    if (form.get('scope') !== SCOPE) return refuse(400, 'invalid_scope', 1002012, 'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.');
    const access = `eyJ0eXAiOiJKV1QifQ.${randomBytes(24).toString('base64url')}.sig`;
    tokens.set(access, Date.now() + 3599 * 1000);
    log.push({ method: 'POST', path: '/oauth2/v2.0/token' });
    return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: access });
  }

  const find = (key) => {
    const wanted = decodeURIComponent(key).toLowerCase();
    return users.find((u) => u.id === wanted || u.userPrincipalName.toLowerCase() === wanted);
  };
  const select = (user, fields) => {
    const out = {};
    for (const field of fields) out[field] = user[field] ?? null;
    return out;
  };

  async function api(req, res, url, base) {
    const auth = req.headers.authorization ?? '';
    const access = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    log.push({ method: req.method, path: url.pathname, search: url.search });
    if (!access) return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const expiry = tokens.get(access);
    if (!expiry) return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
    if (expiry <= Date.now()) return graphError(res, 401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
    if (failNext) {
      const { status, retryAfter } = failNext;
      failNext = null;
      const headers = retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {};
      if (status === 429) return graphError(res, 429, 'TooManyRequests', 'Too many requests.', headers);
      return graphError(res, status, status === 503 ? 'serviceNotAvailable' : 'generalException', 'The service is temporarily unavailable.', headers);
    }
    let m = /^\/v1\.0\/users\/([^/]+)$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const user = find(m[1]);
      if (!user) return graphError(res, 404, 'Request_ResourceNotFound', `Resource '${decodeURIComponent(m[1])}' does not exist or one of its queried reference-property objects are not present.`);
      const fields = (url.searchParams.get('$select') ?? 'id,displayName,mail,userPrincipalName').split(',');
      return json(res, 200, { '@odata.context': `${base}/v1.0/$metadata#users(${fields.join(',')})/$entity`, ...select(user, fields) });
    }
    if (m && req.method === 'PATCH') {
      const user = find(m[1]);
      if (!user) return graphError(res, 404, 'Request_ResourceNotFound', `Resource '${decodeURIComponent(m[1])}' does not exist or one of its queried reference-property objects are not present.`);
      let body;
      try { body = JSON.parse(await readBody(req, 64 * 1024)); } catch { return graphError(res, 400, 'BadRequest', 'Unable to read JSON request payload.'); }
      const profile = body.passwordProfile;
      if (!profile || typeof profile.password !== 'string') return graphError(res, 400, 'Request_BadRequest', "Invalid value specified for property 'passwordProfile' of resource 'User'.");
      if (!complex(profile.password)) {
        return graphError(res, 400, 'Request_BadRequest', 'The specified password does not comply with password complexity requirements. Please provide a different password.');
      }
      if (user.history.includes(profile.password)) {
        return graphError(res, 400, 'Request_BadRequest', 'The password does not meet the password policy requirements: it matches one of your recent passwords.');
      }
      user.history = [profile.password, ...user.history].slice(0, HISTORY);
      user.password_changes += 1;
      user.forceChangePasswordNextSignIn = Boolean(profile.forceChangePasswordNextSignIn);
      res.writeHead(204, { 'request-id': randomUUID() });
      return res.end();
    }
    m = /^\/v1\.0\/users\/([^/]+)\/memberOf$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const user = find(m[1]);
      if (!user) return graphError(res, 404, 'Request_ResourceNotFound', `Resource '${decodeURIComponent(m[1])}' does not exist or one of its queried reference-property objects are not present.`);
      const entries = [
        ...user.groups.map((name) => ({ '@odata.type': '#microsoft.graph.group', id: `g-${name}`, displayName: name })),
        ...user.roles.map((role) => ({ '@odata.type': '#microsoft.graph.directoryRole', id: `r-${role.roleTemplateId}`, ...role })),
      ];
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const page = { '@odata.context': `${base}/v1.0/$metadata#directoryObjects`, value: entries.slice(skip, skip + 1) };
      if (skip + 1 < entries.length) {
        const next = new URL(url.href);
        next.searchParams.set('$skiptoken', String(skip + 1));
        page['@odata.nextLink'] = `${base}${next.pathname}${next.search}`;
      }
      return json(res, 200, page);
    }
    // Activated directory roles (GET /directoryRoles) and their members
    // (GET /directoryRoles/{id}/members, with $select; one member per page, so paging shows).
    if (url.pathname === '/v1.0/directoryRoles' && req.method === 'GET') {
      const roles = new Map();
      for (const user of users) for (const role of user.roles) roles.set(role.roleTemplateId, role);
      const value = [...roles.values()].map((role) => ({ id: `r-${role.roleTemplateId}`, description: role.displayName, ...role }));
      return json(res, 200, { '@odata.context': `${base}/v1.0/$metadata#directoryRoles`, value });
    }
    m = /^\/v1\.0\/directoryRoles\/([^/]+)\/members$/.exec(url.pathname);
    if (m && req.method === 'GET') {
      const templateId = decodeURIComponent(m[1]).replace(/^r-/, '');
      const members = users.filter((user) => user.roles.some((role) => role.roleTemplateId === templateId));
      if (!members.length && !users.some((user) => user.roles.length)) {
        return graphError(res, 404, 'Request_ResourceNotFound', `Resource '${decodeURIComponent(m[1])}' does not exist or one of its queried reference-property objects are not present.`);
      }
      const fields = (url.searchParams.get('$select') ?? 'id,displayName,mail,userPrincipalName').split(',');
      const entries = members.map((user) => ({ '@odata.type': '#microsoft.graph.user', ...select(user, fields) }));
      const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
      const page = { '@odata.context': `${base}/v1.0/$metadata#directoryObjects`, value: entries.slice(skip, skip + 1) };
      if (skip + 1 < entries.length) {
        const next = new URL(url.href);
        next.searchParams.set('$skiptoken', String(skip + 1));
        page['@odata.nextLink'] = `${base}${next.pathname}${next.search}`;
      }
      return json(res, 200, page);
    }
    return graphError(res, 400, 'BadRequest', `Resource not found for the segment '${url.pathname.split('/').pop()}'.`);
  }

  async function handle(req, res) {
    const base = `http://${req.headers.host}`;
    const url = new URL(req.url, base);
    if (req.method === 'POST' && url.pathname === `/${tenant}/oauth2/v2.0/token`) {
      return token(res, new URLSearchParams(await readBody(req, 8192)));
    }
    if (url.pathname.startsWith('/v1.0/')) return api(req, res, url, base);
    if (req.method === 'POST' && url.pathname === '/api/login') {
      const { username, password } = JSON.parse(await readBody(req, 8192) || '{}');
      const user = find(String(username ?? ''));
      return json(res, 200, { ok: Boolean(user && user.accountEnabled && user.history[0] === password) });
    }
    if (req.method === 'POST' && url.pathname === '/api/expire-tokens') {
      for (const key of tokens.keys()) tokens.set(key, Date.now() - 1);
      return json(res, 200, {});
    }
    if (req.method === 'POST' && url.pathname === '/api/fail-next') {
      failNext = JSON.parse(await readBody(req, 8192) || '{}');
      return json(res, 200, {});
    }
    if (req.method === 'GET' && url.pathname === '/api/log') return json(res, 200, log);
    if (req.method === 'GET' && url.pathname === '/api/users') return json(res, 200, users.map(({ history, ...u }) => u));
    if (req.method === 'POST' && url.pathname === '/api/reset-fixture') {
      const keep = tokens;
      reset();
      tokens = keep; // tokens outlive a fixture reset, as a real tenant's do
      return json(res, 200, {});
    }
    return graphError(res, 404, 'NotFound', 'not found');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => json(res, err.status ?? 500, { error: { code: 'generalException', message: err.message } }));
  });
  return { server };
}

export async function startGraph({ port, tenant, clientId, clientSecret, certificate }) {
  const graph = createGraph({
    tenant, clientId, clientSecret, certificate, origin: () => `http://127.0.0.1:${graph.port}`,
  });
  graph.port = await listen(graph.server, port);
  return graph;
}

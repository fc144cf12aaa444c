// A small identity directory that receives sspr's signed webhook, verified here independently
// of the Rust code: HMAC-SHA256 over `${timestamp}.${body}`, ±300 s, idempotency keys applied
// once. It keeps users with scrypt-hashed passwords and a password history, and offers a
// login check for the demo page and the tests.
import http from 'node:http';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { readBody, json, listen, signatureProblem } from './http.mjs';

// alice, bob, erin, frank, gina (locked out), hana and kim (with a mobile number), ivy, jack, lena and
// dana (an administrator with a mobile number, so the two-method policy applies) come four times
// (alice, alice2 … alice4): the edge integration tests use the first and each browser project
// of the end-to-end suite its own, so the edge's per-user counters (resend cooldown, failed
// proofs) never carry over from one to the next.
const PEOPLE = [
  { id: 'u-1001', username: 'alice', display_name: 'Alice Martin', admin: false, groups: ['staff'], password: 'Initial-Password-1' },
  { id: 'u-1002', username: 'bob', display_name: 'Bob Okafor', admin: false, groups: ['staff', 'sales'], password: 'Initial-Password-2' },
  { id: 'u-1005', username: 'erin', display_name: 'Erin Walsh', admin: false, groups: ['staff'], password: 'Initial-Password-5' },
  { id: 'u-1006', username: 'frank', display_name: 'Frank Osei', admin: false, groups: ['staff'], password: 'Initial-Password-6' },
  { id: 'u-1007', username: 'gina', display_name: 'Gina Rossi', admin: false, groups: ['staff'], password: 'Initial-Password-7', locked: true },
  { id: 'u-1008', username: 'hana', display_name: 'Hana Sato', admin: false, groups: ['staff'], password: 'Initial-Password-8', phone: '+49151123456' },
  { id: 'u-1010', username: 'ivy', display_name: 'Ivy Chen', admin: false, groups: ['staff'], password: 'Initial-Password-10' },
  { id: 'u-1011', username: 'jack', display_name: 'Jack Byrne', admin: false, groups: ['staff'], password: 'Initial-Password-11' },
  { id: 'u-1013', username: 'lena', display_name: 'Lena Novak', admin: false, groups: ['staff'], password: 'Initial-Password-13' },
  { id: 'u-1012', username: 'kim', display_name: 'Kim Park', admin: false, groups: ['staff'], password: 'Initial-Password-12', phone: '+49151123458' },
  { id: 'u-1004', username: 'dana', display_name: 'Dana Reyes', admin: true, groups: ['it-admins'], password: 'Initial-Password-4', phone: '+49151123457' },
];

export const SEED_USERS = [
  ...['', '2', '3', '4'].flatMap((suffix) => PEOPLE.map((person) => ({
    ...person,
    id: `${person.id}${suffix}`,
    username: `${person.username}${suffix}`,
    email: `${person.username}${suffix}@example.com`,
    phone: person.phone ? `${person.phone}${suffix || '0'}0` : null,
    enabled: true,
    locked: person.locked ?? false,
  }))),
  // omar reads French: the directory says so (Graph's and SCIM's preferredLanguage).
  { id: 'u-1009', username: 'omar', email: 'omar@example.com', display_name: 'Omar Haddad', enabled: true, locked: false, admin: true, groups: ['it-admins'], password: 'Initial-Password-9', language: 'fr-FR' },
  // Registration tests (edge/tests/registration.rs), one user each: rita and sam have no
  // contact details in the directory, the others an email address.
  ...['rita', 'sam', 'tess', 'uli', 'vera', 'walt', 'xena'].map((name, index) => ({
    id: `u-20${index + 10}`,
    username: name,
    email: name === 'rita' || name === 'sam' ? null : `${name}@example.com`,
    display_name: name[0].toUpperCase() + name.slice(1),
    enabled: true,
    locked: false,
    admin: false,
    groups: ['staff'],
    password: `Initial-Password-${name}`,
  })),
  // App-notification approvers (edge/tests/approver.rs), one user each, with an email address
  // (emil is locked out, for an unlock the phone approves; fynn's pairing is read back in the
  // registration report).
  ...['abel', 'bea', 'cyd', 'dora', 'emil', 'fynn'].map((name, index) => ({
    id: `u-50${index}`,
    username: name,
    email: `${name}@example.com`,
    display_name: name[0].toUpperCase() + name.slice(1),
    enabled: true,
    locked: name === 'emil',
    admin: false,
    groups: ['staff'],
    password: `Initial-Password-${name}`,
  })),
  // Registration in the browser suite (e2e/tests/register.spec.ts): no contact details, one
  // user per test and per browser project (rosa2, rosa3, rosa4 …).
  ...['2', '3', '4'].flatMap((suffix) => ['rosa', 'sven', 'tara', 'ugo', 'vic', 'wen', 'yara'].map((name, index) => ({
    id: `u-30${index}${suffix}`,
    username: `${name}${suffix}`,
    email: null,
    display_name: `${name[0].toUpperCase()}${name.slice(1)} ${suffix}`,
    enabled: true,
    locked: false,
    admin: false,
    groups: ['staff'],
    password: `Initial-Password-${name}${suffix}`,
  }))),
  { id: 'u-1003', username: 'carol', email: 'carol@example.com', display_name: 'Carol Nguyen', enabled: false, locked: false, admin: false, groups: ['staff'], password: 'Initial-Password-3' },
  // Security questions in the browser suite (e2e/tests/register-questions.spec.ts), against
  // the questions edge, and the strength meter (strength.spec.ts): an email address from the
  // directory, one user per test and browser project.
  ...['2', '3', '4'].flatMap((suffix) => ['quinn', 'remy', 'olaf', 'nell', 'pia'].map((name, index) => ({
    id: `u-40${index}${suffix}`,
    username: `${name}${suffix}`,
    email: `${name}${suffix}@example.com`,
    display_name: `${name[0].toUpperCase()}${name.slice(1)} ${suffix}`,
    enabled: true,
    locked: false,
    admin: false,
    groups: ['staff'],
    password: `Initial-Password-${name}${suffix}`,
  }))),
  // Switching methods in the browser suite (e2e/tests/methods.spec.ts): an email address and
  // a mobile number that no other test texts, so no resend cooldown is shared. Last, so the
  // stand-ins' index-based ids of the users above do not move.
  ...['2', '3', '4'].map((suffix) => ({
    id: `u-1014${suffix}`,
    username: `mia${suffix}`,
    email: `mia${suffix}@example.com`,
    phone: `+49151123459${suffix}0`,
    display_name: `Mia Berg ${suffix}`,
    enabled: true,
    locked: false,
    admin: false,
    groups: ['staff'],
    password: `Initial-Password-14${suffix}`,
  })),
  // One spec file's users each (the browser suite runs files side by side): abby resets from
  // the plain example page, hugo's contacts are the directory's, selma has no email address,
  // cora resets inside the React example page, tomas loses his connection, ulla approves on
  // her phone.
  ...['2', '3', '4'].flatMap((suffix) => [
    { id: `u-1016${suffix}`, username: `abby${suffix}`, email: `abby${suffix}@example.com`, phone: null, display_name: `Abby Stone ${suffix}`, password: `Initial-Password-16${suffix}` },
    { id: `u-1017${suffix}`, username: `hugo${suffix}`, email: `hugo${suffix}@example.com`, phone: `+49151123460${suffix}0`, display_name: `Hugo Lind ${suffix}`, password: `Initial-Password-17${suffix}` },
    { id: `u-1018${suffix}`, username: `selma${suffix}`, email: null, phone: null, display_name: `Selma ${suffix}`, password: `Initial-Password-18${suffix}` },
    { id: `u-1019${suffix}`, username: `cora${suffix}`, email: `cora${suffix}@example.com`, phone: null, display_name: `Cora Lind ${suffix}`, password: `Initial-Password-19${suffix}` },
    { id: `u-1020${suffix}`, username: `tomas${suffix}`, email: `tomas${suffix}@example.com`, phone: null, display_name: `Tomas Berg ${suffix}`, password: `Initial-Password-20${suffix}` },
    { id: `u-1021${suffix}`, username: `ulla${suffix}`, email: `ulla${suffix}@example.com`, phone: null, display_name: `Ulla Ek ${suffix}`, password: `Initial-Password-21${suffix}` },
  ].map((person) => ({ ...person, enabled: true, locked: false, admin: false, groups: ['staff'] }))),
  // Turnstile at reset start (edge/tests/turnstile.rs, against the Turnstile edge): a real
  // user whose codes no other test reads. Last, so no index-based id above moves.
  { id: 'u-1015', username: 'tia', email: 'tia@example.com', display_name: 'Tia Lund', enabled: true, locked: false, admin: false, groups: ['staff'], password: 'Initial-Password-15' },
  // The phone's approver page (e2e/tests/approver.spec.ts): pia pairs her phone and approves
  // a reset on it, pete refuses one ("This wasn't me") and then removes his phone.
  ...['2', '3', '4'].flatMap((suffix) => [
    { id: `u-1024${suffix}`, username: `pia${suffix}`, email: `pia${suffix}@example.com`, phone: null, display_name: `Pia Holm ${suffix}`, password: `Initial-Password-22${suffix}` },
    { id: `u-1025${suffix}`, username: `pete${suffix}`, email: `pete${suffix}@example.com`, phone: null, display_name: `Pete Dahl ${suffix}`, password: `Initial-Password-23${suffix}` },
  ].map((person) => ({ ...person, enabled: true, locked: false, admin: false, groups: ['staff'] }))),
  // "This wasn't me": the edge integration tests (edge/tests/report.rs), one user each, and
  // the browser suite (e2e/tests/report.spec.ts), one per browser project; an email address
  // each. Last, so no index-based id above moves.
  ...[
    ...['nico', 'otis', 'pam', 'ruth'].map((name, index) => ({
      id: `u-60${index}`,
      username: name,
      email: `${name}@example.com`,
      display_name: `${name[0].toUpperCase()}${name.slice(1)} Vogel`,
      password: `Initial-Password-${name}`,
    })),
    ...['2', '3', '4'].map((suffix) => ({
      id: `u-1022${suffix}`,
      username: `zoe${suffix}`,
      email: `zoe${suffix}@example.com`,
      display_name: `Zoe Brandt ${suffix}`,
      password: `Initial-Password-22${suffix}`,
    })),
  ].map((person) => ({ ...person, phone: null, enabled: true, locked: false, admin: false, groups: ['staff'] })),
  // Web Push to the approver: gus in the edge integration tests (edge/tests/approver.rs), and
  // pax in the browser suite (e2e/tests/approver.spec.ts), one per browser project. Last, so
  // no index-based id above moves.
  ...[
    { id: 'u-700', username: 'gus', email: 'gus@example.com', display_name: 'Gus Berg', password: 'Initial-Password-gus' },
    ...['2', '3', '4'].map((suffix) => ({
      id: `u-1026${suffix}`,
      username: `pax${suffix}`,
      email: `pax${suffix}@example.com`,
      display_name: `Pax Lind ${suffix}`,
      password: `Initial-Password-26${suffix}`,
    })),
  ].map((person) => ({ ...person, phone: null, enabled: true, locked: false, admin: false, groups: ['staff'] })),
  // The edge's load figures (cargo xtask bench, xtask/src/load.rs): 500 users with an email
  // address only, so a reset start sends its code at once. Last, so no index-based id above
  // moves.
  ...Array.from({ length: 500 }, (_, index) => {
    const n = String(index).padStart(3, '0');
    return {
      id: `u-bench-${n}`, username: `bench-${n}`, email: `bench-${n}@example.com`, phone: null,
      // No password: hashing 500 at every reset of the fixture would take seconds.
      display_name: `Bench User ${n}`,
      enabled: true, locked: false, admin: false, groups: ['staff'],
    };
  }),
];

const HISTORY = 3;

function hash(password, salt = randomBytes(16)) {
  return { salt: salt.toString('hex'), hash: scryptSync(password, salt, 32).toString('hex') };
}

function matches(stored, password) {
  const candidate = scryptSync(password, Buffer.from(stored.salt, 'hex'), 32);
  return timingSafeEqual(candidate, Buffer.from(stored.hash, 'hex'));
}

// Each seed user's first history entry, hashed once: scrypt takes tens of milliseconds, and
// the fixture is reset before every edge test (hashing them all each time took 5 s).
const SEED_HASHES = new Map();
function seedHash(user) {
  if (!SEED_HASHES.has(user.id)) SEED_HASHES.set(user.id, hash(user.password));
  return { ...SEED_HASHES.get(user.id) };
}

export function createDirectory({ secret }) {
  let users;
  const applied = new Map();
  // Test knobs: failures to answer for a user's next changes (password.set, account.unlock),
  // and every change received, so tests can see retries and their idempotency keys.
  const failures = new Map();
  let changes = [];
  const seeded = (seed) => {
    const { password, ...user } = seed;
    return { ...user, groups: [...user.groups], history: password === undefined ? [] : [seedHash(seed)], password_changes: 0, password_changed_at: null };
  };
  const reset = () => {
    users = SEED_USERS.map(seeded);
    applied.clear();
    failures.clear();
    changes = [];
  };
  // Puts only these users back to their seed, so that tests running side by side with other
  // users keep theirs (the Playwright suite runs two workers).
  const resetUsers = (usernames) => {
    const wanted = new Set(usernames.map((name) => String(name).toLowerCase()));
    users = users.map((user) => {
      if (!wanted.has(user.username.toLowerCase())) return user;
      failures.delete(user.id);
      changes = changes.filter((change) => change.user_id !== user.id);
      return seeded(SEED_USERS.find((seed) => seed.id === user.id));
    });
  };
  reset();

  const find = (username) => {
    const wanted = String(username).trim().toLowerCase();
    return users.find((u) => u.username === wanted || u.email === wanted);
  };

  function verifySignature(req, body) {
    return signatureProblem(secret, req.headers, body);
  }

  function webhook(event) {
    if (event.type === 'user.lookup') {
      const user = find(event.username);
      return [200, { user: user ? { id: user.id, email: user.email, phone: user.phone ?? undefined, display_name: user.display_name, enabled: user.enabled, admin: user.admin, groups: user.groups } : null }];
    }
    if (event.type === 'password.set') {
      const user = users.find((u) => u.id === event.user_id);
      if (!user) return [404, { error: { code: 'user_not_found', message: 'no such user' } }];
      if (typeof event.password !== 'string' || !event.operation_id) {
        return [400, { error: { code: 'bad_request', message: 'password and operation_id are required' } }];
      }
      if (user.history.some((h) => matches(h, event.password))) {
        return [422, { error: { code: 'password_policy', message: `choose a password you have not used for your last ${HISTORY} passwords` } }];
      }
      user.history = [hash(event.password), ...user.history].slice(0, HISTORY);
      user.password_changes += 1;
      user.password_changed_at = new Date().toISOString();
      // A password reset also clears a lockout, as Active Directory does.
      user.locked = false;
      return [200, {}];
    }
    if (event.type === 'account.unlock') {
      const user = users.find((u) => u.id === event.user_id);
      if (!user) return [404, { error: { code: 'user_not_found', message: 'no such user' } }];
      if (!event.operation_id) return [400, { error: { code: 'bad_request', message: 'operation_id is required' } }];
      user.locked = false;
      user.unlocks = (user.unlocks ?? 0) + 1;
      return [200, {}];
    }
    if (event.type === 'admins.list') {
      // The administrators to notify when one of them resets their password.
      return [200, { admins: users.filter((u) => u.admin && u.enabled).map((u) => ({ email: u.email ?? undefined, display_name: u.display_name, language: u.language ?? undefined })) }];
    }
    return [400, { error: { code: 'unknown_type', message: `unknown event type ${event.type}` } }];
  }

  function login(username, password) {
    const user = find(username ?? '');
    const ok = Boolean(user && user.enabled && typeof password === 'string' && user.history.length > 0 && matches(user.history[0], password));
    if (ok && user.locked) return { ok: false, locked: true };
    return ok ? { ok, display_name: user.display_name } : { ok: false };
  }

  async function handle(req, res) {
    const url = new URL(req.url, 'http://directory');
    if (req.method === 'POST' && url.pathname === '/sspr/webhook') {
      const body = await readBody(req, 64 * 1024);
      const problem = verifySignature(req, body);
      if (problem) return json(res, 401, { error: { code: 'bad_signature', message: problem } });
      const key = req.headers['idempotency-key'];
      if (key && applied.has(key)) return json(res, ...applied.get(key));
      let event;
      try {
        event = JSON.parse(body);
      } catch {
        return json(res, 400, { error: { code: 'bad_request', message: 'body is not JSON' } });
      }
      const change = event.type === 'password.set' || event.type === 'account.unlock';
      const failing = change ? failures.get(event.user_id) : undefined;
      if (failing && failing.count > 0) {
        // Fails before applying anything, as a directory that is down or throttling would.
        failing.count -= 1;
        changes.push({ type: event.type, user_id: event.user_id, operation_id: event.operation_id, idempotency_key: key, status: failing.status, at: Date.now() });
        const headers = failing.retryAfter === undefined ? {} : { 'retry-after': String(failing.retryAfter) };
        return json(res, failing.status, { error: { code: 'unavailable', message: 'the directory is unavailable (test knob)' } }, headers);
      }
      const answer = webhook(event);
      if (change) changes.push({ type: event.type, user_id: event.user_id, operation_id: event.operation_id, idempotency_key: key, status: answer[0], at: Date.now() });
      if (key && event.type === 'password.set') applied.set(key, answer);
      return json(res, ...answer);
    }
    if (req.method === 'POST' && url.pathname === '/api/fail-next') {
      // {username, count, status = 503, retryAfter?}: the user's next `count` changes answer
      // `status` (with `Retry-After: retryAfter` seconds when given).
      const { username, count, status = 503, retryAfter } = JSON.parse(await readBody(req, 8192) || '{}');
      const user = find(username ?? '');
      if (!user || !Number.isInteger(count) || count < 0 || !Number.isInteger(status) || status < 400 || status > 599) {
        return json(res, 400, { error: { code: 'bad_request', message: 'expected {username, count, status: 4xx|5xx, retryAfter?}' } });
      }
      failures.set(user.id, { count, status, retryAfter });
      return json(res, 200, {});
    }
    if (req.method === 'GET' && url.pathname === '/api/changes') {
      return json(res, 200, changes);
    }
    if (req.method === 'POST' && url.pathname === '/api/login') {
      const { username, password } = JSON.parse(await readBody(req, 8192) || '{}');
      return json(res, 200, login(username, password));
    }
    if (req.method === 'GET' && url.pathname === '/api/users') {
      return json(res, 200, users.map(({ history, ...user }) => user));
    }
    if (req.method === 'POST' && url.pathname === '/api/reset-fixture') {
      // {usernames: [...]} resets those users only; no body resets the whole fixture.
      const body = JSON.parse(await readBody(req, 65536) || '{}');
      if (body.usernames !== undefined && !Array.isArray(body.usernames)) {
        return json(res, 400, { error: { code: 'invalid_request', message: 'usernames must be an array of usernames' } });
      }
      if (body.usernames) resetUsers(body.usernames); else reset();
      return json(res, 200, {});
    }
    return json(res, 404, { error: { code: 'not_found', message: 'not found' } });
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => json(res, err.status ?? 500, { error: { code: 'internal', message: err.message } }));
  });
  return { server, login, users: () => users };
}

export async function startDirectory({ port, secret }) {
  const directory = createDirectory({ secret });
  directory.port = await listen(directory.server, port);
  return directory;
}

// Starts the widget (wasm) and wires the demo page's own sign-in form, which checks the
// password against the demo directory, so a reset can be tried end to end.
import init from './sspr-widget.js';

await init();

const form = document.getElementById('demo-login');
const result = document.getElementById('demo-result');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = JSON.stringify({ username: form.username.value, password: form.password.value });
  const answer = await fetch('/demo/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const { ok, locked, display_name: name } = await answer.json();
  result.textContent = ok
    ? `Signed in as ${name}.`
    : locked ? 'Your account is locked. Unlock it below.' : 'Wrong username or password.';
  result.dataset.state = ok ? 'ok' : 'failed';
});

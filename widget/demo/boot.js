// The demo page's own sign-in form, which checks the password against the demo directory,
// so a reset can be tried end to end. (The widget needs no code here: sspr.js defines
// <sspr-reset>.) When a reset finishes, the widget's sspr:done event fills in the username.

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

document.addEventListener('sspr:done', (event) => {
  result.textContent = event.detail.flow === 'unlock'
    ? 'Account unlocked: sign in above.'
    : 'Password changed: sign in above with the new one.';
  result.dataset.state = 'hint';
});

// A login page written in React 19, with the reset widget inside it: the "framework page"
// example. `cargo xtask` bundles this file with React into dist/example-react.js (esbuild,
// production build); examples/react.html loads it beside sspr.js, under the same strict CSP
// as the plain example (no inline script or style).
//
// What a React page needs to know:
// - <sspr-reset> is rendered like any element; React 19 sets `edge`, `lang`, `theme`, `flow`
//   and `dom` as attributes, since the element has no properties of those names.
// - The widget's events (sspr:step, sspr:done, sspr:error) are DOM events with a colon in
//   their names: listen with addEventListener on a ref, as below.
// - React keeps the same element across re-renders, so what the user typed survives them;
//   unmounting the element (closing the panel) ends the widget, and mounting it starts anew.
import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

function ForgotPassword({ edge, lang, onDone }) {
  const ref = useRef(null);
  useEffect(() => {
    const element = ref.current;
    const done = (event) => onDone(event.detail);
    element.addEventListener('sspr:done', done);
    return () => element.removeEventListener('sspr:done', done);
  }, [onDone]);
  return <sspr-reset ref={ref} edge={edge} lang={lang} />;
}

function SignIn({ notice }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [result, setResult] = useState(notice);
  useEffect(() => setResult(notice), [notice]);

  async function submit(event) {
    event.preventDefault();
    const answer = await fetch('/demo/login', { method: 'POST', body: JSON.stringify({ username, password }) });
    const { ok, display_name: name } = await answer.json();
    setResult(ok ? `Signed in as ${name}.` : 'The username or password is wrong.');
  }

  return (
    <form onSubmit={submit} aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <label htmlFor="username">Username</label>
      <input id="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} />
      <label htmlFor="password">Password</label>
      <input id="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit">Sign in</button>
      <p role="status">{result}</p>
    </form>
  );
}

function LoginPage({ edge }) {
  const [open, setOpen] = useState(false);
  const [renders, setRenders] = useState(1);
  const [notice, setNotice] = useState('');
  // Stable, so the widget's listener is not swapped on every render.
  const done = useCallback(() => {
    setOpen(false);
    setNotice('Your password was changed. Sign in with your new password.');
  }, []);

  return (
    <main>
      <h1>Contoso (a React page)</h1>
      <SignIn notice={notice} />
      <button type="button" aria-expanded={open} aria-controls="forgot" onClick={() => setOpen(!open)}>
        Forgot your password?
      </button>
      <section id="forgot" aria-label="Password reset">
        {open && <ForgotPassword edge={edge} onDone={done} />}
      </section>
      <p>
        <button type="button" onClick={() => setRenders(renders + 1)}>Render the page again</button>{' '}
        <span data-testid="renders">Rendered {renders} times</span>
      </p>
    </main>
  );
}

const root = document.getElementById('root');
createRoot(root).render(
  <StrictMode>
    <LoginPage edge={root.dataset.edge} />
  </StrictMode>,
);

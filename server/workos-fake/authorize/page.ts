/** The consent page and error page of the fake's hosted sign-in (HTML, every value escaped). */

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2327}
main{max-width:28rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem;margin-top:0}form{display:grid;gap:.5rem}
button{font:inherit;padding:.6rem 1rem;border:1px solid #8c8f94;border-radius:4px;background:#fff;cursor:pointer;text-align:start}
button[name=deny]{margin-top:1rem;background:#f0f0f1}
fieldset{display:grid;gap:.25rem;border:1px solid #c3c4c7;border-radius:4px;margin-bottom:.5rem}
input{font:inherit;padding:.3rem}`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – WorkOS fake</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
${body}
</main></body>
</html>`;
}

export interface ConsentUser {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
}

const label = (u: ConsentUser) => {
  const name = [u.first_name, u.last_name].filter(Boolean).join(' ');
  return name ? `${name} (${u.email})` : u.email;
};

/**
 * AuthKit's page only: how the visitor signed in there (any of the spec's methods, or a name it
 * does not list yet; empty: `current`, or `Impersonation` with an impersonator) and, standing in
 * for WorkOS's dashboard, an impersonation.
 */
function hostedFields(methods: readonly string[], current: string): string {
  const options = methods.map((m) => `<option value="${escapeHtml(m)}"></option>`).join('');
  return `<fieldset><legend>On AuthKit</legend>
<label for="authentication_method">Signed in with (authentication_method)</label>
<input id="authentication_method" name="authentication_method" list="authentication-methods" placeholder="${escapeHtml(current)}">
<datalist id="authentication-methods">${options}</datalist>
<label for="impersonator_email">Impersonated by (WorkOS dashboard member)</label>
<input id="impersonator_email" name="impersonator_email" type="email">
<label for="impersonator_reason">Impersonation reason</label>
<input id="impersonator_reason" name="impersonator_reason">
</fieldset>`;
}

/** One "Continue as …" button per eligible user, and Deny; the form posts to `action`. */
export function consentPage(input: {
  title: string;
  action: string;
  requestId: string;
  users: ConsentUser[];
  /** AuthKit: the spec's methods to pick from, and the default one. */
  hosted?: { methods: readonly string[]; current: string };
}): string {
  const hosted = input.hosted ? hostedFields(input.hosted.methods, input.hosted.current) : '';
  const buttons = input.users
    .map((u) => `<button name="user_id" value="${escapeHtml(u.id)}">Continue as ${escapeHtml(label(u))}</button>`)
    .join('\n');
  const none = input.users.length ? '' : '<p>No account can sign in here.</p>';
  return layout(
    input.title,
    `<p>This page stands in for the identity provider: choose who signs in.</p>${none}
<form method="post" action="${escapeHtml(input.action)}">
<input type="hidden" name="request" value="${escapeHtml(input.requestId)}">
${hosted}${buttons}
<button name="deny" value="1">Deny</button>
</form>`,
  );
}

export function errorPage(message: string): string {
  return layout('Sign-in error', `<p role="alert">${escapeHtml(message)}</p>`);
}

/**
 * Entry of WorkOS → Login Profiles (built to build/admin/profiles/index.js, an IIFE using the
 * `wp.*` globals; includes/admin/menu.php enqueues it on that screen only).
 */
import { createElement, createRoot } from '@wordpress/element';
import { App } from './app.tsx';

const ROOT_ID = 'workos-login-profiles-root';

function mount(): void {
  const node = document.getElementById(ROOT_ID);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-member-access -- react-dom's types (@types/react-dom) are not installed
  if (node) createRoot(node).render(<App />);
}

// The script is printed in the footer, after the root element, but be safe if it moves to <head>.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();

/** The release's names: the plugin's folder (and slug) and the login-server package's. */
export const PLUGIN_SLUG = 'workos-login';
export const SERVER_PACKAGE = 'workos-login-server';

/**
 * The PHP mirror of `protocol/`, generated (ARCHITECTURE rule 5: one contract, written once).
 *
 * `npm run generate:php` writes `includes/generated/protocol.php`: the enums, limits, patterns and
 * header names PHP needs as constants, the profile defaults, and each browser route's body as a
 * JSON Schema in the subset WordPress's `rest_validate_value_from_schema()` speaks (turned into
 * the routes' REST arguments by includes/rest/auth-routes.php). The file is committed and
 * reviewed like code; `npm run build` regenerates it and a unit test fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { IDENTITY_LIMITS } from '../protocol/identity-methods.ts';
import {
  BROWSER_COOKIE,
  ERROR_CODES,
  HOSTED_METHODS,
  IDENTITY_METHODS,
  LIMITS,
  METHODS,
  NOTICE_STEPS,
  OAUTH_PROVIDERS,
  PASSKEY_LIMITS,
  PASSWORD_PROBLEMS,
  SERVER_HEADERS,
  SIGNATURE_TOLERANCE_MS,
  STEP_NAMES,
} from '../protocol/messages.ts';
import { MFA_ENFORCE, MFA_FACTORS } from '../protocol/mfa-policy.ts';
import { ADMIN_LIMITS } from '../protocol/admin.ts';
import {
  LOGO_MODES,
  PROFILE_DEFAULTS,
  PROFILE_MODES,
  REMEMBER_ME,
  RESOLVED_PROFILE_FIELDS,
} from '../protocol/profile.ts';
import {
  adminHealthOutcomeSchema,
  adminRolesOutcomeSchema,
  adminUserOutcomeSchema,
  auditForwardOutcomeSchema,
  sessionRevokeOutcomeSchema,
} from '../server/admin/identity-schemas.ts';
import { adminOrganizationsOutcomeSchema } from '../server/admin/schemas.ts';
import { BROWSER_REQUEST_SCHEMAS } from '../server/browser-schemas.ts';
import { newPasskeySchema, passkeyRegisteredOutcomeSchema, passkeyUseSchema } from '../server/passkey-schemas.ts';
import { loginProfileSchema } from '../server/profile-schema.ts';
import { errorOutcomeSchema, identitySchema } from '../server/schemas.ts';
import { patterns, phpValue, type Php } from './generate-php/php.ts';
import { phpstanType, toWordPress, type Schema } from './generate-php/schema.ts';
import { renderStringsPhp } from './generate-php/strings.ts';

export { phpPattern } from './generate-php/php.ts';

export const GENERATED_PHP = fileURLToPath(new URL('../includes/generated/protocol.php', import.meta.url));
export const GENERATED_STRINGS_PHP = fileURLToPath(new URL('../includes/generated/strings.php', import.meta.url));
export const GENERATED_PHPSTAN_TYPES = fileURLToPath(new URL('../tests/phpstan/protocol-types.neon', import.meta.url));

/** Each constant: its PHP name, its value and where it comes from (the doc comment). */
function constants(): Array<[string, Php, string]> {
  return [
    [
      'WORKOS_LOGIN_METHODS',
      METHODS,
      '`METHODS`: sign-in methods a Login Profile can offer, in the order editors list them.',
    ],
    ['WORKOS_LOGIN_HOSTED_METHODS', HOSTED_METHODS, '`HOSTED_METHODS`: WorkOS methods only its hosted pages offer.'],
    ['WORKOS_LOGIN_IDENTITY_METHODS', IDENTITY_METHODS, '`IDENTITY_METHODS`: every name `Identity.method` may take.'],
    [
      'WORKOS_LOGIN_OAUTH_PROVIDERS',
      OAUTH_PROVIDERS,
      '`OAUTH_PROVIDERS`: social providers (method `oauth_<provider>`).',
    ],
    [
      'WORKOS_LOGIN_STEP_NAMES',
      Object.keys(STEP_NAMES),
      '`StepName`: the steps the login server may ask the browser to take.',
    ],
    [
      'WORKOS_LOGIN_NOTICE_STEPS',
      NOTICE_STEPS,
      '`NOTICE_STEPS`: steps that end a flow (answered with an empty `flow`).',
    ],
    [
      'WORKOS_LOGIN_ERROR_CODES',
      Object.keys(ERROR_CODES),
      '`ErrorCode`: the stable error codes of both conversations.',
    ],
    [
      'WORKOS_LOGIN_PASSWORD_PROBLEMS',
      Object.keys(PASSWORD_PROBLEMS),
      '`PasswordProblem`: why WorkOS refused a new password.',
    ],
    ['WORKOS_LOGIN_MFA_ENFORCE', MFA_ENFORCE, '`MFA_ENFORCE` (protocol/mfa-policy.ts): the MFA policies.'],
    ['WORKOS_LOGIN_MFA_FACTORS', MFA_FACTORS, '`MFA_FACTORS`: the second factors a profile may allow.'],
    ['WORKOS_LOGIN_SECOND_FACTORS', MFA_FACTORS, '`Identity.second_factor` values: the same factors.'],
    ['WORKOS_LOGIN_LOGO_MODES', Object.keys(LOGO_MODES), '`LoginProfile.branding.logo_mode` values.'],
    ['WORKOS_LOGIN_REMEMBER_ME', Object.keys(REMEMBER_ME), '`LoginProfile.remember_me` values.'],
    ['WORKOS_LOGIN_PROFILE_MODES', Object.keys(PROFILE_MODES), '`LoginProfile.mode` values.'],
    [
      'WORKOS_LOGIN_PROFILE_DEFAULTS',
      PROFILE_DEFAULTS as unknown as Php,
      '`PROFILE_DEFAULTS`: every Login Profile field but `slug` and `title`.',
    ],
    [
      'WORKOS_LOGIN_PROFILE_SCHEMA',
      profileSchema() as Php,
      '`LoginProfile` (server/profile-schema.ts), as a WordPress schema: the admin REST routes publish it and validate each field with it.',
    ],
    [
      'WORKOS_LOGIN_RESOLVED_PROFILE_FIELDS',
      RESOLVED_PROFILE_FIELDS,
      '`RESOLVED_PROFILE_FIELDS`: the fields of a profile the login server receives.',
    ],
    ['WORKOS_LOGIN_PROFILE_SLUG_PATTERN', LIMITS.profileSlugPattern, '`LIMITS.profileSlugPattern`.'],
    ['WORKOS_LOGIN_CODE_PATTERN', LIMITS.codePattern, '`LIMITS.codePattern`: magic, verification and MFA codes.'],
    ['WORKOS_LOGIN_ID_PATTERN', LIMITS.idPattern, '`LIMITS.idPattern`: WorkOS ids (`org_…`, `auth_factor_…`).'],
    ['WORKOS_LOGIN_PHONE_PATTERN', LIMITS.phonePattern, '`LIMITS.phonePattern` (E.164).'],
    ['WORKOS_LOGIN_TOKEN_MAX', LIMITS.tokenMax, '`LIMITS.tokenMax`: sealed flows, OAuth states, WorkOS tokens.'],
    [
      'WORKOS_LOGIN_TOKEN_PATTERN',
      LIMITS.tokenPattern,
      '`LIMITS.tokenPattern`: characters of tokens that travel in URLs.',
    ],
    ['WORKOS_LOGIN_FLOW_PATTERN', LIMITS.flowPattern, "`LIMITS.flowPattern`: a sealed flow's one canonical spelling."],
    ['WORKOS_LOGIN_REDIRECT_MAX', LIMITS.redirectMax, '`LIMITS.redirectMax`.'],
    [
      'WORKOS_LOGIN_ENUMERATION_FLOOR_MS',
      LIMITS.enumerationFloorMs,
      "`LIMITS.enumerationFloorMs`: the login server's floor.",
    ],
    ['WORKOS_LOGIN_ANSWER_FLOOR_MS', LIMITS.answerFloorMs, "`LIMITS.answerFloorMs`: WordPress's answer floor."],
    [
      'WORKOS_LOGIN_ANSWER_STEP_MS',
      LIMITS.answerStepMs,
      '`LIMITS.answerStepMs`: past the floor, answers leave on these steps.',
    ],
    ['WORKOS_LOGIN_SIGNATURE_HEADER', SERVER_HEADERS.signature, '`SERVER_HEADERS.signature`.'],
    ['WORKOS_LOGIN_BUDGET_HEADER', SERVER_HEADERS.budget, '`SERVER_HEADERS.budget`.'],
    ['WORKOS_LOGIN_SIGNATURE_TOLERANCE_MS', SIGNATURE_TOLERANCE_MS, '`SIGNATURE_TOLERANCE_MS`.'],
    [
      'WORKOS_LOGIN_BROWSER_COOKIE',
      BROWSER_COOKIE,
      '`BROWSER_COOKIE`: binds OAuth/SSO/AuthKit sign-ins to the browser.',
    ],
    [
      'WORKOS_LOGIN_IMPERSONATOR_EMAIL_MAX',
      IDENTITY_LIMITS.impersonatorEmailMax,
      '`IDENTITY_LIMITS.impersonatorEmailMax`.',
    ],
    [
      'WORKOS_LOGIN_IMPERSONATOR_REASON_MAX',
      IDENTITY_LIMITS.impersonatorReasonMax,
      '`IDENTITY_LIMITS.impersonatorReasonMax`.',
    ],
    [
      'WORKOS_LOGIN_WORKOS_METHOD_PATTERN',
      IDENTITY_LIMITS.workosMethodPattern,
      '`IDENTITY_LIMITS.workosMethodPattern`.',
    ],
    ['WORKOS_LOGIN_CREDENTIAL_ID_PATTERN', PASSKEY_LIMITS.credentialIdPattern, '`PASSKEY_LIMITS.credentialIdPattern`.'],
    ['WORKOS_LOGIN_WEBAUTHN_FIELD_MAX', PASSKEY_LIMITS.webauthnFieldMax, '`PASSKEY_LIMITS.webauthnFieldMax`.'],
    ['WORKOS_LOGIN_PASSKEY_NAME_MAX', PASSKEY_LIMITS.passkeyNameMax, '`PASSKEY_LIMITS.passkeyNameMax`.'],
    [
      'WORKOS_LOGIN_PASSKEY_TRANSPORT_PATTERN',
      PASSKEY_LIMITS.transportPattern,
      '`PASSKEY_LIMITS.transportPattern`: WebAuthn transports.',
    ],
    ['WORKOS_LOGIN_PASSKEY_TRANSPORTS_MAX', PASSKEY_LIMITS.transportsMax, '`PASSKEY_LIMITS.transportsMax`.'],
    ['WORKOS_LOGIN_PASSKEY_CHALLENGE_MS', PASSKEY_LIMITS.passkeyChallengeMs, '`PASSKEY_LIMITS.passkeyChallengeMs`.'],
    ['WORKOS_LOGIN_ROUTING_RULES_MAX', ADMIN_LIMITS.routingRulesMax, '`ADMIN_LIMITS.routingRulesMax`.'],
    ['WORKOS_LOGIN_ROUTING_PATTERN_MAX', ADMIN_LIMITS.routingPatternMax, '`ADMIN_LIMITS.routingPatternMax`.'],
    [
      'WORKOS_LOGIN_REQUEST_SCHEMAS',
      requestSchemas(),
      "Each browser route's body (server/browser-schemas.ts), as WordPress REST schemas.",
    ],
    [
      'WORKOS_LOGIN_OUTCOME_SCHEMAS',
      outcomeSchemas(),
      'outcome parts (server/schemas.ts), as WordPress schemas: unknown fields are dropped, not refused (workos_login_by_schema()).',
    ],
  ];
}
/* ------------------------------------------------------------------ schemas */

/**
 * The login server's answers PHP checks with a schema (includes/outcome/): structure here, the
 * rules JSON Schema cannot say (zod refinements) stay in PHP. As strict as the server's own
 * schemas: an unknown field is refused at every depth.
 */
function outcomeSchemas(): Record<string, Php> {
  /** The answer of a union `X | ErrorOutcome` that is not the error. */
  const answer = (schema: z.ZodType) => (z.toJSONSchema(schema, { io: 'output' }).oneOf as Schema[])[0];
  const parts: Record<string, Schema> = {
    identity: z.toJSONSchema(identitySchema, { io: 'output' }),
    error: z.toJSONSchema(errorOutcomeSchema, { io: 'output' }),
    organizations: answer(adminOrganizationsOutcomeSchema),
    user: answer(adminUserOutcomeSchema),
    roles: answer(adminRolesOutcomeSchema),
    health: answer(adminHealthOutcomeSchema),
    session_revoked: answer(sessionRevokeOutcomeSchema),
    audit_forwarded: answer(auditForwardOutcomeSchema),
    passkey_registered: z.toJSONSchema(passkeyRegisteredOutcomeSchema, { io: 'output' }),
    passkey_used: z.toJSONSchema(passkeyUseSchema, { io: 'output' }),
    new_passkey: z.toJSONSchema(newPasskeySchema, { io: 'output' }),
  };
  return Object.fromEntries(Object.entries(parts).map(([name, schema]) => [name, toWordPress(schema) as Php]));
}

/**
 * `LoginProfile` without `required` lists: the admin routes take a profile's fields partly (PATCH
 * semantics, nested objects too), and the whole merged profile is checked field by field.
 */
function profileSchema(required = false): Schema {
  const schema = toWordPress(z.toJSONSchema(loginProfileSchema, { io: 'input', unrepresentable: 'throw' }));
  const strip = (part: Schema): Schema =>
    Object.fromEntries(
      Object.entries(part)
        .filter(([key]) => required || key !== 'required')
        .map(([key, value]) => [
          key,
          key === 'properties'
            ? Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([n, p]) => [n, strip(p)]))
            : value,
        ]),
    );
  return strip(schema);
}

function requestSchemas(): Record<string, Php> {
  return Object.fromEntries(
    Object.entries(BROWSER_REQUEST_SCHEMAS).map(([route, schema]) => [
      route,
      toWordPress(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as Schema) as Php,
    ]),
  );
}

/** The whole generated file. */
export function renderProtocolPhp(): string {
  const body = constants()
    .map(([name, value, doc]) => `/** Protocol ${doc} */\nconst ${name} = ${phpValue(patterns(value, name), '')};\n`)
    .join('\n');
  return `<?php
/**
 * The PHP mirror of protocol/ — GENERATED by scripts/generate-php.ts (\`npm run generate:php\`).
 * Do not edit: change protocol/ (or the schemas in server/) and regenerate; a unit test fails
 * when this file is stale.
 *
 * @package WorkOS_Login
 * @since   0.6.0
 */

if ( ! defined( 'ABSPATH' ) ) {
\texit;
}

${body}`;
}

/* ------------------------------------------------------------------ PHPStan types */

/**
 * PHPStan's names for the protocol's shapes (phpstan.neon.dist includes the file), so a docblock
 * says `@return WorkOSLoginProfile` instead of copying the profile's fields.
 */
export function renderPhpstanTypes(): string {
  const profile = profileSchema(true);
  const properties = profile.properties as Record<string, Schema>;
  const pick = (names: readonly string[], extra: Record<string, Schema> = {}): Schema => ({
    type: 'object',
    properties: { ...Object.fromEntries(names.map((name) => [name, properties[name]])), ...extra },
    required: [...names, ...Object.keys(extra)],
  });
  const aliases: Array<[string, Schema, string]> = [
    ['WorkOSLoginProfile', profile, '`LoginProfile`'],
    [
      'WorkOSLoginProfileDefaults',
      pick(Object.keys(properties).filter((name) => name !== 'slug' && name !== 'title')),
      '`PROFILE_DEFAULTS`: every field but `slug` and `title`',
    ],
    [
      'WorkOSLoginResolvedProfile',
      pick(RESOLVED_PROFILE_FIELDS, { organization_pinned: { type: 'boolean' } }),
      '`ResolvedProfile`',
    ],
  ];
  return `# PHPStan's names for protocol shapes — GENERATED by scripts/generate-php.ts (\`npm run generate:php\`).
# Do not edit: a unit test fails when this file is stale.
parameters:
	typeAliases:
${aliases
  .map(
    ([name, schema, doc]) => `		# ${doc}
		${name}: '${phpstanType(schema)}'`,
  )
  .join('\n')}
`;
}

/** Every generated file and its text. */
export function generatedFiles(): Array<[string, string]> {
  return [
    [GENERATED_PHP, renderProtocolPhp()],
    [GENERATED_STRINGS_PHP, renderStringsPhp()],
    [GENERATED_PHPSTAN_TYPES, renderPhpstanTypes()],
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const check = process.argv.includes('--check');
  for (const [file, text] of generatedFiles()) {
    let current: string;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = '';
    }
    if (current === text) continue;
    if (check) {
      process.stderr.write(`${file} is stale: run npm run generate:php\n`);
      process.exitCode = 1;
    } else {
      writeFileSync(file, text);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
}

/**
 * The `LoginProfile` schema: written once here, from `protocol/profile.ts`'s lists and bounds.
 *
 * WordPress stores profiles and is the authority on them: scripts/generate-php.ts turns this
 * schema into `WORKOS_LOGIN_PROFILE_SCHEMA`, which the admin REST routes publish and validate
 * every field with (includes/profiles/validate-fields.php, through WordPress's
 * `rest_validate_value_from_schema()`). The rules JSON Schema cannot say — a title that is not
 * only white space, custom paths free and not reserved, destinations WordPress may redirect to,
 * a custom logo that is an image — stay in PHP. The login server receives only the
 * `ResolvedProfile` part (server/schemas.ts picks it from here).
 */
import { z } from 'zod';
import { LIMITS, METHODS } from '../protocol/messages.ts';
import { MFA_ENFORCE, MFA_FACTORS } from '../protocol/mfa-policy.ts';
import { LOGO_MODES, PROFILE_LIMITS, PROFILE_MODES, REMEMBER_ME, type LoginProfile } from '../protocol/profile.ts';

const keys = <T extends string>(record: Record<T, true>) => Object.keys(record) as [T, ...T[]];
const text = (max: number) => z.string().max(max).regex(new RegExp(PROFILE_LIMITS.textPattern));
/** Distinct values of a set, in the order chosen (WordPress refuses duplicates: `uniqueItems`). */
const set = <T extends string>(values: readonly [T, ...T[]]) => z.array(z.enum(values)).meta({ uniqueItems: true });

export const organizationId = z.string().regex(new RegExp(PROFILE_LIMITS.organizationPattern));

export const loginProfileSchema = z.strictObject({
  slug: z.string().regex(new RegExp(LIMITS.profileSlugPattern)),
  title: text(PROFILE_LIMITS.textMax.title),
  methods: set(METHODS).min(1),
  organization_id: organizationId.nullable(),
  signup: z.strictObject({ enabled: z.boolean(), require_invitation: z.boolean() }),
  invitations: z.boolean(),
  password_reset: z.boolean(),
  auto_sign_in_after_reset: z.boolean(),
  mfa: z.strictObject({ enforce: z.enum(MFA_ENFORCE), factors: set(MFA_FACTORS) }),
  branding: z.strictObject({
    heading: text(PROFILE_LIMITS.textMax['branding.heading']),
    subheading: text(PROFILE_LIMITS.textMax['branding.subheading']),
    primary_color: z.string().regex(new RegExp(PROFILE_LIMITS.colorPattern)),
    logo_mode: z.enum(keys(LOGO_MODES)),
    logo_attachment_id: z.int().min(0),
  }),
  custom_path: z.string().max(PROFILE_LIMITS.customPathMax),
  post_login_redirect: z.string().max(LIMITS.redirectMax),
  forward_query_args: z.boolean(),
  remember_me: z.enum(keys(REMEMBER_ME)),
  mode: z.enum(keys(PROFILE_MODES)),
  passkey_prompt: z.boolean(),
}) satisfies z.ZodType<LoginProfile>;

/**
 * What WorkOS would have sent: every magic code, verification code, reset token and invitation
 * token "emailed", and every SMS code. Tests read them through `GET /_fake/emails` and
 * `GET /_fake/sms` (inspection.ts), never through the WorkOS API.
 */
export type EmailKind = 'magic_auth' | 'email_verification' | 'invitation' | 'password_reset';

export interface SentEmail {
  kind: EmailKind;
  to: string;
  code: string | null;
  token: string | null;
  created_at: string;
}

export interface SentSms {
  to: string;
  code: string;
  created_at: string;
}

export class Outbox {
  private readonly emails: SentEmail[] = [];
  private readonly texts: SentSms[] = [];

  email(kind: EmailKind, to: string, secret: { code?: string; token?: string }, at = new Date().toISOString()): void {
    this.emails.push({
      kind,
      to: to.toLowerCase(),
      code: secret.code ?? null,
      token: secret.token ?? null,
      created_at: at,
    });
  }

  sms(to: string, code: string): void {
    this.texts.push({ to, code, created_at: new Date().toISOString() });
  }

  /** Newest first; every email when `to` is undefined. */
  emailsTo(to?: string): SentEmail[] {
    const wanted = to?.trim().toLowerCase();
    return this.emails.filter((e) => wanted === undefined || e.to === wanted).reverse();
  }

  /** Newest first; every SMS when `to` is undefined. */
  smsTo(to?: string): SentSms[] {
    const wanted = to?.trim();
    return this.texts.filter((s) => wanted === undefined || s.to === wanted).reverse();
  }
}

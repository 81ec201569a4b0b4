import { expect } from '@open-wc/testing';
import { LIMITS } from '../protocol/messages.ts';
import { validateCode, validateCredentials, validateEmail, validatePassword } from './validate.ts';
import { describe, it } from './test/mocha.ts';

describe('validateEmail', () => {
  it('accepts ordinary and unusual but valid addresses', () => {
    for (const email of ['ada@example.com', 'a.b+tag@sub.example.co.uk', 'jürgen@müller.de']) {
      expect(validateEmail(email), email).to.equal(undefined);
    }
  });

  it('asks for a missing address', () => {
    expect(validateEmail('')).to.equal('email_required');
  });

  it('rejects malformed addresses', () => {
    for (const email of [
      'ada',
      'ada@',
      '@example.com',
      'ada@example',
      'ada @example.com',
      'a@b@c.com',
      'ada@example..com',
      'ada@.com',
    ]) {
      expect(validateEmail(email), email).to.equal('email_invalid');
    }
  });

  it('rejects addresses over the shared limit', () => {
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(LIMITS.emailMax - local.length - 5)}.com`;
    expect(validateEmail(`${local}@${domain}`)).to.equal(undefined);
    expect(validateEmail(`${local}@x${domain}`)).to.equal('email_too_long');
  });
});

describe('validatePassword', () => {
  it('asks for a missing password and keeps spaces', () => {
    expect(validatePassword('')).to.equal('password_required');
    expect(validatePassword(' ')).to.equal(undefined);
  });

  it('rejects passwords over the shared limit', () => {
    expect(validatePassword('p'.repeat(LIMITS.passwordMax))).to.equal(undefined);
    expect(validatePassword('p'.repeat(LIMITS.passwordMax + 1))).to.equal('password_too_long');
  });
});

describe('validateCredentials', () => {
  it('reports every field at once, and nothing when both are fine', () => {
    expect(validateCredentials('', '')).to.deep.equal({ email: 'email_required', password: 'password_required' });
    expect(validateCredentials('ada@example.com', 'Correct-Horse-7')).to.deep.equal({});
  });
});

describe('validateCode', () => {
  it('accepts six digits only', () => {
    expect(validateCode('123456')).to.equal(undefined);
    expect(validateCode('')).to.equal('code_required');
    for (const code of ['12345', '1234567', '12345a', '１２３４５６', '123 456']) {
      expect(validateCode(code), code).to.equal('code_invalid');
    }
  });
});

describe('sign-up and phone checks (loaded with their views)', () => {
  it('checks names against the shared limit', async () => {
    const { validateName } = await import('./views/signup.ts');
    expect(validateName('Ada', 'first_name_required')).to.equal(undefined);
    expect(validateName('', 'first_name_required')).to.equal('first_name_required');
    expect(validateName('x'.repeat(LIMITS.nameMax + 1), 'last_name_required')).to.equal('name_too_long');
  });

  it('accepts phone numbers as people type them, if they are E.164 underneath', async () => {
    const { tidyPhone, validatePhone } = await import('./views/mfa-enroll.ts');
    expect(tidyPhone('+1 (555) 555-0123')).to.equal('+15555550123');
    expect(validatePhone('+1 (555) 555-0123')).to.equal(undefined);
    expect(validatePhone('')).to.equal('phone_required');
    expect(validatePhone('555 0123')).to.equal('phone_invalid');
    expect(validatePhone('+0 555 555 0123')).to.equal('phone_invalid');
  });
});

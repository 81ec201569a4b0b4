import { expect } from '@open-wc/testing';
import { LIMITS } from '../protocol/messages.ts';
import { validateCredentials, validateEmail, validatePassword } from './validate.ts';
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

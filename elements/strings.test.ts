import { expect } from '@open-wc/testing';
import { DEFAULT_STRINGS } from '../protocol/strings.ts';
import { SIGN_IN_STRINGS } from '../protocol/strings/sign-in.ts';
import { RESET_STRINGS } from '../protocol/strings/reset.ts';
import { fmt, parseStrings } from './strings.ts';
import { describe, it } from './test/mocha.ts';

describe('parseStrings', () => {
  it('returns the first screen defaults when nothing is given', () => {
    expect(parseStrings(null)).to.deep.equal(SIGN_IN_STRINGS);
    expect(parseStrings('')).to.deep.equal(SIGN_IN_STRINGS);
  });

  it('merges translated JSON over the defaults', () => {
    const strings = parseStrings('{"heading":"Anmelden","submit":"Weiter"}');
    expect(strings.heading).to.equal('Anmelden');
    expect(strings.submit).to.equal('Weiter');
    expect(strings.email_label).to.equal(DEFAULT_STRINGS.email_label);
  });

  it('accepts an object set from script', () => {
    expect(parseStrings({ password_label: 'Passwort' }).password_label).to.equal('Passwort');
  });

  it('keeps translations of views not loaded yet, and fills the gaps from the defaults it is given', () => {
    const strings = parseStrings({ reset_heading: 'Passwort zurücksetzen' }, { ...SIGN_IN_STRINGS, ...RESET_STRINGS });
    expect(strings.reset_heading).to.equal('Passwort zurücksetzen');
    expect(strings.reset_submit).to.equal(RESET_STRINGS.reset_submit);
    expect(parseStrings({ reset_heading: 'Zurücksetzen' }).reset_heading).to.equal('Zurücksetzen');
  });

  it('ignores non-strings, empty strings and keys no string could have', () => {
    const strings = parseStrings('{"heading":42,"submit":"  ","__proto__":{"a":1},"Bad Key":"x"}');
    expect(strings).to.deep.equal(SIGN_IN_STRINGS);
    expect(Object.getPrototypeOf(strings)).to.equal(Object.prototype);
  });

  it('falls back to the defaults on bad JSON or a non-object', () => {
    expect(parseStrings('{"heading":')).to.deep.equal(SIGN_IN_STRINGS);
    expect(parseStrings('["heading"]')).to.deep.equal(SIGN_IN_STRINGS);
    expect(parseStrings('"heading"')).to.deep.equal(SIGN_IN_STRINGS);
    expect(parseStrings('null')).to.deep.equal(SIGN_IN_STRINGS);
  });

  it('never changes the shared defaults', () => {
    parseStrings('{"heading":"Anmelden"}');
    expect(DEFAULT_STRINGS.heading).to.equal('Sign in');
    expect(SIGN_IN_STRINGS.heading).to.equal('Sign in');
  });
});

describe('fmt', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(fmt('Try again in {seconds} s', { seconds: 12 })).to.equal('Try again in 12 s');
    expect(fmt('{email} and {email}', { email: 'a@b.c' })).to.equal('a@b.c and a@b.c');
    expect(fmt('Hi {name}', {})).to.equal('Hi {name}');
    expect(fmt('{toString}', {})).to.equal('{toString}');
  });
});

import { expect } from '@open-wc/testing';
import { DEFAULT_STRINGS } from '../protocol/strings.ts';
import { parseStrings } from './strings.ts';
import { describe, it } from './test/mocha.ts';

describe('parseStrings', () => {
  it('returns the defaults when nothing is given', () => {
    expect(parseStrings(null)).to.deep.equal(DEFAULT_STRINGS);
    expect(parseStrings('')).to.deep.equal(DEFAULT_STRINGS);
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

  it('ignores unknown keys, non-strings and empty strings', () => {
    const strings = parseStrings('{"nope":"x","heading":42,"submit":"  ","__proto__":{"a":1}}');
    expect(strings).to.deep.equal(DEFAULT_STRINGS);
    expect(Object.keys(strings)).to.have.members(Object.keys(DEFAULT_STRINGS));
  });

  it('falls back to the defaults on bad JSON or a non-object', () => {
    expect(parseStrings('{"heading":')).to.deep.equal(DEFAULT_STRINGS);
    expect(parseStrings('["heading"]')).to.deep.equal(DEFAULT_STRINGS);
    expect(parseStrings('"heading"')).to.deep.equal(DEFAULT_STRINGS);
    expect(parseStrings('null')).to.deep.equal(DEFAULT_STRINGS);
  });

  it('never changes the shared defaults', () => {
    parseStrings('{"heading":"Anmelden"}');
    expect(DEFAULT_STRINGS.heading).to.equal('Sign in');
  });
});

/**
 * Typed handles on the globals `@web/test-runner`'s mocha defines, so element tests need neither
 * `@types/mocha` nor global declarations leaking into the rest of the project.
 */
type Body = () => void | Promise<void>;

interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
  beforeEach(body: Body): void;
  afterEach(body: Body): void;
}

const mocha = globalThis as unknown as MochaGlobals;

export const describe = (title: string, body: () => void): void => mocha.describe(title, body);
export const it = (title: string, body: Body): void => mocha.it(title, body);
export const beforeEach = (body: Body): void => mocha.beforeEach(body);
export const afterEach = (body: Body): void => mocha.afterEach(body);

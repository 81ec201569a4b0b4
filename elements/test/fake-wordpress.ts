/**
 * A fake WordPress behind `window.fetch` for element tests: records each request and answers
 * with whatever the test scripted.
 */
export interface RecordedRequest {
  url: string;
  method: string;
  credentials: RequestCredentials | undefined;
  headers: Headers;
  body: unknown;
}

export type Answer = Response | 'network-error' | Promise<Response | 'network-error'>;

export interface FakeWordPress {
  requests: RecordedRequest[];
  restore(): void;
}

/** Installs the fake; `answer` is called once per request. Call `restore()` after the test. */
export function fakeWordPress(answer: (request: RecordedRequest) => Answer): FakeWordPress {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as is by restore(), never called here
  const original = window.fetch;
  const requests: RecordedRequest[] = [];
  window.fetch = async (input, init = {}) => {
    const request: RecordedRequest = {
      url: input instanceof Request ? input.url : String(input),
      method: init.method ?? 'GET',
      credentials: init.credentials,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
    };
    requests.push(request);
    const result = await answer(request);
    if (result === 'network-error') throw new TypeError('Failed to fetch');
    return result;
  };
  return {
    requests,
    restore: () => {
      window.fetch = original;
    },
  };
}

/** A JSON answer, as WordPress's REST server sends it. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=UTF-8', ...headers },
  });
}

/** A non-JSON answer: a PHP fatal error page, a proxy's HTML. */
export function page(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/html', ...headers } });
}

/** A promise the test settles itself, to hold a request in flight. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/**
 * Tests' side of the signed exchange: POSTs signed as WordPress signs them, and checks that each
 * answer is signed over the very request it answers (its method, path and id).
 */
import { expect } from 'vitest';
import { SERVER_HEADERS } from '../protocol/messages.ts';
import { answerTo, signRequest, verify } from './signature.ts';

interface Requester {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

const sent = new WeakMap<Response, { path: string; header: string }>();

/** POSTs `body` to `path`, signed (or with `signature` as given), and remembers what was sent. */
export async function signedPost(
  app: Requester,
  secret: string,
  path: string,
  body: string,
  opts: { signature?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const header = opts.signature ?? signRequest(secret, path, body);
  const response = await app.request(path, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', [SERVER_HEADERS.signature]: header, ...opts.headers },
  });
  sent.set(response, { path, header });
  return response;
}

/** Expects `text` (the answer's body) signed over the request signedPost() sent. */
export function expectSignedAnswer(secret: string, response: Response, text: string): void {
  const request = sent.get(response);
  expect(request, 'an answer to a request signedPost() sent').toBeDefined();
  expect(verify(secret, text, response.headers.get(SERVER_HEADERS.signature), answerTo(request!))).toBeNull();
}

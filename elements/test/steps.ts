import { oneEvent } from '@open-wc/testing';
import type { ErrorCode, StepName } from '../../protocol/messages.ts';
import type { WorkosStepEvent } from '../events.ts';
import { navigation } from '../navigation.ts';
import type { WorkosLogin } from '../workos-login.ts';
import { afterEach, beforeEach } from './mocha.ts';
import { fakeWordPress, json, type Answer, type FakeWordPress } from './fake-wordpress.ts';

/** Helpers for tests that walk through several steps. */

/** A step answer as WordPress sends it. */
export const stepAnswer = (step: StepName, data: object = {}, flow = `flow-${step}`): Response =>
  json(200, { type: 'step', step, flow, data });

/** An error answer; `message` empty so the element shows its own text. */
export const errorAnswer = (status: number, code: ErrorCode, extra: object = {}, headers = {}): Response =>
  json(status, { type: 'error', code, message: '', ...extra }, headers);

export type ScriptedWordPress = FakeWordPress & { push(...more: Answer[]): void };

/** A fake WordPress answering each request with the next scripted answer (a network error when out). */
export function scriptedWordPress(...answers: Array<Answer | (() => Answer)>): ScriptedWordPress {
  const queue = [...answers];
  const fake = fakeWordPress(() => {
    const next = queue.shift();
    return next === undefined ? 'network-error' : typeof next === 'function' ? next() : next;
  });
  return { ...fake, push: (...more) => void queue.push(...more) };
}

/**
 * Per test of the calling `describe`: a fresh scripted WordPress (answers pushed by the test) and
 * the URLs the element navigated to; both put back after each test.
 */
export function useScriptedWordPress(): { readonly wordpress: ScriptedWordPress; readonly visited: string[] } {
  // Filled by beforeEach, before any test reads it.
  const current = { visited: [] } as unknown as { wordpress: ScriptedWordPress; visited: string[] };
  const originalAssign = navigation.assign;
  beforeEach(() => {
    current.visited = [];
    navigation.assign = (url) => void current.visited.push(url);
    current.wordpress = scriptedWordPress();
  });
  afterEach(() => {
    navigation.assign = originalAssign;
    current.wordpress.restore();
  });
  return current;
}

/** Resolves with the next step's name once it shows. */
export async function nextStep(el: WorkosLogin): Promise<string> {
  const event = await oneEvent<WorkosStepEvent>(el, 'workos-step');
  await el.updateComplete;
  return event.detail.step;
}

/**
 * Waits until `check` passes (the element renders asynchronously after lazy loads). The default
 * budget is generous, inside the test's own (web-test-runner.config.mjs): a busy machine loads
 * slowly, and a state that never comes fails either way.
 */
export async function until(check: () => boolean, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The button whose text is `text` (trimmed), or undefined. */
export const button = (root: ShadowRoot, text: string): HTMLButtonElement | undefined =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);

export const heading = (root: ShadowRoot): string => root.querySelector('#heading')?.textContent ?? '';

export const input = (root: ShadowRoot, name: string): HTMLInputElement =>
  root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

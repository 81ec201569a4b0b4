import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { Countdown } from './countdown.ts';
import { useFakeClock } from './test/fake-clock.ts';
import { describe, it } from './test/mocha.ts';

/** A host that counts its re-renders, and a countdown on it that counts its ends. */
function counted(): { countdown: Countdown; updates: () => number; ends: () => number } {
  let updates = 0;
  let ends = 0;
  const host: ReactiveControllerHost = {
    addController: () => {},
    removeController: () => {},
    requestUpdate: () => void (updates += 1),
    updateComplete: Promise.resolve(true),
  };
  const countdown = new Countdown(host, () => void (ends += 1));
  return { countdown, updates: () => updates, ends: () => ends };
}

describe('Countdown', () => {
  const time = useFakeClock();

  it('counts whole seconds down, re-rendering each second, and ends once', () => {
    const { countdown, updates, ends } = counted();
    countdown.start(3);
    expect(countdown.remaining).to.equal(3);
    expect(updates()).to.equal(1);
    time.advance(999);
    expect(updates(), 'no tick before the second is up').to.equal(1);
    time.advance(1);
    expect(countdown.remaining).to.equal(2);
    time.advance(2000);
    expect(countdown.remaining).to.equal(0);
    expect(ends()).to.equal(1);
    expect(updates()).to.equal(4);
    expect(time.running, 'no tick left running').to.equal(0);
    time.advance(5000);
    expect(ends()).to.equal(1);
  });

  it('ends on time when the ticks come late (a throttled background tab)', () => {
    const { countdown, ends } = counted();
    countdown.start(30);
    time.skip(1500);
    time.advance(0);
    expect(countdown.remaining, 'whole seconds, rounded up').to.equal(29);
    time.skip(31_000);
    expect(countdown.remaining, 'no tick yet').to.equal(29);
    time.advance(0);
    expect(countdown.remaining).to.equal(0);
    expect(ends()).to.equal(1);
  });

  it('stops ticking while its host is away and picks up where the clock is on return', () => {
    const { countdown, ends } = counted();
    countdown.start(10);
    countdown.hostDisconnected();
    expect(time.running).to.equal(0);
    time.advance(4000);
    countdown.hostConnected();
    expect(countdown.remaining).to.equal(6);
    expect(time.running).to.equal(1);
    time.advance(6000);
    expect(ends()).to.equal(1);
    countdown.hostConnected();
    expect(time.running, 'an ended countdown does not start again').to.equal(0);
  });

  it('does not run for no delay', () => {
    const { countdown, ends } = counted();
    countdown.start(0);
    expect(countdown.remaining).to.equal(0);
    expect(time.running).to.equal(0);
    expect(ends()).to.equal(0);
  });
});

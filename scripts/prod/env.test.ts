import { describe, expect, it } from 'vitest';
import { e2eLaneEnv, laneWordPressUrl, prodLaneEnv } from './env.ts';

describe('lane environment', () => {
  it('defaults keep the SQLite lane where it always was and give the production lane its own ports', () => {
    expect(e2eLaneEnv({})).toEqual({
      lane: 'sqlite',
      site: 'e2e',
      ports: { wordpress: 8891, workos: 4200, server: 4201, redis: 6381 },
    });
    const prod = prodLaneEnv({});
    expect(prod.site).toBe('prod');
    expect(prod.objectCache).toBe('redis');
    const all = [
      prod.ports.wordpress,
      prod.ports.workos,
      prod.ports.server,
      ...prod.ports.replicas,
      ...prod.ports.fpm,
      prod.ports.mariadb,
      prod.ports.redis,
      ...Object.values(e2eLaneEnv({}).ports),
    ];
    expect(new Set(all).size).toBe(all.length);
  });

  it('takes every port and name from the environment', () => {
    const prod = prodLaneEnv({
      PROD_SITE: 'prod-b',
      PROD_WP_PORT: '9892',
      PROD_REPLICA_PORTS: '5312, 5313, 5314',
      PROD_FPM_PORTS: '9202,9203',
      PROD_OBJECT_CACHE: 'weak',
    });
    expect(prod.site).toBe('prod-b');
    expect(prod.ports.wordpress).toBe(9892);
    expect(prod.ports.replicas).toEqual([5312, 5313, 5314]);
    expect(prod.ports.fpm).toEqual([9202, 9203]);
    expect(prod.objectCache).toBe('weak');
    expect(e2eLaneEnv({ E2E_WP_PORT: '8894', E2E_SITE: 'e2e-b' })).toMatchObject({
      site: 'e2e-b',
      ports: { wordpress: 8894 },
    });
  });

  it('gives Playwright the WordPress URL of the lane in use', () => {
    expect(laneWordPressUrl({})).toBe('http://localhost:8891');
    expect(laneWordPressUrl({ E2E_LANE: 'prod', PROD_WP_PORT: '9000' })).toBe('http://localhost:9000');
  });

  it('refuses values that would fail later and further away', () => {
    expect(() => e2eLaneEnv({ E2E_WP_PORT: '80a' })).toThrow(/E2E_WP_PORT/);
    expect(() => e2eLaneEnv({ E2E_LANE: 'mysql' })).toThrow(/E2E_LANE/);
    expect(() => prodLaneEnv({ PROD_REPLICA_PORTS: '4312' })).toThrow(/at least two/);
    expect(() => prodLaneEnv({ PROD_SITE: '../x' })).toThrow(/PROD_SITE/);
    expect(() => prodLaneEnv({ PROD_OBJECT_CACHE: 'memcached' })).toThrow(/PROD_OBJECT_CACHE/);
  });
});

import { describe, expect, it } from 'vitest';
import { wordpressExternal } from '../vite.blocks.config.ts';

describe('block editor script externals', () => {
  it('maps WordPress packages and React to the globals and handles WordPress provides', () => {
    expect(wordpressExternal('@wordpress/block-editor')).toEqual({
      global: 'wp.blockEditor',
      handle: 'wp-block-editor',
    });
    expect(wordpressExternal('@wordpress/api-fetch')).toEqual({ global: 'wp.apiFetch', handle: 'wp-api-fetch' });
    expect(wordpressExternal('@wordpress/i18n')).toEqual({ global: 'wp.i18n', handle: 'wp-i18n' });
    expect(wordpressExternal('react')).toEqual({ global: 'React', handle: 'react' });
    expect(wordpressExternal('react-dom')).toEqual({ global: 'ReactDOM', handle: 'react-dom' });
  });

  it('bundles everything else', () => {
    expect(wordpressExternal('lit')).toBeNull();
    expect(wordpressExternal('./edit.tsx')).toBeNull();
    expect(wordpressExternal('@wordpress/components/build-style/style.css')).toBeNull();
  });
});

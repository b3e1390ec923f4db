// The Electron scheme and the bridge serve renderer files, never anything else.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveRendererAsset } from '../../../../../src-main/engine/service/renderer-assets';

const DIR = '/opt/bindery/renderer';

describe('renderer assets', () => {
  it('maps the root to index.html and paths to files inside the folder', () => {
    expect(resolveRendererAsset(DIR, '/')).toBe(path.join(DIR, 'index.html'));
    expect(resolveRendererAsset(DIR, '/assets/index-abc.js')).toBe(path.join(DIR, 'assets/index-abc.js'));
  });

  it('refuses paths that escape the folder, encoded or not', () => {
    expect(resolveRendererAsset(DIR, '/../../etc/passwd')).toBeNull();
    expect(resolveRendererAsset(DIR, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveRendererAsset(DIR, '/assets/%00.js')).toBeNull();
    expect(resolveRendererAsset(DIR, '/%E0%A4%A')).toBeNull();
    expect(resolveRendererAsset(DIR, '/..')).toBeNull();
  });

  it('names content types so browsers run scripts and styles', () => {
    expect(contentTypeOf('a.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('a.css')).toMatch(/^text\/css/);
    expect(contentTypeOf('a.bin')).toBe('application/octet-stream');
  });
});

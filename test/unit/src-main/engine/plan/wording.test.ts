// How plans name things: short vendor names and plain lists.
import { describe, expect, it } from 'vitest';
import { listing, shortListing, shortVendor } from '../../../../../src-main/engine/plan/wording';

describe('wording', () => {
  it('shortens vendor names the way people say them', () => {
    expect(shortVendor('NVIDIA Corporation')).toBe('NVIDIA');
    expect(shortVendor('Advanced Micro Devices, Inc. [AMD/ATI]')).toBe('AMD/ATI');
    expect(shortVendor('Samsung Electronics Co Ltd')).toBe('Samsung Electronics');
    expect(shortVendor('Broadcom Inc. and subsidiaries')).toBe('Broadcom');
    expect(shortVendor('Mellanox Technologies')).toBe('Mellanox Technologies');
  });

  it('lists in plain English, and stops long lists', () => {
    expect(listing([])).toBe('');
    expect(listing(['a'])).toBe('a');
    expect(listing(['a', 'b'])).toBe('a and b');
    expect(listing(['a', 'b', 'c'])).toBe('a, b and c');
    expect(shortListing(['a', 'b', 'c', 'd'], 2)).toBe('a, b and 2 more');
  });
});

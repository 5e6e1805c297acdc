import { describe, expect, it } from 'vitest';
import { fieldPath } from './errors';

describe('field errors from problem details', () => {
  it('turns API error keys into form name paths', () => {
    expect(fieldPath('name')).toEqual(['name']);
    expect(fieldPath('criteria[0].name')).toEqual(['criteria', 0, 'name']);
    expect(fieldPath('contact.phone')).toEqual(['contact', 'phone']);
  });
});

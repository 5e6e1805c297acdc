import { describe, expect, it } from 'vitest';
import { zh } from './zh-CN';
import { en } from './en-US';
import { translate } from '.';

describe('i18n', () => {
  it('has the same keys in zh-CN and en-US', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('fills parameters', () => {
    expect(translate('zh-CN', 'common.total', { n: 3 })).toBe('共 3 条');
    expect(translate('en-US', 'common.total', { n: 3 })).toBe('3 in total');
  });
});

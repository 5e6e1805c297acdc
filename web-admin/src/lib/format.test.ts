import { describe, expect, it } from 'vitest';
import { fenToWanText, fenToYuanText, wanToFen } from './format';

describe('money in 万元', () => {
  it('rounds fen to 万元 with at most two decimals, half up, without floating-point noise', () => {
    expect(fenToWanText(0)).toBe('0');
    expect(fenToWanText(1_000_000)).toBe('1');
    expect(fenToWanText(123_456_789)).toBe('123.46');
    expect(fenToWanText(123_450_000)).toBe('123.45');
    expect(fenToWanText(10_000_000_00)).toBe('1,000');
    expect(fenToWanText(1_234_565_000_00)).toBe('123,456.5');
    expect(fenToWanText(4_999)).toBe('0');
    expect(fenToWanText(5_000)).toBe('0.01');
    expect(fenToWanText(-2_500_000)).toBe('-2.5');
  });

  it('shows the exact yuan and fen', () => {
    expect(fenToYuanText(123_456_789)).toBe('¥1,234,567.89');
    expect(fenToYuanText(5)).toBe('¥0.05');
    expect(fenToYuanText(-100)).toBe('-¥1.00');
  });

  it('reads 万元 typed by a person as exact fen', () => {
    expect(wanToFen('1.234567')).toBe(1_234_567);
    expect(wanToFen(0.1)).toBe(100_000);
    expect(wanToFen('300')).toBe(300_000_000);
    expect(wanToFen('1.2345678')).toBeNull();
    expect(wanToFen('abc')).toBeNull();
    expect(wanToFen('')).toBeNull();
  });
});

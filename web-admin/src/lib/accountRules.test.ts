import { describe, expect, it } from 'vitest';
import { creditCheckCharacter, creditCodeProblem } from './creditCode';
import { passwordProblem } from './password';

export const validCreditCode = (first17 = '91110108MA0000001') => first17 + creditCheckCharacter(first17);

describe('client-side account rules', () => {
  it('accepts a credit code with its check character and names what is wrong otherwise', () => {
    const code = validCreditCode();
    expect(creditCodeProblem(code)).toBeNull();
    const wrong = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    expect(creditCodeProblem(wrong)).toEqual({ key: 'creditCode.check', params: { expected: code[17] } });
    expect(creditCodeProblem('9111')).toEqual({ key: 'creditCode.length', params: { n: 4 } });
    expect(creditCodeProblem('91110108MA000000IO')?.key).toBe('creditCode.character');
    expect(creditCodeProblem('91A10108MA00000010')?.key).toBe('creditCode.region');
  });

  it('applies the password policy: ten characters, not the user name, not a repeated character', () => {
    expect(passwordProblem('Short#1', 'lead1')).toBe('password.tooShort');
    expect(passwordProblem('unitadmin01', 'unitadmin01')).toBe('password.containsUserName');
    expect(passwordProblem('my-UnitAdmin-2026', 'unitadmin')).toBe('password.containsUserName');
    expect(passwordProblem('aaaaaaaaaaaa', 'x')).toBe('password.tooCommon');
    expect(passwordProblem('Harbour#Lamp-42', 'unitadmin')).toBeNull();
  });
});

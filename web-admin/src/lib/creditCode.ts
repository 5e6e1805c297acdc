/** 统一社会信用代码 (GB 32100-2015), as the API checks it (api/src/Platform/Organisations/CreditCode.cs). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  const check = 31 - (sum % 31);
  return ALPHABET[check === 31 ? 0 : check];
}

export type CreditCodeProblem =
  | { key: 'creditCode.length'; params: { n: number } }
  | { key: 'creditCode.character'; params: { position: number; char: string } }
  | { key: 'creditCode.region'; params: { position: number } }
  | { key: 'creditCode.check'; params: { expected: string } };

/** Why a code is not a well-formed credit code, or null when it is (the region and mainland rules stay with the API). */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return { key: 'creditCode.length', params: { n: code.length } };
  for (let i = 0; i < 18; i++) {
    if (!ALPHABET.includes(code[i])) return { key: 'creditCode.character', params: { position: i + 1, char: code[i] } };
  }
  for (let i = 2; i < 8; i++) {
    if (!/\d/.test(code[i])) return { key: 'creditCode.region', params: { position: i + 1 } };
  }
  const expected = creditCheckCharacter(code.slice(0, 17));
  return code[17] === expected ? null : { key: 'creditCode.check', params: { expected } };
}

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';

/** The SPA's only API types come from the committed OpenAPI document; this fails when they have drifted apart. */
describe('schema.d.ts', () => {
  it('is what openapi-typescript generates from api/openapi/jiebang.v1.json (refresh: npm run gen:api)', async () => {
    // Vitest runs from web-admin/, like npm run gen:api.
    const document = JSON.parse(readFileSync(resolve(process.cwd(), '../api/openapi/jiebang.v1.json'), 'utf8'));
    const fresh = astToString(await openapiTS(document));
    const committed = readFileSync(resolve(process.cwd(), 'src/api/schema.d.ts'), 'utf8');
    const body = (text: string) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').replace(/\r\n/g, '\n').trim();
    expect(body(committed), 'src/api/schema.d.ts is stale: run `npm run gen:api` (or `dotnet cake --target=OpenApi`) and commit it').toBe(body(fresh));
  }, 60_000);
});

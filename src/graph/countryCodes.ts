import { CountryCodeResolver } from 'graphql-scalars';

/**
 * ISO 3166-1 alpha-2 codes the standard leaves to users (AA, QM–QZ, XA–XZ, ZZ): never officially assigned.
 * graphql-scalars' CountryCode accepts one of them, XK (used for Kosovo by the EU and others).
 */
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;

function acceptedByCountryCodeScalar(code: string): boolean {
  try {
    CountryCodeResolver.parseValue(code);
    return true;
  } catch {
    return false;
  }
}

/**
 * The officially assigned ISO 3166-1 alpha-2 codes that the API's `CountryCode` scalar accepts, upper case and
 * in alphabetical order: derived at load time by asking graphql-scalars about every pair of letters (676 tries),
 * so this list and the scalar can never disagree. With graphql-scalars 2.0.0 it holds 249 codes.
 */
export const ISO_ALPHA2_CODES: readonly string[] = Object.freeze(
  Array.from({ length: 26 * 26 }, (_, i) => String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26))).filter(
    (code) => !USER_ASSIGNED.test(code) && acceptedByCountryCodeScalar(code),
  ),
);

/** What a 403 means, for the routes of each side (the OpenAPI document's error notes). */
export const NOT_AN_INSTITUTION = 'missingScope, or missingPermission: the caller is not a machine client bound to an institution';
export const NO_ACCESS = 'missingScope, or missingPermission: the caller has no grant on this company (or is a client bound to another one)';
export const NO_PERSON_ACCESS = 'missingScope, or missingPermission: only a person with a grant on this company may write for it (machine clients may not)';
export const NOT_ACCESS_MANAGER = "missingScope, or missingPermission: only the company's access managers may do this";

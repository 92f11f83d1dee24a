/**
 * The pages' only styles, served as a file (GET /local/sign-in.css) so the pages need no inline
 * style under their CSP. Sober, one column, 16 px+ text (no zoom on phones), large targets, and a
 * focus ring of two colours that shows on light and dark backgrounds alike.
 */
export const SIGN_IN_CSS = `*, *::before, *::after { box-sizing: border-box; }
html { color-scheme: light; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 1.0625rem; line-height: 1.5; color: #1b1b1b; background: #eef0f3; }
.banner { padding: 0.75rem 1rem; color: #fff; background: #1d3f72; }
.banner p { max-width: 34rem; margin: 0 auto; }
.banner__name { font-weight: 700; font-size: 1.125rem; }
.banner__note { font-size: 0.9375rem; }
main { max-width: 34rem; margin: 0 auto; padding: 1.5rem 1rem 2rem; background: #fff; border-top: 4px solid #1d3f72; }
@media (min-width: 36rem) { main { margin-top: 2rem; margin-bottom: 2rem; padding: 2rem; } }
h1 { margin: 0 0 1rem; font-size: 1.75rem; line-height: 1.2; }
p { margin: 0 0 1rem; }
a { color: #1a4e8f; text-decoration-thickness: 1px; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 3px; }
.field { margin: 0 0 1.5rem; }
.field--error { padding-left: 0.75rem; border-left: 4px solid #b3261e; }
form { margin: 0 0 1.5rem; }
label { display: block; margin: 0 0 0.25rem; font-weight: 700; }
.hint { margin: 0 0 0.5rem; color: #4a4f55; }
.error-message { margin: 0 0 0.5rem; color: #b3261e; font-weight: 700; }
input { display: block; width: 100%; min-height: 2.75rem; padding: 0.4rem 0.5rem; font: inherit; font-size: 1.125rem; color: inherit; background: #fff; border: 2px solid #1b1b1b; border-radius: 0; }
input[aria-invalid="true"] { border-color: #b3261e; }
button { min-height: 2.75rem; padding: 0.5rem 1.5rem; font: inherit; font-weight: 700; color: #fff; background: #1d3f72; border: 2px solid #1d3f72; border-radius: 4px; cursor: pointer; }
button:hover { background: #142d52; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 0; box-shadow: 0 0 0 6px #1b1b1b; }
input:focus { outline: 3px solid #ffbf47; outline-offset: 0; box-shadow: 0 0 0 6px #1b1b1b; }
.error-summary { margin: 0 0 1.5rem; padding: 1rem; border: 4px solid #b3261e; }
.error-summary h2 { margin: 0 0 0.5rem; font-size: 1.25rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: #b3261e; font-weight: 700; }
.small { color: #4a4f55; font-size: 0.9375rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
@media (forced-colors: active) { :focus-visible, input:focus { outline-color: Highlight; } }
`;

// The tags that pull in the sign-in and Settings pages' own files, served from /start/assets/
// beside the portal's (listed in portal-assets.ts): their stylesheet, and our WebAuthn script
// after the @simplewebauthn/browser bundle it calls. Nothing comes from another origin.

import { Html } from '../html.js';

/** Deferred: the forms exist when they run. */
export const WEBAUTHN_SCRIPTS = new Html('<script src="/start/assets/simplewebauthn-browser.js" defer></script><script src="/start/assets/webauthn.js" defer></script>');
export const FORMS_STYLESHEET = new Html('<link rel="stylesheet" href="/start/assets/gatehouse-forms.css">');

// Sends the SAML response on to the application as soon as the page loads. Without scripts
// the person presses Continue instead.
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('saml-post');
  if (form) form.submit();
});

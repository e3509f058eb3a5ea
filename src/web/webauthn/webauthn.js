// Runs a WebAuthn ceremony for each form marked data-webauthn ("register" or "authenticate"):
// the server's options are in the form's data-options (JSON), the browser's answer goes into
// the form's hidden "webauthn" field, and the form is posted as usual. Loaded after
// SimpleWebAuthnBrowser (our copy of @simplewebauthn/browser), both from our own origin.
(function () {
  'use strict';
  var lib = window.SimpleWebAuthnBrowser;

  function run(form) {
    var status = form.querySelector('.webauthn-status');
    var button = form.querySelector('button[type=submit]');
    var optionsJSON = JSON.parse(form.getAttribute('data-options'));
    var register = form.getAttribute('data-webauthn') === 'register';
    if (button) button.disabled = true;
    if (status) status.textContent = 'Follow your browser\u2019s prompt to use your security key or passkey\u2026';
    var ceremony = register ? lib.startRegistration({ optionsJSON: optionsJSON }) : lib.startAuthentication({ optionsJSON: optionsJSON });
    ceremony.then(function (answer) {
      form.elements.namedItem('webauthn').value = JSON.stringify(answer);
      form.submit();
    }, function (e) {
      if (button) button.disabled = false;
      if (status) status.textContent = 'The security key or passkey did not answer (' + (e && e.message ? e.message : e) + '). Try again.';
    });
  }

  var forms = document.querySelectorAll('form[data-webauthn]');
  for (var i = 0; i < forms.length; i++) {
    (function (form) {
      if (!lib || !lib.browserSupportsWebAuthn()) {
        var status = form.querySelector('.webauthn-status');
        if (status) status.textContent = 'This browser cannot use security keys or passkeys.';
        return;
      }
      form.addEventListener('submit', function (ev) {
        if (form.elements.namedItem('webauthn').value) return;
        ev.preventDefault();
        run(form);
      });
    })(forms[i]);
  }
})();

// The access portal's only script: the account filter as one types, and the copy buttons.
// The pages work without it (the filter form is sent to the server, the text can be selected).
'use strict';

function setupFilter() {
  var input = document.getElementById('account-filter');
  var list = document.getElementById('account-list');
  var count = document.getElementById('account-count');
  if (!input || !list || !count) return;
  var items = Array.prototype.slice.call(list.children);
  var total = Number(list.getAttribute('data-total'));
  var noun = function (n) { return n === 1 ? 'account' : 'accounts'; };
  var apply = function () {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var hit = q === '' || items[i].getAttribute('data-filter').indexOf(q) !== -1;
      items[i].hidden = !hit;
      if (hit) shown++;
    }
    count.textContent = q === '' ? total + ' ' + noun(total) : shown + ' of ' + total + ' ' + noun(total);
  };
  input.addEventListener('input', apply);
  // The server already hid what ?q= does not match; this keeps the count and list in step with the box.
  apply();
}

function setupCopy() {
  var buttons = document.querySelectorAll('button[data-copy]');
  var status = document.getElementById('copy-status');
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      if (!source || !navigator.clipboard) return;
      navigator.clipboard.writeText(source.textContent).then(function () {
        if (status) status.textContent = 'Copied ' + button.getAttribute('data-label') + '.';
      }, function () {
        if (status) status.textContent = 'Copying failed: select the text and copy it.';
      });
    });
  });
}

document.addEventListener('DOMContentLoaded', function () {
  setupFilter();
  setupCopy();
});

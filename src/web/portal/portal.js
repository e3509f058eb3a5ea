// The access portal's only script: the account filter as one types, and the copy buttons.
// The pages work without it (the filter form is sent to the server, the text can be selected).
'use strict';

// Fast for a thousand accounts: the lowercase texts are read once, one pass per keystroke
// touches only the items whose visibility changes, and nothing reads layout, so the browser lays
// the page out once per frame. The pass itself takes about a millisecond; it runs at once, so the
// count is right as soon as the input event has been handled. (The CSS keeps the layout cheap.)
function setupFilter() {
  var input = document.getElementById('account-filter');
  var list = document.getElementById('account-list');
  var count = document.getElementById('account-count');
  if (!input || !list || !count) return;
  var items = Array.prototype.slice.call(list.children);
  var texts = items.map(function (item) { return item.getAttribute('data-filter') || ''; });
  var shownNow = items.map(function (item) { return !item.hidden; });
  var total = Number(list.getAttribute('data-total'));
  var noun = function (n) { return n === 1 ? 'account' : 'accounts'; };
  var last = null;
  var apply = function () {
    var q = input.value.trim().toLowerCase();
    if (q === last) return;
    last = q;
    var shown = 0;
    for (var i = 0; i < items.length; i++) {
      var hit = q === '' || texts[i].indexOf(q) !== -1;
      if (hit !== shownNow[i]) {
        items[i].hidden = !hit;
        shownNow[i] = hit;
      }
      if (hit) shown++;
    }
    var text = q === '' ? total + ' ' + noun(total) : shown + ' of ' + total + ' ' + noun(total);
    if (count.textContent !== text) count.textContent = text;
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

// The console's own script: keeps the session's expiry counting down. Served from our origin;
// the page works without it (the server renders the time left at load).
(function () {
  'use strict';
  var el = document.getElementById('expiry');
  if (!el) return;
  var expiresAt = Number(el.getAttribute('data-expires-at'));
  if (!isFinite(expiresAt)) return;
  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function text(ms) {
    if (ms <= 0) return 'expired';
    var s = Math.floor(ms / 1000);
    var h = Math.floor(s / 3600);
    var mm = pad(Math.floor((s % 3600) / 60));
    var ss = pad(s % 60);
    return h > 0 ? h + ':' + mm + ':' + ss : mm + ':' + ss;
  }
  var timer;
  function tick() {
    var left = expiresAt - Date.now();
    el.textContent = text(left);
    if (left <= 0) {
      el.classList.add('expired');
      clearInterval(timer);
    }
  }
  tick();
  timer = setInterval(tick, 1000);
  // After a check, bring its answer into view for keyboard and screen-reader users too.
  var result = document.getElementById('check-result');
  if (result && location.hash === '#check-result') result.focus();
})();

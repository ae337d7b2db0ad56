// 催报: a button beside each reminder copies its text. The text stays selectable by hand when the
// clipboard is not available (an address other than localhost without HTTPS).
document.querySelectorAll('button[data-copy]').forEach(function (button) {
  button.addEventListener('click', function () {
    var text = document.getElementById(button.getAttribute('data-copy'));
    text.focus();
    text.select();
    var done = function () { button.textContent = '已复制'; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text.value).then(done, function () { document.execCommand('copy'); done(); });
    } else {
      document.execCommand('copy');
      done();
    }
  });
});

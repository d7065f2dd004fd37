// The handoff item page: the conversation refreshes every few seconds while the page is open, so
// staff in a live chat see the patient's messages without reloading (and lose nothing they type).
(function () {
  "use strict";
  var chat = document.getElementById("chat");
  if (!chat || !chat.dataset.refresh) {
    return;
  }

  var refresh = function () {
    fetch(chat.dataset.refresh, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null && html !== chat.innerHTML) {
          chat.innerHTML = html;
        }
      })
      .catch(function () { /* the next tick tries again */ });
  };
  window.setInterval(refresh, 3000);
})();

// Starts Web Chat against this server's Direct Line endpoints. The page asks its own server for a
// token bound to a new conversation (/api/chat-token); the Direct Line secret never reaches the browser.
(async function () {
  'use strict';
  const status = document.getElementById('chat-status');
  try {
    const response = await fetch('/api/chat-token', { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    if (!response.ok) {
      throw new Error('the chat service answered ' + response.status);
    }

    // No conversationId here: with one, DirectLineJS would only resume (GET) the conversation and
    // it would never be started, so the welcome message would not come. The token is bound to the
    // new conversation, so the client's POST /conversations starts exactly that one.
    const { token, userId } = await response.json();
    const directLine = window.WebChat.createDirectLine({
      token,
      domain: window.location.origin + '/v3/directline',
      webSocket: false,
      pollingInterval: 1000
    });
    window.WebChat.renderWebChat(
      {
        directLine,
        userID: userId,
        locale: 'en-US',
        styleOptions: {
          accent: '#0F6CBD',
          botAvatarInitials: 'AI',
          userAvatarInitials: 'You',
          hideUploadButton: true,
          bubbleMaxWidth: 560,
          sendTimeout: 20000,
          suggestedActionLayout: 'flow'
        }
      },
      document.getElementById('webchat')
    );
    status.textContent = '';
    status.hidden = true;
  } catch (error) {
    status.textContent = 'The assistant is not available right now (' + error.message + '). Please call the clinic. In an emergency call 911; for a crisis call or text 988.';
    status.classList.add('chat-error');
  }
})();

// The one script of the public post page: asks every 20 s how many comments are published, and when there are more
// than the page shows, offers them ("2 new comments — show"), as Coral Talk does. Showing them loads the page again.
(() => {
  const section = document.querySelector('section.comments[data-post-id]');
  const status = document.getElementById('new-comments');
  if (!section || !status || !window.fetch) {
    return;
  }
  const shown = Number(section.dataset.published);
  const address = '/discussions/' + section.dataset.postId + '.json';
  let timer = 0;

  const offer = (count) => {
    const fresh = count - shown;
    if (fresh <= 0) {
      status.replaceChildren();
      return;
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'new-comments-show';
    button.textContent = fresh === 1 ? '1 new comment — show' : fresh + ' new comments — show';
    button.addEventListener('click', () => {
      location.hash = 'comments';
      location.reload();
    });
    status.replaceChildren(button);
  };

  const check = async () => {
    try {
      // no-cache: the browser asks again with the ETag it holds and usually gets 304, a few bytes.
      const answer = await fetch(address, { cache: 'no-cache', credentials: 'omit' });
      if (answer.ok) {
        offer((await answer.json()).published);
      }
    } catch (offline) {
      // Tried again at the next turn.
    }
  };

  const schedule = () => {
    clearInterval(timer);
    if (!document.hidden) {
      timer = setInterval(check, 20000);
    }
  };

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden) {
      check();
    }
    schedule();
  });
  schedule();
})();

// Progressive enhancement for the share box (Features/Shared/_Share.cshtml): „Link kopieren“,
// copying text and link for Signal, and the system's share sheet. Every link works without it.
(() => {
  for (const box of document.querySelectorAll('[data-share-url]')) {
    const { shareTitle: title, shareText: text, shareUrl: url } = box.dataset;
    const status = box.querySelector('.share__status');
    const say = (message) => { status.textContent = message; };
    const copy = async (value, done) => {
      try {
        await navigator.clipboard.writeText(value);
        say(done);
      } catch {
        say('Kopieren ging nicht. Bitte markieren und kopieren Sie den Text im Feld.');
      }
    };

    if (navigator.clipboard) {
      const button = box.querySelector('[data-copy]');
      button.hidden = false;
      button.addEventListener('click', () => copy(url, 'Link kopiert.'));
      for (const link of box.querySelectorAll('[data-copy-text]')) {
        link.addEventListener('click', (event) => {
          event.preventDefault();
          copy(link.dataset.copyText, 'Text und Link kopiert. Fügen Sie sie jetzt in Signal ein.');
        });
      }
    }

    if (navigator.share) {
      const native = box.querySelector('[data-share-native]');
      native.parentElement.hidden = false;
      native.addEventListener('click', () => navigator.share({ title, text, url }).catch(() => {}));
    }
  }
})();

// Passkeys (WebAuthn) for moderators: progressive enhancement. Every page works without this
// script; where the browser can use passkeys, it shows the forms marked data-passkey, fetches the
// server's options, asks the browser for the passkey and posts its answer with the form.
(() => {
  "use strict";
  const supported = window.PublicKeyCredential
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";
  if (!supported) {
    return;
  }

  for (const note of document.querySelectorAll("[data-passkey-unsupported]")) {
    note.hidden = true;
  }

  for (const form of document.querySelectorAll("form[data-passkey]")) {
    const start = form.querySelector("[data-passkey-start]");
    const error = form.querySelector("[data-passkey-error]");
    const answer = form.querySelector("input[name='credential'], input[name='Input.Credential']");
    form.hidden = false;
    start.addEventListener("click", async () => {
      error.textContent = "";
      start.disabled = true;
      try {
        const token = form.querySelector("input[name='__RequestVerificationToken']").value;
        const response = await fetch(form.dataset.passkeyOptions, {
          method: "POST",
          credentials: "same-origin",
          body: new URLSearchParams({ __RequestVerificationToken: token }),
        });
        if (!response.ok) {
          throw new Error("options " + response.status);
        }

        const options = await response.json();
        const credential = form.dataset.passkey === "create"
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        answer.value = JSON.stringify(credential);
        form.submit();
      } catch {
        error.textContent = "Der Passkey wurde nicht verwendet. Bitte versuchen Sie es erneut.";
        start.disabled = false;
      }
    });
  }
})();

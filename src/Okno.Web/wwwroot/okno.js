// Okno web app: the few things Blazor needs the browser for.
(function () {
  "use strict";
  // The browser's UTC offset, so the server can show and read times in local wall-clock time.
  document.cookie = "okno.tz=" + (-new Date().getTimezoneOffset()) + ";path=/;max-age=31536000;samesite=lax";

  let keysRef = null;
  let audio = null;

  function typing(el) {
    if (!el) return false;
    const tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable;
  }

  document.addEventListener("keydown", function (e) {
    if (!keysRef) return;
    if (e.key === "Escape" && typing(document.activeElement)) { document.activeElement.blur(); return; }
    if (typing(document.activeElement) || e.ctrlKey || e.metaKey || e.altKey) return;
    const map = { j: "next", ArrowDown: "next", k: "prev", ArrowUp: "prev", Enter: "open", r: "reply", e: "resolve" };
    const action = map[e.key];
    if (!action) return;
    e.preventDefault();
    if (action === "reply") { const box = document.getElementById("reply"); if (box) box.focus(); return; } // at once: the next keys are text
    keysRef.invokeMethodAsync("OnKey", action);
  });

  function beep() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      const o = audio.createOscillator(), g = audio.createGain();
      o.type = "sine"; o.frequency.value = 880;
      g.gain.setValueAtTime(0.0001, audio.currentTime);
      g.gain.exponentialRampToValueAtTime(0.15, audio.currentTime + 0.02);
      g.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.35);
      o.connect(g); g.connect(audio.destination);
      o.start(); o.stop(audio.currentTime + 0.4);
    } catch (_) { /* no audio: fine */ }
  }

  window.okno = {
    registerKeys: function (ref) { keysRef = ref; },
    unregisterKeys: function () { keysRef = null; },
    setTitle: function (n) { document.title = (n > 0 ? "(" + n + ") " : "") + "Окно"; },
    askPermission: function () {
      if ("Notification" in window && Notification.permission === "default") Notification.requestPermission();
    },
    notify: function (title, body, sound) {
      if (!sound) return;
      beep();
      if ("Notification" in window && Notification.permission === "granted" && document.hidden) {
        try { new Notification(title, { body: body }); } catch (_) { }
      }
    },
    focus: function (id) { const el = document.getElementById(id); if (el) el.focus(); },
    scrollIntoView: function (id) { const el = document.getElementById(id); if (el) el.scrollIntoView({ block: "nearest" }); },
    // Keeps the view pinned to the newest message unless the reader scrolled up.
    stickBottom: function (id, force) {
      const el = document.getElementById(id);
      if (!el) return;
      const near = el.scrollHeight - el.scrollTop - el.clientHeight < 120;
      if (force || near || !el.dataset.seen) { el.scrollTop = el.scrollHeight; el.dataset.seen = "1"; }
    },
    copy: function (text) { return navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.resolve(); },
    // Calls the REST API with the session cookie (admin screens reuse the API's own validation).
    api: async function (method, url, body) {
      const r = await fetch(url, {
        method: method, credentials: "same-origin",
        // X-Okno-Request: the API refuses cookie-authenticated writes without it (CSRF guard).
        headers: body === null || body === undefined ? { "X-Okno-Request": "1" } : { "Content-Type": "application/json", "X-Okno-Request": "1" },
        body: body === null || body === undefined ? undefined : JSON.stringify(body)
      });
      return { status: r.status, body: await r.text() };
    }
  };
})();

// Okno web app: the few things Blazor needs the browser for.
(function () {
  "use strict";
  // The browser's UTC offset, so the server can show and read times in local wall-clock time.
  document.cookie = "okno.tz=" + (-new Date().getTimezoneOffset()) + ";path=/;max-age=31536000;samesite=lax";

  let keysRef = null;
  let replyRef = null;

  document.addEventListener("keydown", function (e) {
    const box = e.target;
    if (!replyRef || !box || box.id !== "reply") return;
    const list = document.querySelector("[data-test=scripts]");
    const slash = box.value.startsWith("/") && box.value.indexOf("\n") < 0;
    const plainEnter = e.key === "Enter" && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.altKey;
    const listKey = list && (e.key === "ArrowUp" || e.key === "ArrowDown" || e.key === "Tab" || e.key === "Escape");
    if (!(listKey || (plainEnter && (list || slash)))) return;
    e.preventDefault();
    e.stopPropagation();
    replyRef.invokeMethodAsync("ScriptKey", e.key, box.value);
  }, true);

  function count(el) { return el.querySelectorAll("[data-test=message]").length; }
  function toBottom(el) { el.scrollTop = el.scrollHeight; }
  function pill(show) { const p = document.getElementById("new-pill"); if (p) p.hidden = !show; }
  function timeline(el) {
    if (el.oknoTimeline) return el.oknoTimeline;
    const t = { pinned: true, count: count(el) };
    el.oknoTimeline = t;
    el.addEventListener("scroll", function () {
      t.pinned = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
      if (t.pinned) pill(false);
    }, { passive: true });
    // Photos (their boxes are reserved, but a late render or a font can still grow the content).
    el.addEventListener("load", function () { if (t.pinned) toBottom(el); }, true);
    new MutationObserver(function () {
      const n = count(el);
      if (t.pinned) toBottom(el); else if (n > t.count) pill(true);
      t.count = n;
    }).observe(el, { childList: true, subtree: true });
    if (window.ResizeObserver) {
      const ro = new ResizeObserver(function () { if (t.pinned) toBottom(el); });
      ro.observe(el);
      Array.prototype.forEach.call(el.children, function (c) { ro.observe(c); });
    }
    return t;
  }

  document.addEventListener("click", function (e) {
    const p = e.target.closest && e.target.closest("#new-pill");
    if (!p) return;
    const el = document.getElementById("timeline");
    if (el) { timeline(el).pinned = true; el.scrollTo({ top: el.scrollHeight, behavior: "smooth" }); }
    pill(false);
  });
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
    const active = document.activeElement;
    // In a question (e.g. «Всё равно закрыть?») Enter answers with the focused button, it does not open a row.
    if (e.key === "Enter" && active && active.closest && active.closest("[role=alertdialog], [role=dialog]")) return;
    // Enter on a focused link (a search hit, say) follows it; the list's Enter is for its selection.
    if (e.key === "Enter" && active && active.tagName === "A" && active.getAttribute("href") && !active.matches("[data-test=row]")) return;
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

  // Presence: the tab reports every 20 s how long its user has not touched it (the server turns long idleness into
  // «Отошёл»); the first touch after a minute's idleness reports at once, so «В сети» comes back without waiting.
  let presenceRef = null, presenceTimer = null, lastInput = Date.now();
  function idleSeconds() { return Math.floor((Date.now() - lastInput) / 1000); }
  function beat() { if (presenceRef) presenceRef.invokeMethodAsync("Heartbeat", idleSeconds()).catch(function () { }); }
  ["keydown", "mousedown", "mousemove", "wheel", "touchstart", "focus"].forEach(function (name) {
    window.addEventListener(name, function () {
      const wasIdle = idleSeconds() >= 60;
      lastInput = Date.now();
      if (wasIdle) beat();
    }, { passive: true, capture: true });
  });

  window.okno = {
    presence: function (ref) {
      presenceRef = ref;
      if (presenceTimer) clearInterval(presenceTimer);
      presenceTimer = setInterval(beat, 20000);
      beat();
    },
    stopPresence: function () { presenceRef = null; if (presenceTimer) clearInterval(presenceTimer); presenceTimer = null; },
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
    // The chat lands on the newest message and stays there while photos load and messages arrive, unless the
    // reader scrolled up: then new messages show the «Новые сообщения ↓» pill instead of moving the text.
    // force: a different conversation was opened or the user just sent something.
    // A message found by search: in the middle of the chat, marked for a moment; the chat stops following the bottom.
    focusMessage: function (id, messageId) {
      const el = document.getElementById(id);
      const m = el && el.querySelector('[data-test=message][data-id="' + messageId + '"]');
      if (!m) return false;
      timeline(el).pinned = false;
      m.scrollIntoView({ block: "center" });
      m.classList.add("found");
      setTimeout(function () { m.classList.remove("found"); }, 4000);
      return true;
    },
    stickBottom: function (id, force) {
      const el = document.getElementById(id);
      if (!el) return;
      const t = timeline(el);
      if (force) { t.pinned = true; t.count = count(el); pill(false); }
      if (t.pinned) toBottom(el);
    },
    value: function (id) { const el = document.getElementById(id); return el ? el.value : null; },
    // After a send: take the sent text out of the box, keeping whatever the operator typed since (no keystroke lost).
    clearSent: function (id, sent) {
        const el = document.getElementById(id);
        if (!el) return '';
        if (el.value === sent) el.value = '';
        else if (el.value.startsWith(sent)) el.value = el.value.slice(sent.length).trimStart();
        return el.value;
    },
    // Keys the reply box's script list needs before the browser acts on them (a newline, leaving the field).
    replyKeys: function (ref) { replyRef = ref; },
    // A confirm step in the UI (e on an unanswered request) — a real dialog, so the keyboard user sees it.
    confirm: function (text) { return window.confirm(text); },
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

/* Okno site chat widget. Paste on the site:
   <script src="https://okno.example/widget.js" data-channel="<channelId>" async></script>
   Optional, for signed-in users: data-user-id="42" data-user-hash="<hex HMAC-SHA256(hmacSecret, userId)>". */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector('script[data-channel][src*="widget.js"]');
  if (!script || window.__oknoWidget) return;
  window.__oknoWidget = true;
  var channel = script.getAttribute("data-channel");
  var base = new URL(script.src, location.href).origin;
  var api = base + "/api/widget/" + encodeURIComponent(channel);
  var key = "okno." + channel + ".";
  var store = {
    get: function (k) { try { return localStorage.getItem(key + k); } catch (e) { return null; } },
    set: function (k, v) { try { localStorage.setItem(key + k, v); } catch (e) { /* private mode */ } }
  };
  var state = { token: store.get("token"), config: null, open: false, online: true, needsPreChat: false, seen: +(store.get("seen") || 0), shown: {}, unread: 0, events: null };

  // The lead source: the landing page with its UTM tags, kept from the first visit (a later page with UTM replaces one without).
  (function captureSource() {
    var q = new URLSearchParams(location.search), utm = {};
    ["source", "medium", "campaign", "term", "content"].forEach(function (n) { if (q.get("utm_" + n)) utm["utm" + n[0].toUpperCase() + n.slice(1)] = q.get("utm_" + n).slice(0, 200); });
    var stored = null;
    try { stored = JSON.parse(store.get("source") || "null"); } catch (e) { stored = null; }
    var hasUtm = Object.keys(utm).length > 0;
    if (!stored || (hasUtm && !stored.utmSource)) {
      utm.url = location.href.slice(0, 2000);
      utm.referrer = (document.referrer || "").slice(0, 2000) || null;
      store.set("source", JSON.stringify(utm));
    }
  })();
  function source() { try { return JSON.parse(store.get("source") || "null"); } catch (e) { return null; } }

  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    var s = ""; for (var i = 0; i < 32; i++) s += Math.floor(Math.random() * 16).toString(16); return s;
  }

  function call(method, path, body, isForm) {
    var headers = {};
    if (state.token) headers["X-Okno-Visitor"] = state.token;
    if (body && !isForm) headers["Content-Type"] = "application/json";
    return fetch(api + path, { method: method, headers: headers, body: body ? (isForm ? body : JSON.stringify(body)) : undefined, mode: "cors", credentials: "omit" })
      .then(function (r) {
        return r.text().then(function (t) {
          var data = null; try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
          if (!r.ok) { var err = new Error((data && (data.detail || firstError(data))) || "Ошибка " + r.status); err.status = r.status; throw err; }
          return data;
        });
      });
  }
  function firstError(p) { if (!p || !p.errors) return null; for (var k in p.errors) return p.errors[k][0]; return null; }
  // Retries with the same message id: the server stores a message once however many times it arrives.
  function retry(fn, attempts) {
    return fn().catch(function (e) {
      if (attempts <= 1 || (e.status && e.status < 500 && e.status !== 429)) throw e;
      return new Promise(function (res) { setTimeout(res, 1500); }).then(function () { return retry(fn, attempts - 1); });
    });
  }

  // ---------- UI (in a shadow root, so the site's styles and ours do not mix) ----------
  var host = document.createElement("div");
  host.setAttribute("data-okno-widget", "");
  var root = host.attachShadow({ mode: "open" });
  var css = ":host{all:initial}*{box-sizing:border-box;font-family:-apple-system,Segoe UI,Roboto,Arial,sans-serif}" +
    ".launcher{position:fixed;right:20px;bottom:20px;width:60px;height:60px;border-radius:50%;border:0;cursor:pointer;color:#fff;background:var(--c);box-shadow:0 4px 16px rgba(0,0,0,.25);z-index:2147483000;display:flex;align-items:center;justify-content:center}" +
    ".launcher svg{width:28px;height:28px;fill:#fff}.badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;border-radius:11px;background:#e53935;color:#fff;font-size:12px;line-height:22px;text-align:center;padding:0 6px;display:none}" +
    ".panel{position:fixed;right:20px;bottom:92px;width:370px;height:560px;max-height:calc(100vh - 110px);background:#fff;border-radius:14px;box-shadow:0 8px 32px rgba(0,0,0,.25);z-index:2147483001;display:none;flex-direction:column;overflow:hidden;color:#1d1d1f;font-size:14px}" +
    ".panel.open{display:flex}.head{background:var(--c);color:#fff;padding:14px 16px;display:flex;align-items:center;justify-content:space-between}.head b{font-size:16px}" +
    ".close{background:none;border:0;color:#fff;font-size:24px;cursor:pointer;line-height:1}.list{flex:1;overflow-y:auto;padding:12px;background:#f5f6f8}" +
    ".msg{max-width:80%;margin:6px 0;padding:8px 12px;border-radius:12px;white-space:pre-wrap;word-wrap:break-word;line-height:1.35}" +
    ".msg.in{margin-left:auto;background:var(--c);color:#fff;border-bottom-right-radius:4px}.msg.out{background:#fff;border:1px solid #e3e5e8;border-bottom-left-radius:4px}" +
    ".msg.pending{opacity:.6}.msg.failed{outline:1px solid #e53935}.note{font-size:12px;color:#666;text-align:center;margin:8px 0}" +
    ".composer{display:flex;gap:6px;padding:10px;border-top:1px solid #e3e5e8;align-items:flex-end}.composer textarea{flex:1;resize:none;border:1px solid #ccd;border-radius:10px;padding:8px;font-size:14px;max-height:120px}" +
    ".btn{background:var(--c);color:#fff;border:0;border-radius:10px;padding:9px 14px;cursor:pointer;font-size:14px}.attach{background:#eef0f3;color:#333;border:0;border-radius:10px;padding:9px 11px;cursor:pointer}" +
    "form.form{padding:14px;display:flex;flex-direction:column;gap:8px;border-top:1px solid #e3e5e8;background:#fff}form.form input[type=text],form.form input[type=tel],form.form input[type=email],form.form textarea{border:1px solid #ccd;border-radius:8px;padding:8px;font-size:14px;width:100%}" +
    "label.consent{font-size:12px;color:#444;display:flex;gap:6px;align-items:flex-start}label.consent a{color:var(--c)}.error{color:#c62828;font-size:12px;min-height:14px}" +
    "@media (max-width:480px){.panel{right:0;bottom:0;width:100vw;height:100%;max-height:none;border-radius:0}.panel.open~.launcher{display:none}}";
  root.innerHTML = "<style>" + css + "</style>" +
    '<div class="panel" role="dialog" aria-label="Чат"><div class="head"><b class="title"></b><button class="close" aria-label="Закрыть">×</button></div>' +
    '<div class="list" aria-live="polite"></div><div class="bottom"></div></div>' +
    '<button class="launcher" aria-label="Открыть чат"><svg viewBox="0 0 24 24"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg><span class="badge"></span></button>';
  var $ = function (s) { return root.querySelector(s); };
  var panel = $(".panel"), list = $(".list"), bottom = $(".bottom"), badge = $(".badge");

  function el(tag, cls, text) { var e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }

  function render(m) {
    var id = m.clientId || ("s" + m.id);
    var node = state.shown[id] || (m.id && state.shown["s" + m.id]);
    var text = m.text || "";
    if (m.files && m.files.length) text = (text ? text + "\n" : "") + m.files.map(function (f) { return "📎 " + f; }).join("\n");
    if (!node) {
      node = el("div", "msg " + m.direction, text);
      state.shown[id] = node;
      if (m.id) state.shown["s" + m.id] = node;
      list.appendChild(node);
      list.scrollTop = list.scrollHeight;
    } else {
      node.textContent = text;
      if (m.id) state.shown["s" + m.id] = node;
    }
    node.classList.remove("pending");
    if (m.direction === "out" && m.id > state.seen) {
      if (state.open) markSeen(m.id); else if (!node.counted) { node.counted = true; state.unread++; showBadge(); }
    }
    return node;
  }
  function markSeen(id) { if (id > state.seen) { state.seen = id; store.set("seen", String(id)); } }
  function showBadge() { badge.textContent = state.unread > 9 ? "9+" : String(state.unread); badge.style.display = state.unread > 0 ? "block" : "none"; }

  function loadHistory() {
    return call("GET", "/messages").then(function (data) { (data && data.items || []).forEach(render); });
  }

  function connectEvents() {
    if (!window.EventSource || !state.token) return;
    if (state.events) state.events.close();
    var es = new EventSource(api + "/events?token=" + encodeURIComponent(state.token));
    es.addEventListener("message", function (e) { try { render(JSON.parse(e.data)); } catch (x) { /* ignore */ } });
    es.addEventListener("open", function () { loadHistory().catch(function () { }); }); // catch up after a reconnect
    state.events = es;
  }

  function composer() {
    bottom.innerHTML = "";
    var box = el("div", "composer");
    var input = el("textarea", "input"); input.rows = 1; input.placeholder = "Напишите сообщение…"; input.maxLength = 4000;
    var file = el("input"); file.type = "file"; file.style.display = "none";
    file.accept = "image/*,.pdf,.doc,.docx,.xls,.xlsx,.txt";
    var attach = el("button", "attach"); attach.type = "button"; attach.title = "Прикрепить файл (до " + state.config.maxUploadMb + " МБ)";
    attach.setAttribute("aria-label", attach.title);
    attach.innerHTML = '<svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2"><path d="M21 11l-8.5 8.5a5 5 0 0 1-7-7L14 4a3.5 3.5 0 0 1 5 5l-8.5 8.5a2 2 0 0 1-3-3L15 7"/></svg>';
    var send = el("button", "btn send", "Отправить"); send.type = "button";
    box.appendChild(attach); box.appendChild(file); box.appendChild(input); box.appendChild(send);
    bottom.appendChild(box);
    var error = el("div", "error note"); bottom.appendChild(error);
    function submit() {
      var text = input.value.trim(); if (!text) return;
      input.value = ""; error.textContent = "";
      var id = newId();
      var node = render({ clientId: id, direction: "in", text: text }); node.classList.add("pending");
      retry(function () { return call("POST", "/messages", { id: id, text: text, source: source() }); }, 4)
        .then(function () { node.classList.remove("pending"); })
        .catch(function (e) { node.classList.add("failed"); error.textContent = e.message; });
    }
    send.onclick = submit;
    input.addEventListener("keydown", function (e) { if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); submit(); } });
    attach.onclick = function () { file.click(); };
    file.onchange = function () {
      var f = file.files && file.files[0]; file.value = ""; if (!f) return;
      if (f.size > state.config.maxUploadMb * 1024 * 1024) { error.textContent = "Файл больше " + state.config.maxUploadMb + " МБ."; return; }
      var id = newId(), form = new FormData();
      form.append("id", id); form.append("file", f, f.name);
      var node = render({ clientId: id, direction: "in", files: [f.name] }); node.classList.add("pending");
      retry(function () { return call("POST", "/upload", form, true); }, 3)
        .then(function () { node.classList.remove("pending"); })
        .catch(function (e) { node.classList.add("failed"); error.textContent = e.message; });
    };
  }

  function field(form, type, name, placeholder) { var i = el(type === "textarea" ? "textarea" : "input"); if (type !== "textarea") i.type = type; i.name = name; i.placeholder = placeholder; form.appendChild(i); return i; }
  function consent(form) {
    var label = el("label", "consent"), box = el("input"); box.type = "checkbox"; box.name = "consent";
    label.appendChild(box);
    var span = el("span", null, state.config.consentText + " ");
    if (state.config.policyUrl) { var a = el("a", null, "Политика обработки данных"); a.href = state.config.policyUrl; a.target = "_blank"; a.rel = "noopener"; span.appendChild(a); }
    label.appendChild(span); form.appendChild(label); return box;
  }

  function preChatForm() {
    bottom.innerHTML = "";
    var form = el("form", "form prechat");
    form.appendChild(el("div", "note", "Представьтесь, чтобы юрист мог с вами связаться"));
    var name = field(form, "text", "name", "Имя"), phone = field(form, "tel", "phone", "Телефон"), email = field(form, "email", "email", "E-mail");
    var agree = consent(form), error = el("div", "error"), go = el("button", "btn", "Начать чат");
    form.appendChild(error); form.appendChild(go);
    form.onsubmit = function (e) {
      e.preventDefault(); error.textContent = "";
      if (!agree.checked) { error.textContent = "Нужно согласие на обработку персональных данных."; return; }
      call("POST", "/session", { token: state.token, name: name.value, phone: phone.value || null, email: email.value || null, consent: true })
        .then(function (s) { applySession(s); composer(); })
        .catch(function (x) { error.textContent = x.message; });
    };
    bottom.appendChild(form);
  }

  function offlineForm() {
    bottom.innerHTML = "";
    var form = el("form", "form offline");
    form.appendChild(el("div", "note", "Сейчас мы не на связи. Оставьте вопрос — ответим в рабочее время."));
    var name = field(form, "text", "name", "Имя"), phone = field(form, "tel", "phone", "Телефон"), email = field(form, "email", "email", "E-mail");
    var text = field(form, "textarea", "text", "Ваш вопрос");
    var agree = consent(form), error = el("div", "error"), go = el("button", "btn", "Отправить");
    form.appendChild(error); form.appendChild(go);
    form.onsubmit = function (e) {
      e.preventDefault(); error.textContent = "";
      var id = newId();
      retry(function () { return call("POST", "/offline", { id: id, name: name.value, phone: phone.value || null, email: email.value || null, text: text.value, consent: agree.checked, source: source() }); }, 3)
        .then(function (r) { if (r && r.token) { state.token = r.token; store.set("token", r.token); } bottom.innerHTML = ""; bottom.appendChild(el("div", "note", "Спасибо! Мы ответим в рабочее время.")); })
        .catch(function (x) { error.textContent = x.message; });
    };
    bottom.appendChild(form);
  }

  function applySession(s) {
    state.token = s.token; store.set("token", s.token);
    state.config = s.config; state.online = s.online; state.needsPreChat = s.needsPreChat;
    host.style.setProperty("--c", s.config.color);
    $(".title").textContent = s.config.title;
  }

  function start() {
    var user = script.getAttribute("data-user-id"), hash = script.getAttribute("data-user-hash");
    retry(function () { return call("POST", "/session", { token: state.token, userId: user, userHash: hash }); }, 3).then(function (s) {
      applySession(s);
      list.appendChild(el("div", "msg out greeting", s.config.greeting));
      if (!s.online) offlineForm(); else if (s.needsPreChat) preChatForm(); else composer();
      document.body.appendChild(host);
      return loadHistory().then(connectEvents);
    }).catch(function () { /* the chat stays hidden when Okno is unreachable */ });
    setInterval(function () { if (state.token && document.visibilityState === "visible") loadHistory().catch(function () { }); }, 30000);
  }

  $(".launcher").onclick = function () { toggle(!state.open); };
  $(".close").onclick = function () { toggle(false); };
  function toggle(open) {
    state.open = open; panel.classList.toggle("open", open);
    if (open) {
      var max = 0; for (var k in state.shown) { var n = +k.slice(1); if (k[0] === "s" && n > max) max = n; }
      markSeen(max); state.unread = 0; showBadge();
      var input = root.querySelector(".input"); if (input) input.focus();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();

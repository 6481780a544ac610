"use strict";
// The inspector's page: a live list fed by server-sent events (api/events), a page per request (api/requests/N), the stubs.
// Every recorded value is put in the page as text (textContent), never as markup.
(() => {
  const $ = (selector) => document.querySelector(selector);
  const rows = new Map();
  const tbody = $("#requests tbody");
  let shown = null;

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children) node.append(child ?? "");
    return node;
  }

  const pad = (n, w) => String(n).padStart(w, "0");
  const time = (iso) => { const d = new Date(iso); return `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}.${pad(d.getMilliseconds(), 3)}`; };
  const size = (n) => n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1048576).toFixed(1)} MiB`;
  const duration = (ms) => ms === null ? "…" : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
  const status = (r) => r.status === 0 ? (r.completed ? "none" : "…") : String(r.status);

  function matches(r) {
    const method = $("#f-method").value, wanted = $("#f-status").value, text = $("#f-text").value.trim().toLowerCase();
    if (method && r.method !== method) return false;
    if (wanted === "missed" && !r.unanswered) return false;
    if (wanted === "pending" && r.completed) return false;
    if (/^[1-5]$/.test(wanted) && String(r.status)[0] !== wanted) return false;
    return !text || `${r.method} ${r.target} ${r.status} ${r.stage} ${r.problem || ""}`.toLowerCase().includes(text);
  }

  function filter() {
    let visible = 0;
    for (const { data, tr } of rows.values()) { tr.hidden = !matches(data); if (!tr.hidden) visible++; }
    $("#count").textContent = `${visible} of ${rows.size}`;
    $("#empty").hidden = rows.size !== 0;
  }

  function upsert(r) {
    let entry = rows.get(r.seq);
    if (!entry) {
      const tr = el("tr");
      tr.dataset.seq = r.seq;
      tr.addEventListener("click", () => { location.hash = `#/requests/${r.seq}`; });
      // Newest first: a new request goes above every older one.
      let before = tbody.firstElementChild;
      while (before && Number(before.dataset.seq) > r.seq) before = before.nextElementSibling;
      tbody.insertBefore(tr, before);
      entry = { tr };
      rows.set(r.seq, entry);
    }
    entry.data = r;
    const tr = entry.tr;
    tr.className = r.unanswered ? "missed" : r.completed ? "" : "pending";
    tr.replaceChildren(
      el("td", { className: "num", textContent: r.seq }), el("td", { textContent: time(r.time) }), el("td", { textContent: r.method }),
      el("td", { textContent: r.target, title: r.problem || "" }), el("td", { className: "status", textContent: status(r) }),
      el("td", { textContent: r.stage + (r.stream ? ` (${r.stream})` : "") }), el("td", { className: "num", textContent: duration(r.durationMs) }),
      el("td", { className: "num", textContent: `${size(r.requestSize)} / ${size(r.responseSize)}` }));
    tr.hidden = !matches(r);
    filter();
    if (shown === r.seq && r.completed) showRequest(r.seq);
  }

  async function load() {
    const response = await fetch("api/requests");
    for (const r of await response.json()) upsert(r);
    filter();
  }

  function connect() {
    const feed = new EventSource("api/events");
    feed.onopen = () => { $("#live").className = "on"; $("#live").textContent = "live"; load(); };
    feed.onerror = () => { $("#live").className = "off"; $("#live").textContent = "disconnected: retrying"; };
    feed.addEventListener("request", (e) => upsert(JSON.parse(e.data)));
    feed.addEventListener("reset", () => { rows.clear(); tbody.replaceChildren(); filter(); });
  }

  function headers(list) {
    if (!list.length) return el("p", { className: "note", textContent: "(no headers)" });
    return el("table", { className: "headers" }, el("tbody", null, ...list.map(([n, v]) => el("tr", null, el("td", { textContent: n }), el("td", { textContent: v })))));
  }

  function body(b) {
    const box = el("div", { className: `body body-${b.kind}` });
    if (b.kind === "empty") box.append(el("p", { className: "note", textContent: "(no body)" }));
    else if (b.kind === "image") box.append(el("img", { className: "body", src: b.dataUrl, alt: `image body, ${size(b.length)}` }));
    else if (b.kind === "form") box.append(headers(b.fields));
    else if (b.kind === "multipart") {
      for (const p of b.parts) box.append(el("div", { className: "part" }, el("h3", { textContent: `part "${p.name ?? ""}"${p.fileName ? ` — file ${p.fileName}` : ""}` }), headers(p.headers), body(p.body)));
    } else if (b.text !== undefined) box.append(el("pre", { textContent: b.text }));
    const facts = [b.contentType, b.length ? size(b.length) : null, b.truncated ? "first 1 MiB shown" : null].filter(Boolean).join(" · ");
    if (facts && b.kind !== "empty") box.prepend(el("p", { className: "note", textContent: facts }));
    if (b.note) box.append(el("p", { className: "note", textContent: b.note }));
    return box;
  }

  async function showRequest(seq) {
    const response = await fetch(`api/requests/${seq}`);
    const view = $("#detail-view");
    if (!response.ok) { view.replaceChildren(el("p", { className: "note", textContent: await response.text() })); return; }
    const r = await response.json();
    if (shown !== seq) return;
    const copy = el("button", { type: "button", id: "copy-curl", textContent: "Copy as curl" });
    copy.addEventListener("click", async () => { try { await navigator.clipboard.writeText(r.curl); copy.textContent = "Copied"; } catch { getSelection().selectAllChildren($("#curl")); } });
    const parts = [
      el("p", null, el("a", { href: "#/", textContent: "← all requests" })),
      el("h2", { textContent: `#${r.seq} ${r.method} ${r.target}` }),
      el("p", { className: "line", textContent: `${r.method} ${r.rawTarget} ${r.protocol}` }),
      el("p", { className: "note", textContent: `${time(r.time)} · from ${r.remote ?? "?"} · answered by ${r.stage} · ${duration(r.durationMs)}${r.problem ? ` · ${r.problem}` : ""}${r.chaosRule ? ` · chaos: ${r.chaosRule}` : ""}` }),
      el("h3", { textContent: "Request headers" }), headers(r.headers),
      el("h3", { textContent: "Request body" }), body(r.body),
      el("h2", { textContent: `Response ${status(r)}` }),
      el("h3", { textContent: "Response headers" }), headers(r.response.headers),
      el("h3", { textContent: "Response body" }), body(r.response.body),
    ];
    if (r.events.length) parts.push(el("h2", { textContent: `Events (${r.events.length})` }), el("table", { id: "events" }, el("tbody", null, ...r.events.map((e) => el("tr", null, el("td", { textContent: time(e.time) }), el("td", { textContent: e.type }), el("td", { textContent: e.id ?? "" }), el("td", null, el("pre", { textContent: e.data })))))));
    if (r.messages.length) parts.push(el("h2", { textContent: `WebSocket messages (${r.messages.length})` }), el("table", { id: "messages" }, el("tbody", null, ...r.messages.map((m) => el("tr", null, el("td", { textContent: time(m.time) }), el("td", { textContent: m.direction }), el("td", { textContent: m.close ? `${m.type} ${m.close}` : m.type }), el("td", null, el("pre", { textContent: m.text })))))));
    if (r.missReport) parts.push(el("section", { className: "miss" }, el("h2", { textContent: "Miss report" }), el("pre", { id: "miss-report", textContent: r.missReport })));
    parts.push(el("h2", null, "curl ", copy), el("pre", { id: "curl", textContent: r.curl }));
    view.replaceChildren(...parts);
  }

  async function showStubs() {
    const stubs = await (await fetch("api/stubs")).json();
    $("#stubs tbody").replaceChildren(...stubs.map((s) => el("tr", null, el("td", { className: "num", textContent: s.number }), el("td", { textContent: s.stub }), el("td", { className: "num", textContent: s.calls }), el("td", { textContent: s.required ? "yes" : "" }))));
    $("#no-stubs").hidden = stubs.length !== 0;
  }

  function route() {
    const match = /^#\/requests\/(\d+)$/.exec(location.hash);
    shown = match ? Number(match[1]) : null;
    $("#list-view").hidden = shown !== null || location.hash === "#/stubs";
    $("#detail-view").hidden = shown === null;
    $("#stubs-view").hidden = location.hash !== "#/stubs";
    if (shown !== null) showRequest(shown);
    if (location.hash === "#/stubs") showStubs();
  }

  for (const input of ["#f-method", "#f-status", "#f-text"]) $(input).addEventListener("input", filter);
  $("#filters").addEventListener("submit", (e) => e.preventDefault());
  window.addEventListener("hashchange", route);
  connect();
  route();
})();

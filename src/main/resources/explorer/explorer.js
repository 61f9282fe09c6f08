// NewsKG explorer: the who-said-what network (Cytoscape.js), a speaker's statements, a statement in its article
// with its spans highlighted, and a SPARQL editor (YASGUI) with the canned queries. Data comes from /api/* and
// /newskg/sparql only, a bounded answer at a time; nothing is fetched from elsewhere.
"use strict";

const state = { cy: null, yasgui: null, network: null, render: (data) => render(data) };
window.newskg = state;

const COLORS = { Person: "#2a7ab8", Organization: "#3a9a5b", Place: "#e08a2c", Group: "#8a5bb8", Event: "#888", Other: "#aaa" };

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  if (!r.ok) {
    throw new Error(url + ": HTTP " + r.status);
  }
  return r.json();
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null) continue;
    if (k === "class") e.className = v; else if (k.startsWith("data-")) e.setAttribute(k, v); else e[k] = v;
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

function status(text) {
  document.getElementById("status").textContent = text;
}

function filters() {
  const p = new URLSearchParams();
  for (const id of ["q", "from", "to", "type", "venue"]) {
    const v = document.getElementById(id).value.trim();
    if (v) p.set(id, v);
  }
  return p;
}

async function loadNetwork() {
  document.body.dataset.network = "loading";
  status("Loading…");
  let data;
  try {
    data = await getJson("/api/network?" + filters());
  } catch (e) {
    status("Could not load the network: " + e.message);
    document.body.dataset.network = "error";
    return;
  }
  render(data);
}

/** Draws a network answer of /api/network: nodes, edges, the speaker list and the status line. */
function render(data) {
  state.network = data;
  const big = data.nodes.length > 400;
  const elements = [];
  for (const n of data.nodes) {
    const size = n.speaker ? 18 + 10 * Math.sqrt(n.statements) : 10;
    elements.push({ group: "nodes", data: { ...n, size, color: COLORS[n.kind] || COLORS.Other },
      classes: [n.kind, n.speaker ? "speaker" : "", n.match ? "match" : ""].join(" ") });
  }
  for (const e of data.edges) {
    elements.push({ group: "edges", data: { ...e, width: Math.min(1 + e.weight, 8) }, classes: e.type });
  }
  if (state.cy) state.cy.destroy();
  state.cy = cytoscape({
    container: document.getElementById("cy"),
    elements,
    minZoom: 0.05, maxZoom: 4,
    // large graphs stay smooth: plain edges and a bitmap while panning or zooming
    hideEdgesOnViewport: big, textureOnViewport: big, pixelRatio: big ? 1 : "auto",
    style: [
      { selector: "node", style: { "background-color": "data(color)", width: "data(size)", height: "data(size)",
          label: "data(label)", "font-size": 9, color: "#333", "min-zoomed-font-size": 7, "text-valign": "bottom", "text-margin-y": 2 } },
      // in a large graph only speakers carry labels; the others show theirs when clicked
      { selector: "node", style: big ? { label: "" } : {} },
      { selector: "node.speaker", style: { label: "data(label)" } },
      { selector: "node.speaker", style: { "font-size": 12, "font-weight": "bold", "border-width": 2, "border-color": "#fff" } },
      { selector: "node.Event", style: { shape: "round-rectangle" } },
      { selector: "node.match", style: { "border-width": 4, "border-color": "#e0218a" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#111" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#c9d2dd", "curve-style": big ? "haystack" : "bezier", opacity: big ? 1 : 0.8 } },
      { selector: "edge.SPOKE_AT", style: { "line-style": "dashed", "line-color": "#aaa" } },
    ],
    layout: layoutFor(data.nodes.length),
  });
  state.cy.on("tap", "node", (evt) => {
    const n = evt.target.data();
    if (n.speaker) showSpeaker(n.id); else showEntity(n);
  });
  const speakers = data.nodes.filter((n) => n.speaker).sort((a, b) => b.statements - a.statements || a.label.localeCompare(b.label));
  const list = document.getElementById("speakers");
  list.replaceChildren(...speakers.map((s) => el("li", { class: "speaker-item", "data-id": s.id, title: s.aliases.join(", "),
    onclick: () => showSpeaker(s.id) }, `${s.label} (${s.statements})`)));
  status(`${speakers.length} speakers · ${data.nodes.length} nodes · ${data.statements} statements`
    + (data.truncated ? ` · cut at ${data.maxNodes} nodes: narrow the filters` : ""));
  document.body.dataset.network = "ready";
}

function layoutFor(n) {
  if (n <= 400) {
    return { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000, idealEdgeLength: () => 80, numIter: 1500 };
  }
  // force-directed layout is too slow in the page for thousands of nodes: rings by number of statements
  return { name: "concentric", animate: false, concentric: (node) => node.data("statements"), levelWidth: () => 1, minNodeSpacing: 4 };
}

function select(id) {
  document.querySelectorAll("#speakers li").forEach((li) => li.classList.toggle("selected", li.dataset.id === id));
  if (state.cy) {
    state.cy.$(":selected").unselect();
    const node = state.cy.getElementById(id);
    if (node.nonempty()) node.select();
  }
}

function showEntity(n) {
  select(n.id);
  const details = document.getElementById("details");
  details.replaceChildren(el("h2", {}, n.label), el("p", { class: "meta" }, n.kind + (n.event_type ? " · " + n.event_type : "")),
    n.aliases.length ? el("p", {}, "Also called: " + n.aliases.join(", ")) : null,
    el("p", { class: "meta" }, n.id));
}

async function showSpeaker(id) {
  select(id);
  const details = document.getElementById("details");
  details.replaceChildren(el("p", { class: "hint" }, "Loading…"));
  const s = await getJson("/api/speaker?id=" + encodeURIComponent(id));
  const items = s.statements.map((st) => el("li", { class: "statement", "data-id": st.st, onclick: () => showStatement(st.st) },
    el("div", { class: "text" }, st.direct ? st.text : "“" + st.text + "”"),
    el("div", { class: "meta" }, [st.cue, st.venue_label, st.date, st.source].filter((x) => x).join(" · "))));
  details.replaceChildren(
    el("h2", { id: "speaker-name" }, s.label),
    s.aliases.length ? el("p", { class: "meta" }, "Also called: " + s.aliases.join(", ")) : null,
    el("p", { class: "meta" }, `${s.statements.length} statements · cue · venue · date · source`),
    el("ul", { class: "statements", id: "statements" }, ...items));
  details.dataset.speaker = id;
}

/** The text with spans highlighted; offsets count Unicode code points, as in the store. */
function highlighted(text, spans) {
  const cps = Array.from(text);
  const cuts = new Set([0, cps.length]);
  for (const s of spans) {
    cuts.add(Math.max(0, Math.min(cps.length, s.begin)));
    cuts.add(Math.max(0, Math.min(cps.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "doc", id: "doc-text" });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = cps.slice(a, b).join("");
    const names = spans.filter((s) => s.begin <= a && b <= s.end).map((s) => "hl-" + s.name);
    out.append(names.length ? el("mark", { class: "hl " + names.join(" "), "data-begin": a, "data-end": b }, piece) : piece);
  }
  return out;
}

async function showStatement(id) {
  const details = document.getElementById("details");
  const s = await getJson("/api/statement?id=" + encodeURIComponent(id));
  const spans = [{ name: "statement", begin: s.begin, end: s.end }];
  if (s.speaker_begin !== undefined) spans.push({ name: "speaker", begin: s.speaker_begin, end: s.speaker_end });
  if (s.cue_begin !== undefined) spans.push({ name: "cue", begin: s.cue_begin, end: s.cue_end });
  const facts = el("dl", { class: "facts" });
  const fact = (k, v) => { if (v !== undefined && v !== null && v !== "") facts.append(el("dt", {}, k), el("dd", {}, v)); };
  fact("speaker", s.speaker_label);
  fact("cue", s.cue);
  fact("kind", s.kind);
  fact("venue", s.venue_label);
  fact("date", s.date);
  fact("source", s.source);
  fact("extractor", [s.extractor, s.extractor_version ? "version " + s.extractor_version : null].filter((x) => x).join(", "));
  fact("rule", s.rule);
  fact("confidence", s.confidence);
  const back = details.dataset.speaker;
  details.replaceChildren(
    back ? el("button", { type: "button", id: "back", onclick: () => showSpeaker(back) }, "← statements") : null,
    el("h2", {}, "Statement"), facts,
    el("p", { class: "meta" }, el("mark", { class: "hl hl-statement" }, "statement"), " ",
      el("mark", { class: "hl hl-speaker" }, "speaker"), " ", el("mark", { class: "hl hl-cue" }, "cue")),
    s.docText ? highlighted(s.docText, spans) : el("p", { class: "hint" }, "The document text is not in the store."));
  details.dataset.statement = id;
  const first = details.querySelector("#doc-text mark.hl-statement");
  if (first) first.scrollIntoView({ block: "center" });
}

async function initSparql() {
  if (state.yasgui) return;
  const queries = await getJson("/api/queries");
  // no autocompleter that would fetch prefixes or vocabularies from the internet
  Yasgui.Yasqe.defaults.autocompleters = Yasgui.Yasqe.defaults.autocompleters.filter((a) => a === "variables");
  const y = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: location.origin + "/newskg/sparql", method: "POST" },
    copyEndpointOnNewTab: true, persistenceId: null, autoAddOnInit: false, populateFromUrl: false,
    endpointCatalogueOptions: { getData: () => [] },
  });
  queries.forEach((q, i) => y.addTab(i === 0, { name: q.name, yasqe: { value: q.text } }));
  state.yasgui = y;
  document.getElementById("yasgui").dataset.ready = "true";
}

function showView(button) {
  document.querySelectorAll("nav .tab").forEach((b) => b.classList.toggle("active", b === button));
  document.querySelectorAll(".view").forEach((v) => v.classList.toggle("active", v.id === button.dataset.view));
  if (button.dataset.view === "view-sparql") initSparql();
  if (button.dataset.view === "view-network" && state.cy) state.cy.resize();
}

document.querySelectorAll("nav .tab").forEach((b) => b.addEventListener("click", () => showView(b)));
document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); loadNetwork(); });
loadNetwork();

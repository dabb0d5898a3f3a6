// Aperçu : suit les versions annoncées par le serveur, remplit le panneau avec du texte
// seulement (jamais de HTML venu des sources), recharge le document en gardant la
// position de lecture.
"use strict";

const frame = document.getElementById("document");
let shownDocument = null;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function linkTo(anchor, text) {
  const link = element("a", null, text);
  link.href = "/document" + anchor;
  link.target = "document";
  link.addEventListener("click", (event) => {
    event.preventDefault();
    frame.contentWindow.location.hash = anchor;
  });
  return link;
}

function describe(item, label, title, detail, hint) {
  const line = element("li", item.className);
  line.append(element("span", "statut", label));
  line.append(item.link ? linkTo(item.link, title) : element("span", null, title));
  if (detail) line.append(element("span", "detail", detail));
  if (hint) line.append(element("span", "detail", "Conseil : " + hint));
  return line;
}

// The state is `santedoc check --format json`'s object, with `label` and `link` added.
function showPanel(state) {
  document.getElementById("resume").textContent = state.summary || "Complétude non évaluée : les sources ne se lisent pas.";
  const requirements = document.getElementById("exigences");
  requirements.replaceChildren(...(state.requirements || [])
    .filter((r) => r.status !== "ok")
    .map((r) => describe({ className: r.status, link: r.link },
      r.severity === "bloquant" ? "✗" : "!", r.title + " — " + r.label, r.message, r.hint)));
  if (!requirements.children.length) requirements.append(element("li", "ok", "Toutes les exigences sont satisfaites."));
  const messages = state.diagnostics || [];
  const where = (m) => (m.file ? m.file + (m.line ? ":" + m.line + (m.column ? ":" + m.column : "") : "") : null);
  document.getElementById("messages").replaceChildren(...messages.map((m) =>
    describe({ className: m.severity, link: m.link }, m.severity,
      (where(m) ? where(m) + " : " : "") + m.message, null, m.suggestion)));
  const banner = document.getElementById("bandeau");
  banner.hidden = state.valid;
  document.getElementById("erreurs").replaceChildren(...messages.filter((m) => m.severity === "erreur").map((m) => {
    const line = element("li");
    if (where(m)) line.append(element("span", "position", where(m)), " : ");
    line.append(m.message);
    if (m.suggestion) line.append(element("span", "detail", "Conseil : " + m.suggestion));
    return line;
  }));
  document.getElementById("etat").textContent =
    "Version " + state.version + (state.duration_ms !== undefined ? " — calculée en " + Math.round(state.duration_ms) + " ms" : "");
}

function showDocument(version) {
  let top = 0;
  try { top = frame.contentWindow.scrollY; } catch (error) { top = 0; }
  frame.addEventListener("load", () => frame.contentWindow.scrollTo(0, top), { once: true });
  frame.src = "/document?v=" + version;
}

async function refresh() {
  const response = await fetch("/_apercu/etat", { cache: "no-store" });
  const state = await response.json();
  showPanel(state);
  if (state.document !== shownDocument) {
    shownDocument = state.document;
    showDocument(state.document);
  }
}

// Each new version comes as a server-sent event; the browser reconnects by itself.
const events = new EventSource("/_apercu/direct");
events.addEventListener("message", refresh);

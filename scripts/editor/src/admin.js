// The editor page's script: Decap CMS (npm decap-cms-app, with React) bundled by esbuild at `make edit`,
// plus what makes it this site's editor: the site's own stylesheets in the preview pane (easy-read
// typography on easy-read pages) and the project's checks after every save, shown in a status panel.
import CMS from "decap-cms-app";
import React from "react";

window.CMS = CMS;

function sitePreview(easyRead) {
  return function Preview({ entry, widgetFor }) {
    const title = entry.getIn(["data", "title"]);
    return React.createElement("div", { className: "md-typeset kp-preview", "data-md-color-scheme": "default" },
      React.createElement("div", { className: "kp-product" + (easyRead ? " kp-easy-read" : "") },
        title ? React.createElement("p", { className: "kp-preview__label" }, easyRead ? "Makkelijk lezen" : "Standaard") : null,
        widgetFor("body")));
  };
}

async function siteStylesheets() {
  // The stylesheets of the live site (their names carry a hash), read from its start page.
  try {
    const html = await (await fetch("/", { cache: "no-store" })).text();
    const doc = new DOMParser().parseFromString(html, "text/html");
    return [...doc.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL(l.getAttribute("href"), location.origin + "/").pathname);
  } catch (e) {
    return [];
  }
}

function showStatus(result) {
  const panel = document.getElementById("kp-status");
  if (!panel) return;
  panel.hidden = false;
  panel.className = "kp-status " + (result.ok ? "kp-status--ok" : "kp-status--error");
  const list = panel.querySelector("ul");
  list.replaceChildren();
  const heading = panel.querySelector("h2");
  heading.textContent = result.ok
    ? (result.warnings.length ? `Bewaard en gecontroleerd: geen fouten, ${result.warnings.length} opmerking(en)` : "Bewaard en gecontroleerd: geen fouten")
    : `Bewaard, maar de controle vond ${result.errors.length} fout(en). De site toont de vorige versie tot dit is opgelost.`;
  for (const line of [...result.errors, ...result.warnings, ...(result.focus || [])]) {
    const item = document.createElement("li");
    item.textContent = line;
    list.append(item);
  }
}

async function checkAfterSave(paths) {
  const panel = document.getElementById("kp-status");
  if (panel) { panel.hidden = false; panel.querySelector("h2").textContent = "Bezig met controleren…"; }
  const response = await fetch("/admin/api/check", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ paths }),
  });
  const result = await response.json();   // with the easy-read gate's figures for the files just saved ("focus")
  showStatus(result);
  return result;
}

window.kennisplein = { checkAfterSave };

(async () => {
  for (const href of await siteStylesheets()) CMS.registerPreviewStyle(href);
  CMS.registerPreviewStyle("/admin/preview.css");
  for (const name of ["producten", "paginas"]) CMS.registerPreviewTemplate(name, sitePreview(false));
  for (const name of ["makkelijk", "paginas-makkelijk"]) CMS.registerPreviewTemplate(name, sitePreview(true));
  CMS.registerEventListener({
    name: "preSave",
    handler: ({ entry }) => {
      const panel = document.getElementById("kp-status");
      if (panel) { panel.hidden = false; panel.className = "kp-status"; panel.querySelector("h2").textContent = "Bezig met bewaren…"; panel.querySelector("ul").replaceChildren(); }
      return entry.get("data");
    },
  });
  CMS.registerEventListener({
    name: "postSave",
    handler: ({ entry }) => {
      const path = entry.get("path");
      checkAfterSave(path ? [path] : []);
    },
  });
  CMS.init();
})();

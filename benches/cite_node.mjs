// citeproc-js under Node, the other side of `cargo bench --bench cite`.
//
// Usage: node benches/cite_node.mjs JOB.json > RESULT.json
// JOB: {locales: {"en-US": xml, ...}, runs: [{name, xml, locale, format, items,
//       clusters: [[citationID, [citationItem, ...]], ...], bibliography: bool}]}
// RESULT: [{name, load_ms, build_ms, render_ms, render_cpu_ms (the process's CPU time),
//           cites: {citationID: text}, bib: [[itemId, entry], ...] | null}]
// Rendering follows Sourcebook's shim (src-tauri/cite/shim.js) step for step, with the same
// citeproc-js (ui/node_modules) and Node's own Intl collation, so the two outputs should be
// identical and the times comparable.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const loadStart = performance.now();
const CSL = require("../ui/node_modules/citeproc/citeproc_commonjs.js");
const loadMs = performance.now() - loadStart;
CSL.debug = function () {};

const trim = (s) => (typeof s === "string" ? s.trim() : s);
const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const results = [];
for (const run of job.runs) {
  const byId = {};
  for (const item of run.items) byId[String(item.id)] = JSON.stringify(item);
  const sys = {
    retrieveLocale: (lang) => job.locales[lang] || false,
    retrieveItem: (id) => JSON.parse(byId[id]),
  };
  const buildStart = performance.now();
  const engine = new CSL.Engine(sys, run.xml, run.locale, true);
  const renderStart = performance.now();
  const cpuStart = process.cpuUsage();
  const ids = run.items.map((item) => String(item.id));
  engine.updateItems(ids);
  const clusters = run.clusters || [];
  const cited = new Set(clusters.flatMap(([, items]) => items.map((i) => String(i.id))));
  const uncited = ids.filter((id) => !cited.has(id));
  if (clusters.length && uncited.length) engine.updateUncitedItems(uncited);
  engine.setOutputFormat(run.format);
  const cites = {};
  const pre = [];
  clusters.forEach(([citationID, citationItems], n) => {
    const noteIndex = engine.opt.xclass === "note" ? n + 1 : 0;
    const citation = { citationID, citationItems, properties: { noteIndex } };
    const [, updates] = engine.processCitationCluster(citation, pre.slice(), []);
    for (const [, text, id] of updates) cites[id] = trim(text);
    pre.push([citationID, noteIndex]);
  });
  let bib = null;
  if (run.bibliography) {
    const made = engine.makeBibliography();
    if (made) bib = made[0].entry_ids.map((ids, i) => [String(ids[0]), trim(made[1][i])]);
  }
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  results.push({
    name: run.name,
    load_ms: loadMs,
    build_ms: renderStart - buildStart,
    render_ms: end - renderStart,
    render_cpu_ms: (cpu.user + cpu.system) / 1000,
    cites,
    bib,
  });
}
process.stdout.write(JSON.stringify(results));

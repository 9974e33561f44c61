// Sourcebook's glue around citeproc-js inside QuickJS, evaluated after citeproc_commonjs.js.
// citeproc-js itself runs unmodified; this file only (1) supplies what QuickJS lacks
// (a real collator), (2) replaces one slow lookup with an index giving the same answer, and
// (3) exposes the few entry points the Rust side calls, as `__sb`.
(function (global, CSL, collate, locales) {
  "use strict";

  // citeproc's default debug hook writes to `console`, which QuickJS does not have. Its
  // messages are advisory (rendering goes on), so they are dropped.
  CSL.debug = function () {};

  // (1) QuickJS's localeCompare compares code points and ignores locales and options. Route
  // every call to the Rust collator (an ICU root-collation approximation) with the options
  // that change the result, so citeproc's sorting behaves as it does under Node.
  String.prototype.localeCompare = function (that, _locale, options) {
    var o = options || {};
    return collate(String(this), String(that), o.sensitivity || "variant",
      !!o.ignorePunctuation, !!o.numeric);
  };

  // (2) citeproc looks each macro up with getNodesByName(root, "macro", name), a walk over
  // the whole style tree, once per macro call site while building an engine: most of the
  // build time of a large style. Answer those lookups from an index of the root's macros,
  // built at the first lookup. The walk visits nodes in document order and the index keeps
  // that order, so the answer is the same array contents. Lookups start after citeproc's
  // tree rewrites at load; the one rewrite during the build (localised date nodes) replaces
  // nodes inside macros, never the macro nodes the index holds, so it stays exact.
  var walk = CSL.XmlJSON.prototype.getNodesByName;
  CSL.XmlJSON.prototype.getNodesByName = function (myjson, name, nameattrval, ret) {
    if (name !== "macro" || !nameattrval || ret || myjson !== this.dataObj) {
      return walk.call(this, myjson, name, nameattrval, ret);
    }
    if (!this.sbMacroIndex) {
      var index = {};
      walk.call(this, myjson, "macro").forEach(function (node) {
        var key = "=" + node.attrs.name;
        (index[key] = index[key] || []).push(node);
      });
      this.sbMacroIndex = index;
    }
    return (this.sbMacroIndex["=" + nameattrval] || []).slice();
  };

  // (3) Entry points. Engines are built once per (style, locale) and kept by the caller's
  // number; each document starts from citeproc's own reset to an empty state.
  var engines = {};

  function trim(s) {
    return typeof s === "string" ? s.replace(/\s+$/, "").replace(/^\s+/, "") : s;
  }

  global.__sb = {
    // Builds an engine; returns its class ("note" or "in-text").
    build: function (id, styleXml, lang) {
      var sys = {
        items: {},
        retrieveLocale: function (l) { return locales[l] || false; },
        // citeproc may annotate item objects: hand it a fresh copy each time.
        retrieveItem: function (itemId) { return JSON.parse(sys.items[itemId]); },
      };
      var engine = new CSL.Engine(sys, styleXml, lang, true);
      engines[id] = { engine: engine, sys: sys };
      return engine.opt.xclass;
    },

    // Forgets an engine so that its memory can be reclaimed.
    drop: function (id) {
      delete engines[id];
    },

    // Renders one document: `clusters` ([citationID, [citationItem, ...]] in order, one per
    // note for note styles) over `items` (CSL-JSON, as a JSON string) in `format`. Returns a
    // JSON string: {cites: {citationID: text}, bib: {entries: [[itemId, entry], ...],
    // hanging: bool} or null}. A later cluster may change an earlier one (disambiguation),
    // so every update is kept and the last one wins.
    document: function (id, format, itemsJson, clustersJson, withBibliography) {
      var slot = engines[id];
      var engine = slot.engine;
      var items = JSON.parse(itemsJson);
      var ids = [];
      slot.sys.items = {};
      items.forEach(function (item) {
        var itemId = String(item.id);
        slot.sys.items[itemId] = JSON.stringify(item);
        ids.push(itemId);
      });
      engine.restoreProcessorState([]);
      engine.updateItems(ids);
      // Each cluster re-registers the items cited so far, which would drop the others from
      // the bibliography: register those as uncited items (LaTeX's \nocite), before the
      // first cluster so that disambiguation ("2024a") counts them too. (Citing with
      // ASSUME_ALL_ITEMS_REGISTERED instead, as rebuildProcessorState does, skips the
      // re-registering but gives another name disambiguation in MLA than the reference
      // renderings' one-cluster-at-a-time documents.)
      var clusters = JSON.parse(clustersJson);
      var cited = {};
      clusters.forEach(function (cluster) {
        cluster[1].forEach(function (item) { cited[String(item.id)] = true; });
      });
      var uncited = ids.filter(function (itemId) { return !cited[itemId]; });
      if (clusters.length && uncited.length) {
        engine.updateUncitedItems(uncited);
      }
      engine.setOutputFormat(format);
      var cites = {};
      var pre = [];
      clusters.forEach(function (cluster, n) {
        var noteIndex = engine.opt.xclass === "note" ? n + 1 : 0;
        var citation = { citationID: cluster[0], citationItems: cluster[1],
          properties: { noteIndex: noteIndex } };
        var updates = engine.processCitationCluster(citation, pre.slice(), [])[1];
        updates.forEach(function (u) { cites[u[2]] = trim(u[1]); });
        pre.push([cluster[0], noteIndex]);
      });
      var bib = null;
      if (withBibliography) {
        var made = engine.makeBibliography();
        if (made) {
          bib = {
            entries: made[0].entry_ids.map(function (entryIds, i) {
              return [String(entryIds[0]), trim(made[1][i])];
            }),
            hanging: !!(made[0].hangingindent || made[0]["second-field-align"]),
          };
        }
      }
      return JSON.stringify({ cites: cites, bib: bib });
    },
  };
})(globalThis, module.exports, globalThis.__sbCollate, globalThis.__sbLocales);

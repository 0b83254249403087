"use strict";
(function () {
  // The page is built from the data below with text nodes only (never innerHTML): no value can become markup.
  var data = JSON.parse(document.getElementById("strata-data").textContent);
  var KINDS = [
    ["default", "default", "the class default: no layer set it"],
    ["checkpoint", "checkpoint", "the pretrained checkpoint's config"],
    ["file", "file", "a config file given"],
    ["include", "include", "a file that another file includes"],
    ["preset", "preset", "a named preset"],
    ["cli", "override", "an override on the command line"],
    ["env", "env", "an environment variable"],
    ["derived", "derived", "computed during resolution"],
    ["interpolation", "interpolation", "another field's value, through ${\u2026}"],
    ["provider", "provider", "a configuration provider of the host"],
    ["code", "code", "program code"]
  ];
  var LABELS = {};
  KINDS.forEach(function (k) { LABELS[k[0]] = k[1]; });
  var diff = data.mode === "diff";
  var top = document.getElementById("top");
  var main = document.getElementById("main");
  var serial = 0;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        if (name === "text") { node.textContent = attrs.text; }
        else if (name === "className") { node.className = attrs.className; }
        else { node.setAttribute(name, attrs[name]); }
      });
    }
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function badge(kind) {
    var known = Object.prototype.hasOwnProperty.call(LABELS, kind);
    return el("span", { className: "badge k-" + (known ? kind : "unknown"), text: known ? LABELS[kind] : kind });
  }

  function originOf(leaf) {
    return el("span", { className: "origin-cell" }, [badge(leaf.kind), document.createTextNode(" "), el("span", { className: "origin", text: leaf.origin })]);
  }

  // --- header: what the page is of, each side's fingerprint and layers
  top.appendChild(el("h1", { text: (diff ? "diff " : "explain ") + data.title }));
  var sides = el("div", { className: "sides" });
  data.sides.forEach(function (side, i) {
    var name = diff ? (i === 0 ? "Left" : "Right") : "Config";
    var box = el("section", { "aria-label": name + " side" });
    box.appendChild(el("p", { className: "meta" }, [document.createTextNode(name + " fingerprint: "), el("span", { className: "fingerprint", text: side.fingerprint })]));
    box.appendChild(el("h2", { text: (diff ? name + " layers" : "Layers") + ", in merge order" }));
    var list = el("ol", { className: "layers" });
    if (side.layers.length === 0) {
      list.appendChild(el("li", { text: "none: every value is its default or computed" }));
    }
    side.layers.forEach(function (layer) {
      var item = el("li", null, [badge(layer.kind), document.createTextNode(" "), el("code", { text: layer.name })]);
      item.style.marginLeft = (layer.depth * 1.2) + "rem";
      list.appendChild(item);
    });
    box.appendChild(list);
    sides.appendChild(box);
  });
  top.appendChild(sides);

  // --- legend
  var present = {};
  data.sides.forEach(function (side) {
    side.leaves.forEach(function (leaf) { present[leaf.kind] = true; });
  });
  var legend = el("ul", { className: "legend" });
  KINDS.forEach(function (k) {
    legend.appendChild(el("li", null, [badge(k[0]), el("span", { text: k[2] })]));
  });
  Object.keys(present).forEach(function (kind) {
    if (!Object.prototype.hasOwnProperty.call(LABELS, kind)) {
      legend.appendChild(el("li", null, [badge(kind), el("span", { text: "another origin" })]));
    }
  });
  main.appendChild(el("section", { "aria-labelledby": "legend-title" }, [el("h2", { id: "legend-title", text: "Legend: where a value came from" }), legend]));

  // --- controls
  var pathBox = el("input", { type: "search", id: "filter-path", placeholder: "e.g. transformer.hidden", autocomplete: "off" });
  var changed = el("input", { type: "checkbox", id: "filter-changed" });
  var same = el("input", { type: "checkbox", id: "filter-same" });
  var kindBoxes = {};
  var kindSet = el("fieldset", null, [el("legend", { text: "Origin" })]);
  KINDS.concat(Object.keys(present).filter(function (k) { return !LABELS[k]; }).map(function (k) { return [k, k]; })).forEach(function (k) {
    if (!present[k[0]]) { return; }
    var box = el("input", { type: "checkbox", id: "kind-" + k[0], "data-kind": k[0] });
    box.checked = true;
    kindBoxes[k[0]] = box;
    kindSet.appendChild(el("label", { "for": "kind-" + k[0] }, [box, document.createTextNode(LABELS[k[0]] || k[0])]));
  });
  var controls = el("section", { className: "controls", "aria-label": "Filter" }, [
    el("label", { "for": "filter-path" }, [document.createTextNode("Path contains"), pathBox]),
    kindSet,
    el("label", { "for": "filter-changed" }, [changed, document.createTextNode("Only what differs from the default")])
  ]);
  if (diff) {
    controls.appendChild(el("label", { "for": "filter-same" }, [same, document.createTextNode("Show identical values too")]));
  }
  main.appendChild(controls);
  var count = el("p", { id: "count", role: "status" });
  main.appendChild(count);

  function details(title, lines, kindOfLine) {
    var box = el("div", null, [el("h3", { text: title })]);
    var list = el("ol");
    lines.forEach(function (line) {
      list.appendChild(el("li", null, kindOfLine ? [badge(line.kind), document.createTextNode(" " + line.text)] : [el("code", { text: line })]));
    });
    box.appendChild(list);
    return box;
  }

  function detailOf(leaves, names) {
    var panel = el("div", { className: "detail", id: "detail-" + (++serial) });
    panel.hidden = true;
    leaves.forEach(function (leaf, i) {
      if (!leaf) { return; }
      var prefix = names ? names[i] + " side: " : "";
      panel.appendChild(details(prefix + "history, oldest first", leaf.history, true));
      if (leaf.dependsOn && leaf.dependsOn.length > 0) {
        panel.appendChild(details(prefix + "derived from", leaf.dependsOn, false));
      }
      if (leaf.references && leaf.references.length > 0) {
        panel.appendChild(details(prefix + "the value of", leaf.references, false));
      }
    });
    return panel;
  }

  function toggleButton(text, panel) {
    var button = el("button", { type: "button", className: "key", "aria-expanded": "false", "aria-controls": panel.id, text: text });
    button.addEventListener("click", function () {
      panel.hidden = !panel.hidden;
      button.setAttribute("aria-expanded", panel.hidden ? "false" : "true");
    });
    return button;
  }

  var items = [];

  function buildTree(leaves) {
    // Maps, not objects: a key of the config (a dictionary's) may be any text, "__proto__" too.
    var root = { path: "", children: new Map(), order: [], leaves: 0 };
    leaves.forEach(function (leaf) {
      var node = root;
      root.leaves++;
      for (var i = 0; i < leaf.steps.length - 1; i++) {
        var step = leaf.steps[i];
        if (!node.children.has(step)) {
          var path = node.path === "" ? step : node.path + (step.charAt(0) === "[" ? "" : ".") + step;
          var group = { name: step, path: path, children: new Map(), order: [], leaves: 0 };
          node.children.set(step, group);
          node.order.push(group);
        }
        node = node.children.get(step);
        node.leaves++;
      }
      node.order.push({ name: leaf.steps[leaf.steps.length - 1], leaf: leaf });
    });
    return root;
  }

  function renderGroup(node, list) {
    node.order.forEach(function (child) {
      var item;
      if (child.leaf) {
        var leaf = child.leaf;
        var panel = detailOf([leaf], null);
        item = el("li", { className: "leaf", "data-path": leaf.path, "data-kind": leaf.kind }, [
          el("div", { className: "row" }, [
            toggleButton(child.name, panel),
            el("span", { className: "value", text: leaf.value }),
            badge(leaf.kind),
            el("span", { className: "origin", text: leaf.origin })
          ]),
          panel
        ]);
        items.push({ node: item, path: leaf.path.toLowerCase(), kinds: [leaf.kind], differs: true, groups: [] });
      } else {
        var inner = el("ul");
        var group = el("details", { "data-path": child.path }, [
          el("summary", null, [el("span", { className: "path", text: child.name }), el("span", { className: "count", text: "(" + child.leaves + (child.leaves === 1 ? " value)" : " values)") })]),
          inner
        ]);
        item = el("li", { className: "group" }, [group]);
        var before = items.length;
        renderGroup(child, inner);
        for (var i = before; i < items.length; i++) { items[i].groups.push(item); }
      }
      list.appendChild(item);
    });
  }

  // The paths above a path, and the path itself: "a.b[2]" is "a", "a.b" and "a.b[2]".
  function prefixes(path) {
    var result = [];
    for (var i = 1; i < path.length; i++) {
      var c = path.charAt(i);
      if (c === "." || c === "[") { result.push(path.substring(0, i)); }
    }
    result.push(path);
    return result;
  }

  if (!diff) {
    var side = data.sides[0];
    var tree = el("ul", { className: "tree" });
    renderGroup(buildTree(side.leaves), tree);
    main.appendChild(el("section", { "aria-labelledby": "values-title" }, [el("h2", { id: "values-title", text: "Values, in the schema's order" }), tree]));
  } else {
    var byPath = [new Map(), new Map()];
    var paths = [];
    data.sides.forEach(function (s, i) {
      s.leaves.forEach(function (leaf) {
        if (!byPath[0].has(leaf.path) && !byPath[1].has(leaf.path)) { paths.push(leaf.path); }
        byPath[i].set(leaf.path, leaf);
      });
    });
    // A leaf differs when a difference is at it, above it (a section one side lacks) or under it (an element of a
    // list): two sets of paths, so that the page is linear in the leaves and the differences.
    var differencePaths = new Set(data.differences);
    var aboveDifferences = new Set();
    data.differences.forEach(function (d) { prefixes(d).forEach(function (p) { aboveDifferences.add(p); }); });
    var body = el("tbody");
    var differing = 0;
    paths.forEach(function (path) {
      var left = byPath[0].get(path);
      var right = byPath[1].get(path);
      var different = aboveDifferences.has(path) || prefixes(path).some(function (p) { return differencePaths.has(p); });
      if (different) { differing++; }
      var panel = detailOf([left, right], ["left", "right"]);
      var row = el("tr", { className: different ? "differs" : "same", "data-path": path }, [
        el("td", { className: "mark", text: different ? "\u2260" : "=" }),
        el("td", null, [toggleButton(path, panel), panel]),
        el("td", { className: "value", text: left ? left.value : "(absent)" }),
        el("td", null, [left ? originOf(left) : null]),
        el("td", { className: "value", text: right ? right.value : "(absent)" }),
        el("td", null, [right ? originOf(right) : null])
      ]);
      body.appendChild(row);
      items.push({ node: row, path: path.toLowerCase(), kinds: [left ? left.kind : null, right ? right.kind : null], differs: different, groups: [] });
    });
    var head = el("thead", null, [el("tr", null, ["Differs", "Path", "Left value", "Left origin", "Right value", "Right origin"].map(function (t) {
      return el("th", { scope: "col", text: t });
    }))]);
    var table = el("table", { className: "diff" }, [el("caption", { text: differing + (differing === 1 ? " value differs" : " values differ") + " of " + paths.length }), head, body]);
    var section = el("section", { "aria-labelledby": "values-title" }, [el("h2", { id: "values-title", text: "Values side by side" }), table]);
    if (differing === 0) {
      section.appendChild(el("p", { className: "empty", text: "No differences: the two configs have the same effective values." }));
    }
    main.appendChild(section);
  }

  function apply() {
    var text = pathBox.value.trim().toLowerCase();
    var onlyChanged = changed.checked;
    var all = !diff || same.checked;
    var filtering = text !== "" || onlyChanged || Object.keys(kindBoxes).some(function (k) { return !kindBoxes[k].checked; });
    var shown = 0;
    var visibleGroups = new Set();
    items.forEach(function (item) {
      var kindOk = item.kinds.some(function (k) { return k !== null && kindBoxes[k] && kindBoxes[k].checked; });
      var changedOk = !onlyChanged || item.kinds.some(function (k) { return k !== null && k !== "default"; });
      var match = (all || item.differs) && kindOk && changedOk && (text === "" || item.path.indexOf(text) >= 0);
      item.node.hidden = !match;
      if (match) {
        shown++;
        item.groups.forEach(function (g) { visibleGroups.add(g); });
      }
    });
    items.forEach(function (item) {
      item.groups.forEach(function (g) {
        g.hidden = !visibleGroups.has(g);
        if (filtering && !g.hidden) { g.firstChild.open = true; }
      });
    });
    count.textContent = "Showing " + shown + " of " + items.length + (items.length === 1 ? " value" : " values");
  }

  [pathBox, changed, same].forEach(function (input) { input.addEventListener("input", apply); });
  Object.keys(kindBoxes).forEach(function (k) { kindBoxes[k].addEventListener("change", apply); });
  changed.addEventListener("change", apply);
  same.addEventListener("change", apply);
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
  apply();
})();

/* EntityGraph interactive page: force layout (Barnes-Hut) and canvas drawing, written for EntityGraph (no
 * third-party code). The graph is the JSON export embedded in #graph-data; the palette (#graph-palette) is the
 * one the DOT and GEXF exports use. Every text that comes from the graph is drawn on the canvas or set with
 * textContent / createTextNode: nothing from the data is ever parsed as HTML.
 *
 * The layout runs over all nodes and edges once, from a fixed start, and stops when it has cooled down (alpha
 * below alphaMin); filters change only what is drawn, so nodes keep their place while the reader filters. */
(function () {
  'use strict';

  // ---------------------------------------------------------------- data

  const data = JSON.parse(document.getElementById('graph-data').textContent);
  const palette = JSON.parse(document.getElementById('graph-palette').textContent);
  const nodes = data.elements.nodes.map(function (element) { return element.data; });
  const edges = data.elements.edges.map(function (element) { return element.data; });
  const N = nodes.length;
  const M = edges.length;
  const typeNames = Object.keys(palette.types);
  const kindNames = Object.keys(palette.kinds);
  const isoDate = /^\d{4}-\d{2}-\d{2}$/;

  const indexOfId = new Map();
  nodes.forEach(function (node, i) { indexOfId.set(node.id, i); });
  const edgeIndexOfId = new Map();
  edges.forEach(function (edge, i) { edgeIndexOfId.set(edge.id, i); });

  const typeOf = new Uint8Array(N);
  const radius = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const t = typeNames.indexOf(nodes[i].type);
    typeOf[i] = t < 0 ? 1 : t;
    radius[i] = Math.min(40, 5 + 2.2 * Math.sqrt(Math.max(0, nodes[i].mentions || 0)));
  }

  const src = new Int32Array(M);
  const tgt = new Int32Array(M);
  const kindOf = new Uint8Array(M);
  const weight = new Float64Array(M);
  const curve = new Float64Array(M);  // sideways bend of parallel edges, in units of the edge's length
  const degree = new Float64Array(N);
  const pairCount = new Map();
  for (let e = 0; e < M; e++) {
    const edge = edges[e];
    src[e] = indexOfId.get(edge.source);
    tgt[e] = indexOfId.get(edge.target);
    const k = kindNames.indexOf(edge.kind);
    kindOf[e] = k < 0 ? kindNames.length - 1 : k;
    weight[e] = typeof edge.weight === 'number' ? edge.weight : 1;
    degree[src[e]] += 1;
    degree[tgt[e]] += 1;
    const a = Math.min(src[e], tgt[e]);
    const b = Math.max(src[e], tgt[e]);
    const key = a * N + b;
    const rank = pairCount.get(key) || 0;
    pairCount.set(key, rank + 1);
    // 0, +1, -1, +2, -2 … times a step: parallel edges of different kinds stay apart.
    const side = rank === 0 ? 0 : (rank % 2 === 1 ? 1 : -1) * Math.ceil(rank / 2);
    curve[e] = side * 0.18 * (src[e] === a ? 1 : -1);
  }

  // Edges of each node (both directions), for the details panel and the highlight of a selection.
  const adjacencyStart = new Int32Array(N + 1);
  for (let e = 0; e < M; e++) { adjacencyStart[src[e] + 1]++; if (tgt[e] !== src[e]) adjacencyStart[tgt[e] + 1]++; }
  for (let i = 0; i < N; i++) adjacencyStart[i + 1] += adjacencyStart[i];
  const adjacency = new Int32Array(adjacencyStart[N]);
  {
    const fill = adjacencyStart.slice(0, N);
    for (let e = 0; e < M; e++) {
      adjacency[fill[src[e]]++] = e;
      if (tgt[e] !== src[e]) adjacency[fill[tgt[e]]++] = e;
    }
  }

  function spanOf(element) {
    const first = isoDate.test(element.first_seen || '') ? element.first_seen : null;
    const last = isoDate.test(element.last_seen || '') ? element.last_seen : null;
    const date = isoDate.test(element.date || '') ? element.date : null;
    const lo = first || last || date;
    const hi = last || first || date;
    return lo ? [lo, hi] : null;
  }
  const nodeSpan = nodes.map(spanOf);
  const edgeSpan = edges.map(spanOf);
  const dates = Array.from(new Set(nodeSpan.concat(edgeSpan).filter(Boolean).flat())).sort();

  function normalised(text) {
    return String(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  }
  const searchLabel = nodes.map(function (node) { return normalised(node.label || ''); });
  const searchAliases = nodes.map(function (node) { return (node.aliases || []).map(normalised); });

  // ---------------------------------------------------------------- layout

  const x = new Float64Array(N);
  const y = new Float64Array(N);
  const vx = new Float64Array(N);
  const vy = new Float64Array(N);
  const pinned = new Uint8Array(N);
  const charge = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    charge[i] = -(30 + 3 * radius[i]);
    // Phyllotaxis start, as d3-force does: deterministic and evenly spread.
    const r = 10 * Math.sqrt(0.5 + i);
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    x[i] = r * Math.cos(angle);
    y[i] = r * Math.sin(angle);
  }
  const linkDistance = new Float64Array(M);
  const linkStrength = new Float64Array(M);
  const linkBias = new Float64Array(M);
  const coMention = kindNames.indexOf('co_mention');
  for (let e = 0; e < M; e++) {
    const s = src[e];
    const t = tgt[e];
    // Co-mentions are the most numerous and least telling kind: they only hold the picture together loosely.
    const weak = kindOf[e] === coMention;
    linkDistance[e] = (weak ? 50 : 36) + radius[s] + radius[t];
    linkStrength[e] = (weak ? 0.3 : 1) / Math.max(1, Math.min(degree[s], degree[t]));
    linkBias[e] = degree[s] / Math.max(1, degree[s] + degree[t]);
  }

  let seed = 0x2f6b1d3;
  function jiggle() {  // tiny deterministic noise for coincident points
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return (seed / 4294967296 - 0.5) * 1e-6;
  }

  const layout = {
    alpha: 1,
    alphaMin: 0.001,
    // About 300 steps, as d3-force; big graphs 200, with a coarser Barnes-Hut criterion (theta 1 instead of
    // 0.9), which keeps 5,000 nodes within a couple of seconds at a cost the eye does not see.
    alphaDecay: 1 - Math.pow(0.001, 1 / (N > 2000 ? 200 : 300)),
    velocityDecay: 0.6,
    gravity: 0.05,
    theta2: N > 2000 ? 1 : 0.81,
    ticks: 0,
    settled: N === 0,
    startedAt: performance.now(),
    settledAt: N === 0 ? performance.now() : null,
  };

  // Barnes-Hut quadtree in flat typed arrays, rebuilt each tick. point[c]: -1 empty leaf, -2 inner cell,
  // otherwise the first node of the leaf's chain (coincident points are chained through next[]).
  const tree = { capacity: 0, count: 0 };
  const next = new Int32Array(N);
  function growTree(capacity) {
    const old = tree;
    const grown = {
      capacity: capacity, count: old.count,
      child: new Int32Array(capacity * 4), point: new Int32Array(capacity),
      mass: new Float64Array(capacity), mx: new Float64Array(capacity), my: new Float64Array(capacity),
      x0: new Float64Array(capacity), y0: new Float64Array(capacity), size: new Float64Array(capacity),
    };
    if (old.capacity) {
      grown.child.set(old.child); grown.point.set(old.point); grown.mass.set(old.mass); grown.mx.set(old.mx);
      grown.my.set(old.my); grown.x0.set(old.x0); grown.y0.set(old.y0); grown.size.set(old.size);
    }
    Object.assign(tree, grown);
  }
  growTree(Math.max(64, 2 * N));

  function newCell(x0, y0, size) {
    if (tree.count === tree.capacity) growTree(tree.capacity * 2);
    const c = tree.count++;
    tree.child.fill(-1, 4 * c, 4 * c + 4);
    tree.point[c] = -1;
    tree.mass[c] = 0; tree.mx[c] = 0; tree.my[c] = 0;
    tree.x0[c] = x0; tree.y0[c] = y0; tree.size[c] = size;
    return c;
  }

  function childCell(c, k) {
    let cc = tree.child[4 * c + k];
    if (cc === -1) {
      const half = tree.size[c] / 2;
      cc = newCell(tree.x0[c] + (k & 1 ? half : 0), tree.y0[c] + (k & 2 ? half : 0), half);
      tree.child[4 * c + k] = cc;
    }
    return cc;
  }

  function quadrant(c, px, py) {
    const half = tree.size[c] / 2;
    return (px >= tree.x0[c] + half ? 1 : 0) | (py >= tree.y0[c] + half ? 2 : 0);
  }

  function insert(i) {
    const px = x[i], py = y[i], q = charge[i];
    let c = 0;
    for (let depth = 0; ; depth++) {
      tree.mass[c] += q; tree.mx[c] += q * px; tree.my[c] += q * py;
      const p = tree.point[c];
      if (p === -1) { tree.point[c] = i; next[i] = -1; return; }
      if (p >= 0) {
        if (depth >= 40 || (x[p] === px && y[p] === py)) { next[i] = p; tree.point[c] = i; return; }
        // Split the leaf: its chain moves one level down, then i goes on down from here.
        tree.point[c] = -2;
        const cc = childCell(c, quadrant(c, x[p], y[p]));
        tree.point[cc] = p;
        for (let j = p; j !== -1; j = next[j]) {
          tree.mass[cc] += charge[j]; tree.mx[cc] += charge[j] * x[j]; tree.my[cc] += charge[j] * y[j];
        }
      }
      c = childCell(c, quadrant(c, px, py));
    }
  }

  function buildTree() {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (let i = 0; i < N; i++) {
      if (x[i] < x0) x0 = x[i]; if (x[i] > x1) x1 = x[i];
      if (y[i] < y0) y0 = y[i]; if (y[i] > y1) y1 = y[i];
    }
    tree.count = 0;
    newCell(x0, y0, Math.max(x1 - x0, y1 - y0) * 1.0001 + 1e-6);
    for (let i = 0; i < N; i++) insert(i);
    // Centres of charge, once per cell rather than once per visit.
    const mass = tree.mass, mx = tree.mx, my = tree.my;
    for (let c = 0; c < tree.count; c++) {
      if (mass[c] !== 0) { mx[c] /= mass[c]; my[c] /= mass[c]; }
    }
  }

  const stack = new Int32Array(4 * 48 + 8);
  function applyCharge(alpha) {
    buildTree();
    const child = tree.child, point = tree.point, mass = tree.mass, mx = tree.mx, my = tree.my, size = tree.size;
    const theta2 = layout.theta2;
    for (let i = 0; i < N; i++) {
      const xi = x[i], yi = y[i];
      let fx = 0, fy = 0;
      let top = 0;
      stack[top++] = 0;
      while (top > 0) {
        const c = stack[--top];
        const p = point[c];
        if (p >= 0) {
          for (let j = p; j !== -1; j = next[j]) {
            if (j === i) continue;
            let dx = x[j] - xi, dy = y[j] - yi;
            if (dx === 0 && dy === 0) { dx = jiggle(); dy = jiggle(); }
            let l2 = dx * dx + dy * dy;
            if (l2 < 1) l2 = Math.sqrt(l2);
            const f = charge[j] * alpha / l2;
            fx += dx * f; fy += dy * f;
          }
          continue;
        }
        if (p === -1 || mass[c] === 0) continue;
        const dx = mx[c] - xi, dy = my[c] - yi;
        let l2 = dx * dx + dy * dy;
        if (size[c] * size[c] < theta2 * l2) {
          if (l2 < 1) l2 = Math.sqrt(l2);
          const f = mass[c] * alpha / l2;
          fx += dx * f; fy += dy * f;
        } else {
          for (let k = 0; k < 4; k++) { const cc = child[4 * c + k]; if (cc !== -1) stack[top++] = cc; }
        }
      }
      vx[i] += fx; vy[i] += fy;
    }
  }

  function applyLinks(alpha) {
    for (let e = 0; e < M; e++) {
      const s = src[e], t = tgt[e];
      if (s === t) continue;
      let dx = x[t] + vx[t] - x[s] - vx[s] || jiggle();
      let dy = y[t] + vy[t] - y[s] - vy[s] || jiggle();
      let l = Math.sqrt(dx * dx + dy * dy);
      l = (l - linkDistance[e]) / l * alpha * linkStrength[e];
      dx *= l; dy *= l;
      const b = linkBias[e];
      vx[t] -= dx * b; vy[t] -= dy * b;
      vx[s] += dx * (1 - b); vy[s] += dy * (1 - b);
    }
  }

  function tick() {
    layout.alpha += (0 - layout.alpha) * layout.alphaDecay;
    const alpha = layout.alpha;
    if (N > 1) applyCharge(alpha);
    applyLinks(alpha);
    const g = layout.gravity * alpha;
    const keep = layout.velocityDecay;
    for (let i = 0; i < N; i++) {
      if (pinned[i]) { vx[i] = 0; vy[i] = 0; continue; }
      vx[i] = (vx[i] - x[i] * g) * keep;
      vy[i] = (vy[i] - y[i] * g) * keep;
      x[i] += vx[i];
      y[i] += vy[i];
    }
    layout.ticks++;
    if (layout.alpha < layout.alphaMin) {
      layout.settled = true;
      layout.settledAt = performance.now();
    }
  }

  // ---------------------------------------------------------------- view state

  const canvas = document.getElementById('graph');
  const screen = canvas.getContext('2d');
  // The drawing functions paint on `ctx`: the scene canvas once the layout has settled, the screen while it runs.
  let ctx = screen;
  // The settled picture, kept so hovering, panning and zooming only copy it (painting 5,000 nodes and
  // 9,000 edges costs a few hundred ms in software rendering; copying a bitmap, one or two).
  const scene = { canvas: document.createElement('canvas'), version: -1, k: 0, tx: 0, ty: 0, width: 0, height: 0, dpr: 0 };
  let sceneVersion = 0;
  const view = { k: 1, tx: 0, ty: 0, width: 0, height: 0, dpr: 1, userMoved: false, interactingUntil: 0 };
  const nodeVisible = new Uint8Array(N);
  const edgeVisible = new Uint8Array(M);
  const filters = {
    types: new Set(typeNames),
    kinds: new Set(kindNames.filter(function (kind) { return kind !== 'co_mention'; })),
    minWeight: -Infinity,
    dateFrom: dates.length ? dates[0] : null,
    dateTo: dates.length ? dates[dates.length - 1] : null,
  };
  let selection = null;  // {kind: 'node'|'edge', index}
  let hover = null;
  let searchMatches = [];
  let drawnNodes = 0;
  let drawnEdges = 0;
  const byImportance = Array.from({ length: N }, function (_, i) { return i; })
    .sort(function (a, b) { return (nodes[b].mentions || 0) - (nodes[a].mentions || 0) || degree[b] - degree[a] || a - b; });

  function inDateRange(span) {
    if (!span || filters.dateFrom === null) return true;
    return span[1] >= filters.dateFrom && span[0] <= filters.dateTo;
  }

  function updateVisibility() {
    for (let i = 0; i < N; i++) {
      nodeVisible[i] = filters.types.has(typeNames[typeOf[i]]) && inDateRange(nodeSpan[i]) ? 1 : 0;
    }
    let shownEdges = 0, shownNodes = 0;
    for (let e = 0; e < M; e++) {
      edgeVisible[e] = filters.kinds.has(kindNames[kindOf[e]]) && weight[e] >= filters.minWeight
        && nodeVisible[src[e]] && nodeVisible[tgt[e]] && inDateRange(edgeSpan[e]) ? 1 : 0;
      shownEdges += edgeVisible[e];
    }
    for (let i = 0; i < N; i++) shownNodes += nodeVisible[i];
    document.getElementById('summary').textContent =
      shownNodes + ' of ' + N + ' nodes, ' + shownEdges + ' of ' + M + ' edges shown';
    contentChanged();
  }

  function resize() {
    const rect = canvas.getBoundingClientRect();
    view.dpr = window.devicePixelRatio || 1;
    view.width = Math.max(1, rect.width);
    view.height = Math.max(1, rect.height);
    canvas.width = Math.round(view.width * view.dpr);
    canvas.height = Math.round(view.height * view.dpr);
    if (!view.userMoved) fit();
    requestDraw();
  }

  function fit() {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    let any = false;
    // The nodes shown; when filters hide them all, the whole graph.
    let shown = false;
    for (let i = 0; i < N && !shown; i++) shown = nodeVisible[i] === 1;
    for (let i = 0; i < N; i++) {
      if (shown && !nodeVisible[i]) continue;
      any = true;
      const r = radius[i] * 1.3;
      if (x[i] - r < x0) x0 = x[i] - r; if (x[i] + r > x1) x1 = x[i] + r;
      if (y[i] - r < y0) y0 = y[i] - r; if (y[i] + r > y1) y1 = y[i] + r;
    }
    if (!any) { view.k = 1; view.tx = view.width / 2; view.ty = view.height / 2; return; }
    const margin = 36;
    const k = Math.min((view.width - 2 * margin) / Math.max(1, x1 - x0), (view.height - 2 * margin) / Math.max(1, y1 - y0));
    view.k = Math.max(0.02, Math.min(4, k));
    view.tx = view.width / 2 - view.k * (x0 + x1) / 2;
    view.ty = view.height / 2 - view.k * (y0 + y1) / 2;
  }

  function screenX(i) { return x[i] * view.k + view.tx; }
  function screenY(i) { return y[i] * view.k + view.ty; }
  // Nodes keep a legible size when zoomed out and do not balloon when zoomed in.
  function screenRadius(i) { return Math.max(2.5, Math.min(radius[i] * Math.sqrt(view.k) * 1.1, radius[i] * 2.2)); }

  // ---------------------------------------------------------------- drawing

  function shapePath(c, shape, sx, sy, r) {
    switch (shape) {
      case 'box':
        c.rect(sx - 1.15 * r, sy - 0.8 * r, 2.3 * r, 1.6 * r);
        break;
      case 'hexagon':
        c.moveTo(sx + 1.15 * r, sy);
        for (let k = 1; k < 6; k++) c.lineTo(sx + 1.15 * r * Math.cos(k * Math.PI / 3), sy + r * Math.sin(k * Math.PI / 3));
        c.closePath();
        break;
      case 'house':
        c.moveTo(sx - r, sy + 0.85 * r);
        c.lineTo(sx + r, sy + 0.85 * r);
        c.lineTo(sx + r, sy - 0.2 * r);
        c.lineTo(sx, sy - 1.05 * r);
        c.lineTo(sx - r, sy - 0.2 * r);
        c.closePath();
        break;
      case 'note':
        c.moveTo(sx - 1.05 * r, sy - 0.85 * r);
        c.lineTo(sx + 0.5 * r, sy - 0.85 * r);
        c.lineTo(sx + 1.05 * r, sy - 0.3 * r);
        c.lineTo(sx + 1.05 * r, sy + 0.85 * r);
        c.lineTo(sx - 1.05 * r, sy + 0.85 * r);
        c.closePath();
        break;
      default:  // ellipse
        c.moveTo(sx + 1.2 * r, sy);
        c.ellipse(sx, sy, 1.2 * r, 0.85 * r, 0, 0, 2 * Math.PI);
    }
  }

  function dashFor(pattern, width) {
    if (pattern === 'dashed') return [6, 4];
    if (pattern === 'dotted') return [Math.max(1, width), 3];
    return [];
  }

  // The point of a (possibly bent) edge at parameter 0.5, and its control point, in screen space.
  function edgeGeometry(e) {
    const x0 = screenX(src[e]), y0 = screenY(src[e]), x1 = screenX(tgt[e]), y1 = screenY(tgt[e]);
    const bend = curve[e];
    const cx = (x0 + x1) / 2 - (y1 - y0) * bend, cy = (y0 + y1) / 2 + (x1 - x0) * bend;
    const mx = 0.25 * x0 + 0.5 * cx + 0.25 * x1, my = 0.25 * y0 + 0.5 * cy + 0.25 * y1;
    return { x0: x0, y0: y0, x1: x1, y1: y1, cx: cx, cy: cy, mx: mx, my: my };
  }

  function focusSet() {
    if (!selection) return null;
    const set = new Set();
    if (selection.kind === 'node') {
      set.add(selection.index);
      for (let a = adjacencyStart[selection.index]; a < adjacencyStart[selection.index + 1]; a++) {
        const e = adjacency[a];
        if (edgeVisible[e]) { set.add(src[e]); set.add(tgt[e]); }
      }
    } else {
      set.add(src[selection.index]); set.add(tgt[selection.index]);
    }
    return set;
  }

  function edgeInFocus(e) {
    if (!selection) return true;
    if (selection.kind === 'edge') return e === selection.index;
    return src[e] === selection.index || tgt[e] === selection.index;
  }

  function drawEdges(focus) {
    const widthClass = function (w) { return w >= 5 ? 2 : w >= 2 ? 1 : 0; };
    let count = 0;
    const passes = focus ? [false, true] : [true];
    // Co-mentions first (underneath), then the typed kinds from faint to strong.
    const order = kindNames.map(function (_, k) { return k; }).reverse();
    for (const inFocus of passes) {
      for (const k of order) {
        const style = palette.kinds[kindNames[k]];
        for (let wc = 0; wc < 3; wc++) {
          ctx.beginPath();
          let any = false;
          for (let e = 0; e < M; e++) {
            if (!edgeVisible[e] || kindOf[e] !== k || widthClass(weight[e]) !== wc) continue;
            if (focus && edgeInFocus(e) !== inFocus) continue;
            const g = edgeGeometry(e);
            ctx.moveTo(g.x0, g.y0);
            if (curve[e] === 0) ctx.lineTo(g.x1, g.y1); else ctx.quadraticCurveTo(g.cx, g.cy, g.x1, g.y1);
            any = true;
            count++;
          }
          if (!any) continue;
          const width = style.width * (1 + 0.45 * wc) * (focus && inFocus ? 1.6 : 1);
          ctx.globalAlpha = focus && !inFocus ? 0.3 : 1;
          ctx.strokeStyle = style.stroke;
          ctx.lineWidth = width;
          ctx.setLineDash(dashFor(style.pattern, width));
          ctx.stroke();
        }
        if (style.directed) drawArrowheads(k, focus, inFocus, style);
      }
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    return count;
  }

  function drawArrowheads(k, focus, inFocus, style) {
    ctx.beginPath();
    let any = false;
    for (let e = 0; e < M; e++) {
      if (!edgeVisible[e] || kindOf[e] !== k || (focus && edgeInFocus(e) !== inFocus)) continue;
      const g = edgeGeometry(e);
      // Direction of the curve at its end: from the control point to the target.
      let dx = g.x1 - g.cx, dy = g.y1 - g.cy;
      const length = Math.sqrt(dx * dx + dy * dy);
      const size = 3.5 + 1.5 * style.width;
      if (length < screenRadius(tgt[e]) * 1.2 + size * 3) continue;
      dx /= length; dy /= length;
      const r = screenRadius(tgt[e]) * 1.05 + 1;
      const px = g.x1 - dx * r, py = g.y1 - dy * r;
      ctx.moveTo(px, py);
      ctx.lineTo(px - dx * size * 1.6 - dy * size * 0.7, py - dy * size * 1.6 + dx * size * 0.7);
      ctx.lineTo(px - dx * size * 1.6 + dy * size * 0.7, py - dy * size * 1.6 - dx * size * 0.7);
      ctx.closePath();
      any = true;
    }
    if (!any) return;
    ctx.globalAlpha = focus && !inFocus ? 0.3 : 1;
    ctx.fillStyle = style.stroke;
    ctx.fill();
  }

  function drawNodes(focus) {
    let count = 0;
    const passes = focus ? [false, true] : [true];
    for (const inFocus of passes) {
      for (let t = 0; t < typeNames.length; t++) {
        const style = palette.types[typeNames[t]];
        ctx.beginPath();
        let any = false;
        for (let i = 0; i < N; i++) {
          if (!nodeVisible[i] || typeOf[i] !== t) continue;
          if (focus && focus.has(i) !== inFocus) continue;
          shapePath(ctx, style.shape, screenX(i), screenY(i), screenRadius(i));
          any = true;
          count++;
        }
        if (!any) continue;
        ctx.globalAlpha = focus && !inFocus ? 0.6 : 1;
        ctx.fillStyle = style.fill;
        ctx.fill();
        ctx.lineWidth = 0.9;
        ctx.strokeStyle = '#4b5363';
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
    const rings = [];
    if (selection && selection.kind === 'node') rings.push([selection.index, '#d9480f', 2.5]);
    searchMatches.slice(0, 12).forEach(function (i) { if (!selection || selection.index !== i) rings.push([i, '#f2b705', 2]); });
    for (const ring of rings) {
      const i = ring[0];
      if (!nodeVisible[i]) continue;
      ctx.beginPath();
      shapePath(ctx, palette.types[typeNames[typeOf[i]]].shape, screenX(i), screenY(i), screenRadius(i) + 2.5);
      ctx.strokeStyle = ring[1];
      ctx.lineWidth = ring[2];
      ctx.stroke();
    }
    return count;
  }

  // Greedy label placement: the most important labels first, none over another.
  function LabelSpace() {
    const cell = 64;
    const buckets = new Map();
    // weight: what covering this box costs (a label 3, a node 1).
    this.reserve = function (x0, y0, x1, y1, weight) {
      const cx0 = Math.floor(x0 / cell), cx1 = Math.floor(x1 / cell), cy0 = Math.floor(y0 / cell), cy1 = Math.floor(y1 / cell);
      const box = [x0, y0, x1, y1, weight || 3];
      for (let cx = cx0; cx <= cx1; cx++) for (let cy = cy0; cy <= cy1; cy++) {
        const key = cx * 100003 + cy;
        if (!buckets.has(key)) buckets.set(key, []);
        buckets.get(key).push(box);
      }
    };
    this.cost = function (x0, y0, x1, y1) {
      const cx0 = Math.floor(x0 / cell), cx1 = Math.floor(x1 / cell), cy0 = Math.floor(y0 / cell), cy1 = Math.floor(y1 / cell);
      const seen = new Set();
      let cost = 0;
      for (let cx = cx0; cx <= cx1; cx++) for (let cy = cy0; cy <= cy1; cy++) {
        const list = buckets.get(cx * 100003 + cy);
        if (list) for (const b of list) {
          if (!seen.has(b) && x0 < b[2] && x1 > b[0] && y0 < b[3] && y1 > b[1]) { seen.add(b); cost += b[4]; }
        }
      }
      return cost;
    };
    this.tryPlace = function (x0, y0, x1, y1) {
      if (this.cost(x0, y0, x1, y1) > 0) return false;
      this.reserve(x0, y0, x1, y1);
      return true;
    };
  }

  function clipped(text, max) {
    const chars = Array.from(text);
    return chars.length > max ? chars.slice(0, max - 1).join('') + '\u2026' : text;
  }

  function drawLabels(focus) {
    const space = new LabelSpace();
    const font = '12px system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif';
    ctx.font = font;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.lineJoin = 'round';
    const first = [];
    if (selection && selection.kind === 'node') first.push(selection.index);
    if (selection && selection.kind === 'edge') first.push(src[selection.index], tgt[selection.index]);
    searchMatches.slice(0, 12).forEach(function (i) { first.push(i); });
    if (focus) focus.forEach(function (i) { first.push(i); });
    const seen = new Set();
    let drawn = 0, tried = 0;
    // Big graphs: about one name per 100 x 90 px of canvas, so a hairball stays a picture with landmarks.
    const budget = N > 300 ? Math.max(20, Math.round(view.width * view.height / 9000)) : 400;
    function place(i, forced) {
      if (seen.has(i) || !nodeVisible[i]) return;
      seen.add(i);
      const sx = screenX(i), sy = screenY(i), r = screenRadius(i);
      if (sx < -50 || sy < -50 || sx > view.width + 50 || sy > view.height + 50) return;
      const text = clipped(nodes[i].label || nodes[i].id, 40);
      const w = ctx.measureText(text).width;
      // Below the node, else above, right or left of it, else shifted sideways: the first free place wins.
      // In small graphs every name is drawn, at the place that covers least; in big ones only in free places.
      const below = sy + r * 0.9 + 2, above = sy - r * 0.9 - 17;
      const places = [[sx, below], [sx, above], [sx + r * 1.25 + 4 + w / 2, sy - 7], [sx - r * 1.25 - 4 - w / 2, sy - 7],
                      [sx + w / 2, below], [sx - w / 2, below], [sx + w / 2, above], [sx - w / 2, above]];
      let place = null, best = Infinity;
      for (const p of places) {
        const cost = space.cost(p[0] - w / 2 - 2, p[1] - 1, p[0] + w / 2 + 2, p[1] + 15);
        if (cost < best) { best = cost; place = p; }
        if (cost === 0) break;
      }
      if (best > 0 && !forced && N > 150) return;
      space.reserve(place[0] - w / 2 - 2, place[1] - 1, place[0] + w / 2 + 2, place[1] + 15);
      ctx.strokeStyle = 'rgba(255,255,255,0.92)';
      ctx.lineWidth = 3.5;
      ctx.strokeText(text, place[0], place[1]);
      ctx.fillStyle = focus && !focus.has(i) ? '#7a808c' : '#1d2330';
      ctx.fillText(text, place[0], place[1]);
      drawn++;
    }
    // Labels keep off the nodes (in graphs small enough to afford it), so no name hides a shape.
    if (N <= 2000) {
      for (let i = 0; i < N; i++) {
        if (!nodeVisible[i]) continue;
        const sx = screenX(i), sy = screenY(i), r = screenRadius(i);
        space.reserve(sx - 1.2 * r, sy - 0.88 * r, sx + 1.2 * r, sy + 0.88 * r, 1);
      }
    }
    for (const i of first) place(i, true);
    for (let n = 0; n < N && drawn < budget && tried < 4000; n++) {
      const i = byImportance[n];
      if (seen.has(i)) continue;
      tried++;
      // In big graphs only nodes drawn large enough get a label: a carpet of names reads as noise.
      if (N > 300 && screenRadius(i) < 6) continue;
      place(i, false);
    }
    return space;
  }

  function drawEdgeLabels(space, focus) {
    let labelled = 0;
    for (let e = 0; e < M; e++) if (edgeVisible[e] && palette.kinds[kindNames[kindOf[e]]].labelled && edges[e].label) labelled++;
    ctx.font = '10.5px system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (let e = 0; e < M; e++) {
      if (!edgeVisible[e] || !edges[e].label) continue;
      const style = palette.kinds[kindNames[kindOf[e]]];
      const chosen = selection && selection.kind === 'edge' && selection.index === e;
      if (!chosen && (!style.labelled || labelled > 150 || (focus && !edgeInFocus(e)))) continue;
      const g = edgeGeometry(e);
      const length = Math.hypot(g.x1 - g.x0, g.y1 - g.y0);
      const text = clipped(edges[e].label, 28);
      const w = ctx.measureText(text).width;
      if (!chosen && length < w + 24) continue;
      if (!space.tryPlace(g.mx - w / 2 - 2, g.my - 7, g.mx + w / 2 + 2, g.my + 7) && !chosen) continue;
      ctx.strokeStyle = 'rgba(255,255,255,0.95)';
      ctx.lineWidth = 3;
      ctx.strokeText(text, g.mx, g.my);
      ctx.fillStyle = style.stroke;
      ctx.fillText(text, g.mx, g.my);
    }
  }

  function drawSelectedEdge() {
    if (!selection || selection.kind !== 'edge' || !edgeVisible[selection.index]) return;
    const e = selection.index;
    const g = edgeGeometry(e);
    ctx.beginPath();
    ctx.moveTo(g.x0, g.y0);
    if (curve[e] === 0) ctx.lineTo(g.x1, g.y1); else ctx.quadraticCurveTo(g.cx, g.cy, g.x1, g.y1);
    ctx.strokeStyle = 'rgba(217,72,15,0.35)';
    ctx.lineWidth = 7;
    ctx.stroke();
  }

  function draw() {
    ctx.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
    ctx.fillStyle = '#fbfbfd';
    ctx.fillRect(0, 0, view.width, view.height);
    if (N === 0) {
      ctx.fillStyle = '#6b7280';
      ctx.font = '15px system-ui, sans-serif';
      ctx.textAlign = 'center';
      ctx.fillText('The graph is empty.', view.width / 2, view.height / 2);
      drawnNodes = 0; drawnEdges = 0;
      return;
    }
    const focus = focusSet();
    drawSelectedEdge();
    drawnEdges = drawEdges(focus);
    drawnNodes = drawNodes(focus);
    const space = drawLabels(focus);
    drawEdgeLabels(space, focus);
  }

  const timing = { tickMs: 0, drawMs: 0, frames: 0 };
  const preview = N > 1000;
  let frameQueued = false;
  const lazyZoom = N > 1000;  // big graphs: while the reader pans or zooms, move the last picture, repaint after

  /** What is drawn changed (filters, selection, search, a moved node): the kept picture is stale. */
  function contentChanged() {
    sceneVersion++;
    requestDraw();
  }

  function sameView() {
    return scene.k === view.k && scene.tx === view.tx && scene.ty === view.ty;
  }

  function present() {
    const sized = scene.width === view.width && scene.height === view.height && scene.dpr === view.dpr;
    const fresh = scene.version === sceneVersion && sized;
    const now = performance.now();
    screen.setTransform(1, 0, 0, 1, 0, 0);
    if (fresh && sameView()) {
      screen.drawImage(scene.canvas, 0, 0);
    } else if (fresh && lazyZoom && now < view.interactingUntil) {
      const s = view.k / scene.k;
      screen.fillStyle = '#fbfbfd';
      screen.fillRect(0, 0, canvas.width, canvas.height);
      screen.setTransform(s, 0, 0, s, view.dpr * (view.tx - scene.tx * s), view.dpr * (view.ty - scene.ty * s));
      screen.drawImage(scene.canvas, 0, 0);
      setTimeout(requestDraw, view.interactingUntil - now + 10);
    } else {
      if (scene.canvas.width !== canvas.width || scene.canvas.height !== canvas.height) {
        scene.canvas.width = canvas.width;
        scene.canvas.height = canvas.height;
      }
      ctx = scene.canvas.getContext('2d');
      draw();
      ctx = screen;
      Object.assign(scene, { version: sceneVersion, k: view.k, tx: view.tx, ty: view.ty,
                             width: view.width, height: view.height, dpr: view.dpr });
      screen.setTransform(1, 0, 0, 1, 0, 0);
      screen.drawImage(scene.canvas, 0, 0);
    }
    drawOverlay();
  }

  /** What changes with the pointer alone: the ring around the hovered node. */
  function drawOverlay() {
    if (!hover || hover.kind !== 'node' || !nodeVisible[hover.index]) return;
    const i = hover.index;
    screen.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
    screen.beginPath();
    shapePath(screen, palette.types[typeNames[typeOf[i]]].shape, screenX(i), screenY(i), screenRadius(i) + 2.5);
    screen.strokeStyle = '#3b7dd8';
    screen.lineWidth = 2;
    screen.stroke();
  }

  /** While a big graph is laid out: the nodes as small squares, nothing else. */
  function drawPreview() {
    ctx.setTransform(view.dpr, 0, 0, view.dpr, 0, 0);
    ctx.fillStyle = '#fbfbfd';
    ctx.fillRect(0, 0, view.width, view.height);
    for (let t = 0; t < typeNames.length; t++) {
      ctx.beginPath();
      for (let i = 0; i < N; i++) {
        if (!nodeVisible[i] || typeOf[i] !== t) continue;
        const r = screenRadius(i);
        ctx.rect(screenX(i) - r, screenY(i) - r, 2 * r, 2 * r);
      }
      ctx.fillStyle = palette.types[typeNames[t]].fill;
      ctx.fill();
    }
    drawnNodes = 0;
    drawnEdges = 0;
  }
  function requestDraw() {
    if (frameQueued) return;
    frameQueued = true;
    requestAnimationFrame(frame);
  }

  function frame() {
    frameQueued = false;
    if (!layout.settled) {
      // Big graphs: long runs of steps between cheap previews, because a full frame costs more to paint than
      // many layout steps (measured: 5,000 nodes paint in about 0.25 s in software rendering).
      const budget = preview ? 300 : 14;
      const began = performance.now();
      do tick(); while (!layout.settled && performance.now() - began < budget);
      timing.tickMs += performance.now() - began;
      if (!view.userMoved) fit();
      status();
    }
    const drawBegan = performance.now();
    if (!layout.settled) {
      if (preview) drawPreview(); else draw();
      drawOverlay();
    } else {
      present();
    }
    timing.drawMs += performance.now() - drawBegan;
    timing.frames++;
    if (!layout.settled) requestDraw();
  }

  function status() {
    const took = layout.settled ? layout.settledAt - layout.startedAt : 0;
    const text = layout.settled
      ? 'Layout settled after ' + layout.ticks + ' steps in ' + (took < 1000 ? Math.round(took) + ' ms' : (took / 1000).toFixed(1) + ' s')
      : 'Laying out\u2026 ' + Math.round(100 * Math.log(layout.alpha) / Math.log(layout.alphaMin)) + '%';
    document.getElementById('status').textContent = text;
  }

  // ---------------------------------------------------------------- picking

  function pickNode(sx, sy) {
    let best = -1, bestDistance = Infinity;
    for (let i = 0; i < N; i++) {
      if (!nodeVisible[i]) continue;
      const dx = screenX(i) - sx, dy = screenY(i) - sy;
      const r = screenRadius(i) * 1.2 + 2;
      const d = dx * dx + dy * dy;
      if (d <= r * r && d < bestDistance) { best = i; bestDistance = d; }
    }
    return best;
  }

  function segmentDistance2(px, py, ax, ay, bx, by) {
    const dx = bx - ax, dy = by - ay;
    const l2 = dx * dx + dy * dy;
    let t = l2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / l2;
    t = Math.max(0, Math.min(1, t));
    const qx = ax + t * dx - px, qy = ay + t * dy - py;
    return qx * qx + qy * qy;
  }

  function pickEdge(sx, sy) {
    let best = -1, bestDistance = 36;  // within 6 px
    for (let e = 0; e < M; e++) {
      if (!edgeVisible[e]) continue;
      const g = edgeGeometry(e);
      const d = curve[e] === 0
        ? segmentDistance2(sx, sy, g.x0, g.y0, g.x1, g.y1)
        : Math.min(segmentDistance2(sx, sy, g.x0, g.y0, g.mx, g.my), segmentDistance2(sx, sy, g.mx, g.my, g.x1, g.y1));
      if (d < bestDistance) { best = e; bestDistance = d; }
    }
    return best;
  }

  function pick(sx, sy) {
    const i = pickNode(sx, sy);
    if (i >= 0) return { kind: 'node', index: i };
    const e = pickEdge(sx, sy);
    return e >= 0 ? { kind: 'edge', index: e } : null;
  }

  // ---------------------------------------------------------------- panel (text only through textContent)

  function el(tag, className, text) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined && text !== null) element.textContent = String(text);
    return element;
  }

  function swatch(color) {
    const box = el('span', 'swatch');
    box.style.background = color;
    return box;
  }

  function linkButton(text, hint, onClick) {
    const button = el('button', null, text);
    button.type = 'button';
    if (hint) button.appendChild(el('span', 'type', hint));
    button.addEventListener('click', onClick);
    return button;
  }

  function addRow(list, name, value) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return;
    list.appendChild(el('dt', null, name));
    const text = Array.isArray(value)
      ? (value.length > 60 ? value.slice(0, 60).join(', ') + ', \u2026 (' + value.length + ')' : value.join(', '))
      : value;
    list.appendChild(el('dd', null, text));
  }

  function detailsBox() {
    const box = document.getElementById('details');
    box.replaceChildren();
    box.hidden = false;
    const close = el('button', 'close', '\u00d7');
    close.type = 'button';
    close.title = 'Clear the selection (Esc)';
    close.addEventListener('click', function () { select(null); });
    box.appendChild(close);
    return box;
  }

  function showNode(i) {
    const node = nodes[i];
    const box = detailsBox();
    box.dataset.kind = 'node';
    box.dataset.id = node.id;
    box.appendChild(el('h3', 'label', node.label));
    const line = el('p', 'kindline');
    line.appendChild(swatch(palette.types[typeNames[typeOf[i]]].fill));
    line.appendChild(document.createTextNode(node.type));
    box.appendChild(line);
    const list = el('dl');
    addRow(list, 'Aliases', node.aliases);
    addRow(list, 'Mentions', node.mentions);
    addRow(list, 'Documents', node.documents);
    addRow(list, 'Date', node.date);
    addRow(list, 'Format', node.format);
    addRow(list, 'Ordinal', node.ordinal);
    addRow(list, 'Series', node.series);
    addRow(list, 'First seen', node.first_seen);
    addRow(list, 'Last seen', node.last_seen);
    addRow(list, 'Identity', node.identity);
    addRow(list, 'Id', node.id);
    box.appendChild(list);
    const own = Array.from(adjacency.subarray(adjacencyStart[i], adjacencyStart[i + 1]));
    own.sort(function (a, b) { return kindOf[a] - kindOf[b] || weight[b] - weight[a] || a - b; });
    const shown = own.filter(function (e) { return edgeVisible[e]; }).length;
    box.appendChild(el('h4', null, 'Edges: ' + own.length + (shown < own.length ? ' (' + shown + ' shown, the others filtered out)' : '')));
    const links = el('ul', 'linklist');
    const limit = 150;
    own.slice(0, limit).forEach(function (e) {
      const outgoing = src[e] === i;
      const other = outgoing ? tgt[e] : src[e];
      const item = el('li');
      const relation = edges[e].relation || edges[e].kind;
      item.appendChild(linkButton((outgoing ? '\u2192 ' : '\u2190 ') + nodes[other].label,
        relation + ' \u00b7 ' + weight[e] + (edgeVisible[e] ? '' : ' \u00b7 hidden'),
        function () { select({ kind: 'edge', index: e }, true); }));
      links.appendChild(item);
    });
    box.appendChild(links);
    if (own.length > limit) box.appendChild(el('p', 'more', '\u2026 and ' + (own.length - limit) + ' more'));
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  // The evidence sentence as text nodes, with the names of the edge's two entities in <mark> elements.
  function evidenceFragment(sentence, e) {
    const fragment = document.createDocumentFragment();
    const names = [];
    const role = new Map();
    [[src[e], 'source'], [tgt[e], 'target']].forEach(function (pair) {
      const node = nodes[pair[0]];
      [node.label].concat(node.aliases || []).forEach(function (name) {
        if (!name || Array.from(name).length < 2) return;
        const key = name.toLowerCase();
        if (role.has(key)) return;
        role.set(key, pair[1]);
        names.push(name);
      });
    });
    names.sort(function (a, b) { return b.length - a.length; });
    let last = 0;
    if (names.length) {
      let pattern = null;
      try {
        pattern = new RegExp('(?<![\\p{L}\\p{N}])(?:' + names.map(escapeRegExp).join('|') + ')(?![\\p{L}\\p{N}])', 'giu');
      } catch (error) { pattern = null; }
      if (pattern) {
        for (const match of sentence.matchAll(pattern)) {
          if (match.index > last) fragment.appendChild(document.createTextNode(sentence.slice(last, match.index)));
          fragment.appendChild(el('mark', role.get(match[0].toLowerCase()) || 'source', match[0]));
          last = match.index + match[0].length;
        }
      }
    }
    if (last < sentence.length) fragment.appendChild(document.createTextNode(sentence.slice(last)));
    return fragment;
  }

  function showEdge(e) {
    const edge = edges[e];
    const box = detailsBox();
    box.dataset.kind = 'edge';
    box.dataset.id = edge.id;
    box.appendChild(el('h3', 'label', edge.relation || edge.label || edge.kind));
    const line = el('p', 'kindline');
    line.appendChild(swatch(palette.kinds[kindNames[kindOf[e]]].stroke));
    line.appendChild(document.createTextNode(edge.kind + (edge.event_class ? ' \u00b7 ' + edge.event_class : '')));
    box.appendChild(line);
    const ends = el('ul', 'linklist');
    [[src[e], 'from'], [tgt[e], 'to']].forEach(function (pair) {
      const item = el('li');
      item.appendChild(linkButton(pair[1] + ' ' + nodes[pair[0]].label, nodes[pair[0]].type,
        function () { select({ kind: 'node', index: pair[0] }, true); }));
      ends.appendChild(item);
    });
    box.appendChild(ends);
    const list = el('dl');
    addRow(list, 'Label', edge.label);
    addRow(list, 'Weight', edge.weight);
    addRow(list, 'Documents', edge.documents);
    addRow(list, 'Date', edge.date);
    addRow(list, 'First seen', edge.first_seen);
    addRow(list, 'Last seen', edge.last_seen);
    if (edge.evidence_document) {
      addRow(list, 'Evidence in', edge.evidence_document
        + (typeof edge.evidence_start === 'number' ? ' [' + edge.evidence_start + '\u2013' + edge.evidence_end + ')' : ''));
    }
    addRow(list, 'Id', edge.id);
    box.appendChild(list);
    if (edge.evidence) {
      box.appendChild(el('h4', null, 'Evidence'));
      const quote = el('blockquote', 'evidence');
      quote.appendChild(evidenceFragment(edge.evidence, e));
      box.appendChild(quote);
    }
  }

  function select(next, centre) {
    selection = next;
    if (!next) {
      const box = document.getElementById('details');
      box.hidden = true;
      box.replaceChildren();
    } else if (next.kind === 'node') {
      showNode(next.index);
      if (centre) centreOn(next.index);
    } else {
      showEdge(next.index);
      if (centre) {
        const g = edgeGeometry(next.index);
        if (g.mx < 0 || g.my < 0 || g.mx > view.width || g.my > view.height) {
          view.tx += view.width / 2 - g.mx;
          view.ty += view.height / 2 - g.my;
          view.userMoved = true;
        }
      }
    }
    contentChanged();
  }

  function centreOn(i) {
    view.k = Math.max(view.k, 0.9);
    view.tx = view.width / 2 - x[i] * view.k;
    view.ty = view.height / 2 - y[i] * view.k;
    view.userMoved = true;
  }

  // ---------------------------------------------------------------- search

  function rank(i, query) {
    const label = searchLabel[i];
    if (label === query) return 0;
    const aliases = searchAliases[i];
    if (aliases.indexOf(query) >= 0) return 1;
    if (label.startsWith(query)) return 2;
    if (aliases.some(function (a) { return a.startsWith(query); })) return 3;
    if (label.indexOf(' ' + query) >= 0) return 4;
    if (label.indexOf(query) >= 0) return 5;
    if (aliases.some(function (a) { return a.indexOf(query) >= 0; })) return 6;
    return -1;
  }

  function findNodes(text) {
    const query = normalised(text).trim();
    if (!query) return [];
    const found = [];
    for (let i = 0; i < N; i++) {
      const r = rank(i, query);
      if (r >= 0) found.push([r, i]);
    }
    found.sort(function (a, b) { return a[0] - b[0] || (nodes[b[1]].mentions || 0) - (nodes[a[1]].mentions || 0) || a[1] - b[1]; });
    return found.map(function (pair) { return pair[1]; });
  }

  const searchBox = document.getElementById('search');
  const resultList = document.getElementById('search-results');
  function showResults() {
    searchMatches = findNodes(searchBox.value);
    resultList.replaceChildren();
    searchMatches.slice(0, 10).forEach(function (i, n) {
      const item = el('li');
      const button = linkButton(nodes[i].label, nodes[i].type, function () { chooseResult(i); });
      if (n === 0) button.classList.add('active');
      item.appendChild(button);
      resultList.appendChild(item);
    });
    if (searchBox.value.trim() && searchMatches.length === 0) resultList.appendChild(el('li', 'muted', 'No name or alias matches.'));
    else if (searchMatches.length > 10) resultList.appendChild(el('li', 'muted', (searchMatches.length - 10) + ' more matches'));
    contentChanged();
  }

  function chooseResult(i) {
    if (!nodeVisible[i]) {  // a filtered-out node would be selected invisibly: show its type again
      filters.types.add(typeNames[typeOf[i]]);
      const box = document.querySelector('#type-filters input[data-name="' + typeNames[typeOf[i]] + '"]');
      if (box) box.checked = true;
      updateVisibility();
    }
    if (!nodeVisible[i] && dates.length) {  // hidden by the date range: open it fully
      dateFrom.value = '0';
      dateTo.value = String(dates.length - 1);
      datesChanged();
    }
    select({ kind: 'node', index: i }, true);
  }

  searchBox.addEventListener('input', showResults);
  searchBox.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && searchMatches.length) { event.preventDefault(); chooseResult(searchMatches[0]); }
    if (event.key === 'Escape') { searchBox.value = ''; showResults(); }
  });

  // ---------------------------------------------------------------- filters and legend

  function legendCanvas(drawSample) {
    const sample = document.createElement('canvas');
    const ratio = window.devicePixelRatio || 1;
    sample.width = 30 * ratio; sample.height = 18 * ratio;
    sample.style.width = '30px'; sample.style.height = '18px';
    const c = sample.getContext('2d');
    c.scale(ratio, ratio);
    drawSample(c);
    return sample;
  }

  function filterItem(list, name, count, sample, checked, onChange, note) {
    const item = el('li');
    const label = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = checked;
    box.dataset.name = name;
    box.addEventListener('change', function () { onChange(box.checked); });
    label.appendChild(box);
    label.appendChild(sample);
    label.appendChild(el('span', null, name));
    if (note) label.title = note;
    label.appendChild(el('span', 'count', count));
    item.appendChild(label);
    list.appendChild(item);
  }

  const typeCounts = typeNames.map(function (_, t) { let n = 0; for (let i = 0; i < N; i++) if (typeOf[i] === t) n++; return n; });
  const kindCounts = kindNames.map(function (_, k) { let n = 0; for (let e = 0; e < M; e++) if (kindOf[e] === k) n++; return n; });
  typeNames.forEach(function (name, t) {
    const style = palette.types[name];
    filterItem(document.getElementById('type-filters'), name, typeCounts[t], legendCanvas(function (c) {
      c.beginPath();
      shapePath(c, style.shape, 15, 9, 6.5);
      c.fillStyle = style.fill;
      c.fill();
      c.lineWidth = 0.9;
      c.strokeStyle = '#4b5363';
      c.stroke();
    }), true, function (on) {
      if (on) filters.types.add(name); else filters.types.delete(name);
      updateVisibility();
    });
  });

  kindNames.forEach(function (name, k) {
    const style = palette.kinds[name];
    filterItem(document.getElementById('kind-filters'), name, kindCounts[k], legendCanvas(function (c) {
      c.strokeStyle = style.stroke;
      c.lineWidth = Math.max(1, style.width * 1.2);
      c.setLineDash(dashFor(style.pattern, style.width));
      c.beginPath();
      c.moveTo(2, 9);
      c.lineTo(style.directed ? 21 : 28, 9);
      c.stroke();
      if (style.directed) {
        c.setLineDash([]);
        c.fillStyle = style.stroke;
        c.beginPath();
        c.moveTo(28, 9); c.lineTo(20, 5); c.lineTo(20, 13); c.closePath();
        c.fill();
      }
    }), filters.kinds.has(name), function (on) {
      if (on) filters.kinds.add(name); else filters.kinds.delete(name);
      updateVisibility();
      if (selection && selection.kind === 'node') showNode(selection.index);
    }, name === 'co_mention' ? 'same-sentence co-occurrence, hidden at first' : '');
  });

  const weights = Array.from(new Set(Array.from(weight))).sort(function (a, b) { return a - b; });
  const weightSlider = document.getElementById('min-weight');
  const weightValue = document.getElementById('min-weight-value');
  weightSlider.min = '0';
  weightSlider.max = String(Math.max(0, weights.length - 1));
  weightSlider.value = '0';
  weightSlider.disabled = weights.length < 2;
  function weightChanged() {
    const value = weights.length ? weights[Number(weightSlider.value)] : 0;
    filters.minWeight = weights.length && Number(weightSlider.value) > 0 ? value : -Infinity;
    weightValue.textContent = weights.length ? '\u2265 ' + value : '';
    updateVisibility();
  }
  weightSlider.addEventListener('input', weightChanged);

  const dateSection = document.getElementById('date-section');
  const dateFrom = document.getElementById('date-from');
  const dateTo = document.getElementById('date-to');
  const dateValue = document.getElementById('date-value');
  if (dates.length >= 1) {
    dateSection.hidden = false;
    dateFrom.max = dateTo.max = String(dates.length - 1);
    dateFrom.value = '0';
    dateTo.value = String(dates.length - 1);
    dateFrom.disabled = dateTo.disabled = dates.length < 2;
  }
  function datesChanged(event) {
    let from = Number(dateFrom.value), to = Number(dateTo.value);
    if (from > to) { if (event && event.target === dateFrom) dateTo.value = String(to = from); else dateFrom.value = String(from = to); }
    filters.dateFrom = dates[from];
    filters.dateTo = dates[to];
    dateValue.textContent = from === to ? dates[from] : dates[from] + ' \u2013 ' + dates[to];
    updateVisibility();
  }
  dateFrom.addEventListener('input', datesChanged);
  dateTo.addEventListener('input', datesChanged);
  weightChanged();
  if (dates.length) datesChanged();

  // ---------------------------------------------------------------- pointer

  const tooltip = document.getElementById('tooltip');
  const pointer = { down: false, moved: false, startX: 0, startY: 0, lastX: 0, lastY: 0, node: -1 };

  function localPoint(event) {
    const rect = canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  canvas.addEventListener('pointerdown', function (event) {
    const p = localPoint(event);
    canvas.setPointerCapture(event.pointerId);
    pointer.down = true; pointer.moved = false;
    pointer.startX = pointer.lastX = p[0];
    pointer.startY = pointer.lastY = p[1];
    pointer.node = pickNode(p[0], p[1]);
  });

  canvas.addEventListener('pointermove', function (event) {
    const p = localPoint(event);
    if (pointer.down) {
      if (!pointer.moved && Math.hypot(p[0] - pointer.startX, p[1] - pointer.startY) < 4) return;
      pointer.moved = true;
      canvas.classList.add('dragging');
      if (pointer.node >= 0) {
        const i = pointer.node;
        x[i] = (p[0] - view.tx) / view.k;
        y[i] = (p[1] - view.ty) / view.k;
        pinned[i] = 1;
        sceneVersion++;
      } else {
        view.tx += p[0] - pointer.lastX;
        view.ty += p[1] - pointer.lastY;
        view.interactingUntil = performance.now() + 160;
      }
      view.userMoved = true;
      pointer.lastX = p[0]; pointer.lastY = p[1];
      tooltip.hidden = true;
      requestDraw();
      return;
    }
    const hit = pick(p[0], p[1]);
    const changed = (hit && hit.index) !== (hover && hover.index) || (hit && hit.kind) !== (hover && hover.kind);
    hover = hit;
    canvas.classList.toggle('pointing', !!hit);
    if (hit) {
      tooltip.textContent = hit.kind === 'node'
        ? nodes[hit.index].label + ' (' + nodes[hit.index].type + ')'
        : nodes[src[hit.index]].label + ' \u2192 ' + nodes[tgt[hit.index]].label + ': ' + (edges[hit.index].relation || edges[hit.index].kind);
      tooltip.style.left = Math.min(p[0] + 14, view.width - 200) + 'px';
      tooltip.style.top = (p[1] + 14) + 'px';
      tooltip.hidden = false;
    } else {
      tooltip.hidden = true;
    }
    if (changed) requestDraw();
  });

  function pointerEnd(event) {
    if (!pointer.down) return;
    pointer.down = false;
    canvas.classList.remove('dragging');
    if (pointer.node >= 0 && !layout.settled) pinned[pointer.node] = 0;
    if (!pointer.moved) {
      const p = localPoint(event);
      select(pick(p[0], p[1]));
    }
  }
  canvas.addEventListener('pointerup', pointerEnd);
  canvas.addEventListener('pointercancel', function () { pointer.down = false; canvas.classList.remove('dragging'); });
  canvas.addEventListener('pointerleave', function () { if (!pointer.down) { tooltip.hidden = true; if (hover) { hover = null; requestDraw(); } } });

  canvas.addEventListener('wheel', function (event) {
    event.preventDefault();
    const p = localPoint(event);
    const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015));
    const k = Math.max(0.01, Math.min(12, view.k * factor));
    view.tx = p[0] - (p[0] - view.tx) * (k / view.k);
    view.ty = p[1] - (p[1] - view.ty) * (k / view.k);
    view.k = k;
    view.userMoved = true;
    view.interactingUntil = performance.now() + 160;
    requestDraw();
  }, { passive: false });

  document.getElementById('fit').addEventListener('click', function () { view.userMoved = false; fit(); requestDraw(); });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && document.activeElement !== searchBox) select(null);
  });
  window.addEventListener('resize', resize);

  // ---------------------------------------------------------------- hooks for tests and scripts

  function clientPoint(sx, sy) {
    const rect = canvas.getBoundingClientRect();
    return { x: rect.left + sx, y: rect.top + sy };
  }

  window.entityGraph = Object.freeze({
    nodeCount: function () { return N; },
    edgeCount: function () { return M; },
    /** Nodes and edges drawn by the last frame (after filters). */
    drawnNodeCount: function () { return drawnNodes; },
    drawnEdgeCount: function () { return drawnEdges; },
    settled: function () { return layout.settled; },
    /** Milliseconds from navigation start until the layout stopped, and of the layout alone. */
    settleTimeMs: function () { return layout.settledAt; },
    layoutTimeMs: function () { return layout.settledAt === null ? null : layout.settledAt - layout.startedAt; },
    layoutTicks: function () { return layout.ticks; },
    /** Where the time went: milliseconds in layout steps and in drawing, and the frames drawn. */
    timing: function () { return Object.assign({}, timing); },
    /** Types the text into the search box and selects the best match, as Enter does; returns its id. */
    search: function (text) {
      searchBox.value = text;
      showResults();
      if (!searchMatches.length) return null;
      chooseResult(searchMatches[0]);
      return nodes[searchMatches[0]].id;
    },
    selectNode: function (id) { const i = indexOfId.get(id); if (i === undefined) return false; select({ kind: 'node', index: i }, true); return true; },
    clearSelection: function () { select(null); },
    selectEdge: function (id) { const e = edgeIndexOfId.get(id); if (e === undefined) return false; select({ kind: 'edge', index: e }, true); return true; },
    selection: function () {
      if (!selection) return null;
      return { kind: selection.kind, id: selection.kind === 'node' ? nodes[selection.index].id : edges[selection.index].id };
    },
    /** Viewport coordinates of the middle of an edge as drawn now (null when it is not shown). */
    edgePoint: function (id) {
      const e = edgeIndexOfId.get(id);
      if (e === undefined || !edgeVisible[e]) return null;
      const g = edgeGeometry(e);
      return clientPoint(g.mx, g.my);
    },
    nodePoint: function (id) {
      const i = indexOfId.get(id);
      if (i === undefined || !nodeVisible[i]) return null;
      return clientPoint(screenX(i), screenY(i));
    },
    /** What a click at these viewport coordinates would select. */
    pickAt: function (clientX, clientY) {
      const rect = canvas.getBoundingClientRect();
      const hit = pick(clientX - rect.left, clientY - rect.top);
      if (!hit) return null;
      return { kind: hit.kind, id: hit.kind === 'node' ? nodes[hit.index].id : edges[hit.index].id };
    },
    visibleEdgeIds: function () { const ids = []; for (let e = 0; e < M; e++) if (edgeVisible[e]) ids.push(edges[e].id); return ids; },
  });

  updateVisibility();
  resize();
  if (layout.settled) status();
  requestDraw();
})();

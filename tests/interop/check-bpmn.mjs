// Opens each BPMN file given with the tools BPMN modellers are built on, and
// fails unless all three take it whole:
//   bpmn-moddle reads it with no warning (unknown elements, broken references);
//   bpmnlint's rules (.bpmnlintrc: the recommended set) report no error;
//   bpmn-js, run under jsdom, draws every flow node, sequence flow, text
//   annotation and association the file holds. bpmn-js leaves out an element
//   without diagram interchange without a word, so the drawn ones are counted.
// Usage: node check-bpmn.mjs FILE.bpmn...
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import BpmnModdle from 'bpmn-moddle';
import { JSDOM, VirtualConsole } from 'jsdom';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const here = dirname(fileURLToPath(import.meta.url));
const lintConfig = JSON.parse(readFileSync(join(here, '.bpmnlintrc'), 'utf8'));

// What bpmn-js needs of SVG that jsdom does not lay out: a bounding box,
// transform lists and matrices. Sizes are zero; only what is drawn is counted.
function svgShims(window) {
  class SVGMatrix {
    constructor(a = 1, b = 0, c = 0, d = 1, e = 0, f = 0) {
      Object.assign(this, { a, b, c, d, e, f });
    }
    multiply(m) {
      return new SVGMatrix(this.a * m.a + this.c * m.b, this.b * m.a + this.d * m.b,
        this.a * m.c + this.c * m.d, this.b * m.c + this.d * m.d,
        this.a * m.e + this.c * m.f + this.e, this.b * m.e + this.d * m.f + this.f);
    }
    inverse() { return new SVGMatrix(); }
    translate(x, y) { return this.multiply(new SVGMatrix(1, 0, 0, 1, x, y)); }
    scale(s) { return this.multiply(new SVGMatrix(s, 0, 0, s, 0, 0)); }
  }
  window.SVGMatrix = SVGMatrix;
  const matrix = () => new SVGMatrix();
  // Labels are measured on a canvas: a fixed advance per character will do.
  window.HTMLCanvasElement.prototype.getContext = function () {
    return {
      font: '',
      measureText: (text) => ({ width: 7 * String(text).length, actualBoundingBoxAscent: 9,
        actualBoundingBoxDescent: 3 }),
    };
  };
  const transform = () => ({
    type: 1, angle: 0, matrix: matrix(),
    setMatrix(m) { this.matrix = m; },
    setTranslate(x, y) { this.matrix = new SVGMatrix(1, 0, 0, 1, x, y); },
    setScale(x, y) { this.matrix = new SVGMatrix(x, 0, 0, y, 0, 0); },
    setRotate(a) { this.angle = a; },
  });
  window.structuredClone = structuredClone;
  const proto = window.SVGElement.prototype;
  proto.getBBox = function () { return { x: 0, y: 0, width: 0, height: 0 }; };
  proto.getScreenCTM = function () { return matrix(); };
  proto.getCTM = function () { return matrix(); };
  proto.getComputedTextLength = function () { return 0; };
  proto.createSVGMatrix = function () { return matrix(); };
  proto.createSVGTransform = function () { return transform(); };
  proto.createSVGTransformFromMatrix = function (m) { const t = transform(); t.matrix = m; return t; };
  Object.defineProperty(proto, 'transform', {
    configurable: true,
    get() {
      if (!this.__transform) {
        const items = [];
        const list = {
          get numberOfItems() { return items.length; },
          appendItem(t) { items.push(t); return t; },
          initialize(t) { items.length = 0; items.push(t); return t; },
          clear() { items.length = 0; },
          getItem(i) { return items[i]; },
          consolidate() { return items.length ? items[items.length - 1] : null; },
          createSVGTransformFromMatrix: proto.createSVGTransformFromMatrix,
        };
        this.__transform = { baseVal: list, animVal: list };
      }
      return this.__transform;
    },
  });
}

const viewerSource = readFileSync(
  join(here, 'node_modules/bpmn-js/dist/bpmn-viewer.development.js'), 'utf8');

// One window and one viewer for all the files: loading bpmn-js is most of the
// time. Each import clears the diagram before it; errors are kept per file.
let viewer = null;
const consoleErrors = [];

function theViewer() {
  if (viewer) return viewer;
  // What bpmn-js says on its console is an error it met drawing: kept as a problem.
  const virtualConsole = new VirtualConsole();
  const keep = (...args) => consoleErrors.push(args.map(String).join(' ').split('\n')[0]);
  virtualConsole.on('error', keep);
  virtualConsole.on('warn', keep);
  virtualConsole.on('jsdomError', (e) => consoleErrors.push(String(e.message)));
  const dom = new JSDOM('<!DOCTYPE html><html><body><div id="canvas"></div></body></html>', {
    runScripts: 'outside-only', pretendToBeVisual: true, virtualConsole,
  });
  const { window } = dom;
  svgShims(window);
  window.eval(viewerSource);
  viewer = new window.BpmnJS({ container: window.document.getElementById('canvas') });
  return viewer;
}

async function drawn(xml) {
  const v = theViewer();
  consoleErrors.length = 0;
  const { warnings } = await v.importXML(xml);
  const registry = v.get('elementRegistry');
  const count = (type) => registry.filter((e) => e.type === type).length;
  const counts = {
    flowNodes: registry.filter((e) => !e.labelTarget && e.businessObject &&
      e.businessObject.$instanceOf('bpmn:FlowNode')).length,
    sequenceFlows: count('bpmn:SequenceFlow'),
    textAnnotations: count('bpmn:TextAnnotation'),
    associations: count('bpmn:Association'),
  };
  return { warnings: [...warnings, ...consoleErrors.map((message) => ({ message }))], counts };
}

function inXml(definitions) {
  const counts = { flowNodes: 0, sequenceFlows: 0, textAnnotations: 0, associations: 0 };
  const visit = (container) => {
    for (const e of container.flowElements || []) {
      if (e.$instanceOf('bpmn:SequenceFlow')) counts.sequenceFlows++;
      else if (e.$instanceOf('bpmn:FlowNode')) counts.flowNodes++;
      if (e.$instanceOf('bpmn:SubProcess')) visit(e);
    }
    for (const a of container.artifacts || []) {
      if (a.$instanceOf('bpmn:TextAnnotation')) counts.textAnnotations++;
      if (a.$instanceOf('bpmn:Association')) counts.associations++;
    }
  };
  for (const root of definitions.rootElements || [])
    if (root.$instanceOf('bpmn:Process')) visit(root);
  return counts;
}

async function check(file) {
  const problems = [];
  const xml = readFileSync(file, 'utf8');

  const moddle = new BpmnModdle();
  const { rootElement: definitions, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
  for (const w of warnings) problems.push(`bpmn-moddle: ${w.message}`);

  const linter = new Linter({ config: lintConfig, resolver: new NodeResolver() });
  const reports = await linter.lint(definitions);
  const lintWarnings = [];
  for (const [rule, list] of Object.entries(reports))
    for (const r of list) {
      if (r.category === 'error') problems.push(`bpmnlint ${rule}: ${r.id}: ${r.message}`);
      else lintWarnings.push(`${rule} ${r.id}`);
    }

  const expected = inXml(definitions);
  const { warnings: importWarnings, counts } = await drawn(xml);
  for (const w of importWarnings) problems.push(`bpmn-js: ${w.message}`);
  for (const [what, n] of Object.entries(expected))
    if (counts[what] !== n) problems.push(`bpmn-js drew ${counts[what]} ${what} of the ${n} in the file`);

  const summary = `${expected.flowNodes} flow nodes, ${expected.sequenceFlows} sequence flows, ` +
    `${expected.textAnnotations} annotations` +
    (lintWarnings.length ? `; bpmnlint warnings: ${lintWarnings.join(', ')}` : '');
  return { problems, summary };
}

let failed = 0;
for (const file of process.argv.slice(2)) {
  try {
    const { problems, summary } = await check(file);
    if (problems.length) {
      failed++;
      console.log(`FAIL ${file}`);
      for (const p of problems) console.log(`  ${p}`);
    } else {
      console.log(`ok   ${file}: ${summary}`);
    }
  } catch (e) {
    failed++;
    console.log(`FAIL ${file}: ${e && e.stack ? e.stack : e}`);
  }
}
if (process.argv.length < 3) {
  console.error('usage: node check-bpmn.mjs FILE.bpmn...');
  process.exit(2);
}
process.exit(failed ? 1 : 0);

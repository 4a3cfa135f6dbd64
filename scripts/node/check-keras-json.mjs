// Loads a Keras 2 model config (model.to_json() layout) with TensorFlow.js and prints every
// layer's name, class and output shape, one JSON line per file: {"file","ok","layers":[{"name","class","outputShape"}]}.
// Usage: node check-keras-json.mjs MODEL.json...
// Two stand-ins are registered because tfjs has no such layers: "LRN" (a custom Keras layer
// the paper2code emitter writes for local response normalisation; computed here with
// tf.localResponseNormalization) and "Lambda" (paper2code never copies Lambda code, so the
// config carries no function; the stand-in is the identity the graph documents).
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';

class LRN extends tf.layers.Layer {
  static className = 'LRN';
  constructor(config) {
    super(config);
    this.cfg = config;
  }
  computeOutputShape(inputShape) {
    return inputShape;
  }
  call(inputs) {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const n = this.cfg.localSize ?? 5;
    return tf.localResponseNormalization(x, Math.floor((n - 1) / 2), this.cfg.k ?? 1,
      (this.cfg.alpha ?? 1e-4) / n, this.cfg.beta ?? 0.75);
  }
  getConfig() {
    return { ...super.getConfig(), localSize: this.cfg.localSize, alpha: this.cfg.alpha, beta: this.cfg.beta, k: this.cfg.k };
  }
}

class Lambda extends tf.layers.Layer {
  static className = 'Lambda';
  constructor(config) {
    super(config);
    this.outShape = config.outputShape;
  }
  computeOutputShape(inputShape) {
    return this.outShape ? [inputShape[0], ...this.outShape] : inputShape;
  }
  call(inputs) {
    return Array.isArray(inputs) ? inputs[0] : inputs;
  }
}

// tfjs's Orthogonal initializer (the Keras default for recurrent kernels) runs a pure-JS QR
// decomposition: over 100 s for a 256-unit LSTM. Shapes do not depend on initial values, so
// recurrent kernels start Glorot-uniform here.
function fastRecurrentInit(node) {
  if (Array.isArray(node)) {
    node.forEach(fastRecurrentInit);
  } else if (node && typeof node === 'object') {
    if (['LSTM', 'GRU', 'SimpleRNN'].includes(node.class_name) && node.config) {
      node.config.recurrent_initializer = { class_name: 'GlorotUniform', config: {} };
    }
    Object.values(node).forEach(fastRecurrentInit);
  }
}

tf.serialization.registerClass(LRN);
tf.serialization.registerClass(Lambda);

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check-keras-json.mjs MODEL.json...');
  process.exit(2);
}
// one JSON line per file, in order: {"file","ok","name","layers"} or {"file","ok":false,"error"}
let failed = 0;
for (const file of files) {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    fastRecurrentInit(json);
    const model = await tf.models.modelFromJSON(json);
    const layers = model.layers.map(l => ({ name: l.name, class: l.getClassName(), outputShape: l.outputShape }));
    console.log(JSON.stringify({ file, ok: true, name: model.name, layers }));
    model.dispose();
  } catch (e) {
    failed++;
    console.log(JSON.stringify({ file, ok: false, error: String(e && e.message ? e.message : e) }));
  }
}
process.exit(failed ? 1 : 0);

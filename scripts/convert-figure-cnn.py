#!/usr/bin/python3
"""Converts the pretrained MobileNetV2 that the npm package nsfwjs 4.4.0 ships (MIT, Infinite Red;
a Keras MobileNetV2, ImageNet weights up to block 10 and fine-tuned after) to the ONNX image
embedding models/classifier/figure-cnn.onnx that FigureEmbedding runs with OpenCV dnn.

By default the network is cut after its last convolution (out_relu, 1280 channels) and global-average
pooled, plus the pooled output of block 10 (96 channels, the last block still at its ImageNet
weights): 1376 numbers per figure. TAPS (comma-separated Keras layer names) picks other layers
instead: each is global-average pooled, in the order given, and the network is cut after the
last one. The classification head is dropped. Input [1, 3, S, S], RGB in [0, 1].

Usage: convert-figure-cnn.py NSFWJS_PACKAGE_DIR OUT.onnx [SIZE [TAPS]]
  (NSFWJS_PACKAGE_DIR = the `package` folder of `npm pack nsfwjs@4.4.0`, unpacked; node reads
  the model files, which are JavaScript modules.) Weights are uint8-quantised in the package and
  dequantised here (min + q * scale), exactly as TensorFlow.js does when it loads them.
"""
import base64
import json
import subprocess
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

PKG, OUT = sys.argv[1], sys.argv[2]
SIZE = int(sys.argv[3]) if len(sys.argv) > 3 else 224
MODEL = PKG + '/dist/models/mobilenet_v2/'
TAPS = sys.argv[4].split(',') if len(sys.argv) > 4 else ['out_relu', 'block_10_project_BN']

js = ('const m=require(%s);const w=require(%s);process.stdout.write(JSON.stringify({m:m,w:w}))'
      % (json.dumps(MODEL + 'model.min.js'), json.dumps(MODEL + 'group1-shard1of1.min.js')))
dump = json.loads(subprocess.run(['node', '-e', js], check=True, capture_output=True).stdout)
layers = dump['m']['modelTopology']['model_config']['config']['layers']
raw = np.frombuffer(base64.b64decode(dump['w']), dtype=np.uint8)
weights, at = {}, 0
for spec in dump['m']['weightsManifest'][0]['weights']:
    q = spec['quantization']
    assert q['dtype'] == 'uint8', spec
    count = int(np.prod(spec['shape']))
    weights[spec['name']] = (raw[at:at + count].astype(np.float64) * q['scale'] + q['min']).astype(np.float32).reshape(spec['shape'])
    at += count
assert at == len(raw), (at, len(raw))


def t(a):
    return torch.from_numpy(np.ascontiguousarray(a))


class Keras(nn.Module):
    """Runs the Keras layer graph up to CUT in NCHW."""

    def __init__(self):
        super().__init__()
        self.order, self.ops = [], nn.ModuleDict()
        self.kind, self.inputs, self.cfg = {}, {}, {}
        for l in layers:
            name, kind, c = l['name'], l['class_name'], l['config']
            self.kind[name], self.cfg[name] = kind, c
            self.inputs[name] = [n[0] for n in l['inbound_nodes'][0]] if l['inbound_nodes'] else []
            self.order.append(name)
            key = name.replace('/', '_')
            if kind == 'Conv2D':
                k = weights[name + '/kernel']
                conv = nn.Conv2d(k.shape[2], k.shape[3], k.shape[:2], c['strides'], bias=c['use_bias'],
                                 padding=(k.shape[0] // 2) if c['padding'] == 'same' else 0)
                conv.weight.data = t(k.transpose(3, 2, 0, 1))
                if c['use_bias']:
                    conv.bias.data = t(weights[name + '/bias'])
                self.ops[key] = conv
            elif kind == 'DepthwiseConv2D':
                k = weights[name + '/depthwise_kernel']
                ch = k.shape[2] * k.shape[3]
                conv = nn.Conv2d(k.shape[2], ch, k.shape[:2], c['strides'], groups=k.shape[2], bias=c['use_bias'],
                                 padding=(k.shape[0] // 2) if c['padding'] == 'same' else 0)
                conv.weight.data = t(k.transpose(2, 3, 0, 1).reshape(ch, 1, k.shape[0], k.shape[1]))
                self.ops[key] = conv
            elif kind == 'BatchNormalization':
                bn = nn.BatchNorm2d(weights[name + '/gamma'].shape[0], eps=c['epsilon'])
                bn.weight.data, bn.bias.data = t(weights[name + '/gamma']), t(weights[name + '/beta'])
                bn.running_mean.data = t(weights[name + '/moving_mean'])
                bn.running_var.data = t(weights[name + '/moving_variance'])
                self.ops[key] = bn
            if all(tap in self.kind for tap in TAPS):
                break

    def forward(self, x):
        v = {}
        for name in self.order:
            kind, c = self.kind[name], self.cfg[name]
            args = [v[i] for i in self.inputs[name]]
            if kind == 'InputLayer':
                y = x
            elif kind == 'ZeroPadding2D':
                (top, bottom), (left, right) = c['padding']
                y = F.pad(args[0], (left, right, top, bottom))
            elif kind in ('Conv2D', 'DepthwiseConv2D', 'BatchNormalization'):
                y = self.ops[name.replace('/', '_')](args[0])
            elif kind == 'ReLU':
                y = torch.clamp(args[0], 0, c['max_value']) if c.get('max_value') else F.relu(args[0])
            elif kind == 'Add':
                y = args[0] + args[1]
            else:
                raise ValueError('layer kind not handled: %s (%s)' % (kind, name))
            v[name] = y
        return torch.cat([v[tap].mean((2, 3)) for tap in TAPS], 1)


net = Keras().eval()
with torch.no_grad():
    e = net(torch.rand(1, 3, SIZE, SIZE, generator=torch.Generator().manual_seed(0)))
torch.onnx.export(net, torch.zeros(1, 3, SIZE, SIZE), OUT, input_names=['image'], output_names=['embedding'], opset_version=11)
print('convert-figure-cnn: %d weights, embedding %s, wrote %s' % (sum(p.numel() for p in net.state_dict().values()), tuple(e.shape), OUT))

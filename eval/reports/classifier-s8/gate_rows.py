"""Writes the gate experiment's rows (TrainClassifier's layout for train-classifier-linear.py): the synthetic rows of a
TrainClassifier cache file (features + embedding) and the real rows of a classifier-linear folder.
Usage: gate_rows.py CACHE.bin REAL_DIR OUT_DIR"""
import os
import struct
import sys
import numpy as np

cache, real_dir, out = sys.argv[1:4]
with open(cache, 'rb') as f:
    n, d = struct.unpack('>ii', f.read(8))
    ids, ys, xs = [], [], []
    for _ in range(n):
        ln, = struct.unpack('>H', f.read(2))
        ids.append(f.read(ln).decode('utf-8'))
        ys.append(struct.unpack('>i', f.read(4))[0])
        xs.append(np.frombuffer(f.read(4 * d), dtype='>f4'))
rows = [l for l in open(real_dir + '/rows.tsv') if l.startswith('real')]
allrows = [l.rstrip('\n').split('\t') for l in open(real_dir + '/rows.tsv')]
X = np.fromfile(real_dir + '/features.f32', dtype='>f4').reshape(len(allrows), -1)
real = X[[i for i, r in enumerate(allrows) if r[0] == 'real']]
assert real.shape[1] == d, (real.shape, d)
os.makedirs(out, exist_ok=True)
np.vstack([np.array(xs), real]).astype('>f4').tofile(out + '/features.f32')
with open(out + '/rows.tsv', 'w') as f:
    for i in range(n):
        f.write('synthetic\t%s\t%d\t-1\n' % (ids[i], ys[i]))
    f.writelines(rows)
print('%d synthetic + %d real rows x %d' % (n, len(rows), d))

# Experiment copy of the patched scripts/train-classifier-mlp.py that trains only the pair models [LO, HI) (same seeds) and writes
# their inner answers to OUT: run in 3 processes to finish in time. Usage (beside the patched scripts/classifier_folds.py): mlp_pairs.py DIR x LO HI OUT.tsv
#!/usr/bin/python3
"""The style classifier's second model: a small MLP over the same FigureFeatures as the forest.

Called by TrainClassifier (scripts/train-classifier), which writes DIR/features.f32 (big-endian
float32, rows x columns), DIR/rows.tsv (set, id, style ordinal, fold) and reads back
  DIR/oof.tsv      held-out probabilities of every real figure (fold k scored by the model
                   trained on the synthetic figures + the real figures of the other folds)
  DIR/pairs.tsv    per outer fold k, every real figure of another fold j scored by the model trained
                   without folds j and k (outer, id, probabilities): the inner held-out answers on which
                   TrainClassifier chooses the architecture gate's blend weight for fold k (nested)
  OUT              the final model (synthetic + all real) as ONNX: raw features in, style
                   probabilities out (standardisation and softmax are inside the graph), run
                   in Java by OpenCV's dnn module: no Python at run time.
Deterministic: one thread, seeds fixed per fold, no data-dependent threading.
Usage: train-classifier-mlp.py DIR OUT.onnx [real_weight hidden weight_decay epochs]
"""
import os
import sys
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from classifier_folds import pairs, write_rows  # noqa: E402

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)

D, OUT = sys.argv[1], sys.argv[2]
REAL_WEIGHT, HIDDEN, WEIGHT_DECAY, EPOCHS = 10.0, 128, 1e-3, 30
rows = [l.rstrip('\n').split('\t') for l in open(D + '/rows.tsv', encoding='utf-8')]
n = len(rows)
X = np.fromfile(D + '/features.f32', dtype='>f4').reshape(n, -1).astype(np.float32)
kind = np.array([r[0] for r in rows])
y = np.array([int(r[2]) for r in rows])
fold = np.array([int(r[3]) for r in rows])
syn = np.where(kind == 'synthetic')[0]
real = np.where(kind == 'real')[0]
# standardise by the synthetic training figures (always present, never changes with the fold)
MU = X[syn].mean(0)
SD = X[syn].std(0) + 1e-6
CLIP = 6.0


class Mlp(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.register_buffer('mu', torch.from_numpy(MU))
        self.register_buffer('sd', torch.from_numpy(SD))
        self.body = nn.Sequential(nn.Linear(d, HIDDEN), nn.ReLU(), nn.Dropout(0.2),
                                  nn.Linear(HIDDEN, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, 6))

    def logits(self, x):
        return self.body(torch.clamp((x - self.mu) / self.sd, -CLIP, CLIP))

    def forward(self, x):
        return torch.softmax(self.logits(x), 1)


def train(idx, seed):
    torch.manual_seed(seed)
    net = Mlp(X.shape[1])
    opt = torch.optim.AdamW(net.parameters(), 1e-3, weight_decay=WEIGHT_DECAY)
    xt = torch.from_numpy(X[idx])
    yt = torch.from_numpy(y[idx])
    # real figures are few and what the model is for: each counts REAL_WEIGHT synthetic ones
    w = torch.from_numpy(np.where(kind[idx] == 'real', REAL_WEIGHT, 1.0).astype(np.float32))
    g = torch.Generator().manual_seed(seed)
    net.train()
    for _ in range(EPOCHS):
        perm = torch.randperm(len(idx), generator=g)
        for j in range(0, len(idx), 128):
            b = perm[j:j + 128]
            loss = F.cross_entropy(net.logits(xt[b]), yt[b], reduction='none', label_smoothing=0.05)
            loss = (loss * w[b]).sum() / w[b].sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
    net.eval()
    return net


folds = sorted(set(fold[real].tolist()))
LO, HI, OUTP = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
inner = []
for j, k in pairs(folds)[LO:HI]:
    net = train(np.concatenate([syn, real[(fold[real] != j) & (fold[real] != k)]]), seed=1000 + 100 * j + k)
    for outer, scored in ((k, j), (j, k)):
        te = real[fold[real] == scored]
        with torch.no_grad():
            p = net(torch.from_numpy(X[te])).numpy()
        inner += [(outer, rows[i][1], row) for i, row in zip(te, p)]
write_rows(OUTP, inner)

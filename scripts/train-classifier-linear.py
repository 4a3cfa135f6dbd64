#!/usr/bin/python3
"""The style classifier's third model: multinomial logistic regression over the FigureFeatures
followed by the figure's CNN embedding (FigureEmbedding), trained on the hand-labelled REAL
figures only (the synthetic ones taught the forest and the MLP; this model is there for the
synthetic-to-real gap).

Called by TrainClassifier (scripts/train-classifier), which writes DIR/features.f32 (big-endian
float32, rows x columns) and DIR/rows.tsv (set, id, style ordinal, fold; only real rows) and reads back
  DIR/oof.tsv      held-out probabilities of every real figure (fold k scored by the model
                   trained on the real figures of the other folds)
  OUT              the final model (all real figures) as ONNX: raw vector in, style probabilities
                   out (standardisation, clipping and softmax inside), run in Java by OpenCV dnn.
The L2 strength is chosen from L2_GRID by leave-one-fold-out inside the training folds (nested:
the held-out fold never takes part in choosing it); the final model's by the same search over all folds.
Deterministic: one thread, full-batch L-BFGS from zeros in float64.
Usage: train-classifier-linear.py DIR OUT.onnx
"""
import sys
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.use_deterministic_algorithms(True)

D, OUT = sys.argv[1], sys.argv[2]
L2_GRID = (3e-3, 1e-2, 3e-2, 1e-1)
CLIP = 6.0
STYLES = 6
rows = [l.rstrip('\n').split('\t') for l in open(D + '/rows.tsv', encoding='utf-8')]
n = len(rows)
X = np.fromfile(D + '/features.f32', dtype='>f4').reshape(n, -1).astype(np.float64)
y = np.array([int(r[2]) for r in rows])
fold = np.array([int(r[3]) for r in rows])


def standardiser(idx):
    mu = X[idx].mean(0)
    sd = X[idx].std(0) + 1e-3  # constant columns (e.g. an unused channel) stay 0 after scaling
    return mu, sd


def fit(idx, l2):
    mu, sd = standardiser(idx)
    xt = torch.from_numpy(np.clip((X[idx] - mu) / sd, -CLIP, CLIP))
    yt = torch.from_numpy(y[idx])
    w = torch.zeros(X.shape[1], STYLES, dtype=torch.float64, requires_grad=True)
    b = torch.zeros(STYLES, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=300, line_search_fn='strong_wolfe')

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(xt @ w + b, yt) + l2 * (w * w).sum()
        loss.backward()
        return loss

    opt.step(closure)
    return mu, sd, w.detach().numpy(), b.detach().numpy()


def predict(model, idx):
    mu, sd, w, b = model
    z = np.clip((X[idx] - mu) / sd, -CLIP, CLIP) @ w + b
    z -= z.max(1, keepdims=True)
    p = np.exp(z)
    return p / p.sum(1, keepdims=True)


def choose_l2(idx):
    """The grid's L2 with the most right answers, leaving out one fold of idx at a time (ties: the stronger L2)."""
    best, best_right = None, -1
    for l2 in sorted(L2_GRID, reverse=True):
        right = 0
        for k in sorted(set(fold[idx].tolist())):
            tr, te = idx[fold[idx] != k], idx[fold[idx] == k]
            right += int((predict(fit(tr, l2), te).argmax(1) == y[te]).sum())
        if right > best_right:
            best, best_right = l2, right
    return best


everything = np.arange(n)
folds = sorted(set(fold.tolist()))
oof = np.zeros((n, STYLES))
chosen = []
for k in folds:
    tr, te = everything[fold != k], everything[fold == k]
    l2 = choose_l2(tr)
    chosen.append(l2)
    oof[te] = predict(fit(tr, l2), te)
with open(D + '/oof.tsv', 'w', encoding='utf-8') as out:
    for i in range(n):
        out.write(rows[i][1] + '\t' + '\t'.join('%.6f' % v for v in oof[i]) + '\n')
final_l2 = choose_l2(everything)
mu, sd, w, b = fit(everything, final_l2)


class Linear(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer('mu', torch.from_numpy(mu.astype(np.float32)))
        self.register_buffer('sd', torch.from_numpy(sd.astype(np.float32)))
        self.register_buffer('w', torch.from_numpy(w.astype(np.float32)))
        self.register_buffer('b', torch.from_numpy(b.astype(np.float32)))

    def forward(self, x):
        return torch.softmax(torch.clamp((x - self.mu) / self.sd, -CLIP, CLIP) @ self.w + self.b, 1)


torch.onnx.export(Linear().eval(), torch.zeros(1, X.shape[1]), OUT, input_names=['features'], output_names=['probabilities'],
                  opset_version=13, dynamic_axes={'features': {0: 'n'}, 'probabilities': {0: 'n'}})
print('train-classifier-linear: %d real figures x %d inputs, %d folds, L2 per fold %s, final L2 %g, wrote %s'
      % (n, X.shape[1], len(folds), chosen, final_l2, OUT))

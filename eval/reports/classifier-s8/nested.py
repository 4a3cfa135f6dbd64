"""Session 8: the architecture gate's blend weight chosen inside the training folds (nested), scored on the real folds.

Reads held-out ("oof") and inner ("pairs": per outer fold k, fold j's figures scored by a model trained without folds j
and k) answers written by scripts/train-classifier-mlp.py and scripts/train-classifier-linear.py, and the forest's
held-out answers; same blend rule and weight choice as ArchitectureGate.blend / chooseWeight.
Usage: nested.py ROWS.tsv FOREST_OOF MLP_DIR LINEAR_DIR
"""
import sys
import numpy as np

STYLES = ['neurons', '2d-box', 'stacked-2d-box', '3d-box', 'pipeline', 'other']
OTHER = 5
WEIGHTS = (0, 0.25, 0.5, 0.75, 1)
rows_file, forest_file, mlp_dir, lin_dir = sys.argv[1:5]
rows = [l.rstrip('\n').split('\t') for l in open(rows_file) if l.startswith('real')]
ids = [r[1] for r in rows]
index = {r: i for i, r in enumerate(ids)}
y = np.array([int(r[2]) for r in rows])
fold = np.array([int(r[3]) for r in rows])
n = len(ids)
folds = sorted(set(fold.tolist()))


def oof(path, cols):
    out = np.full((n, cols), np.nan)
    for l in open(path):
        t = l.rstrip('\n').split('\t')
        out[index[t[0]]] = [float(v) for v in t[1:1 + cols]]
    return out


def inner(path, cols):
    out = np.full((len(folds), n, cols), np.nan)
    for l in open(path):
        t = l.rstrip('\n').split('\t')
        out[int(t[0]), index[t[1]]] = [float(v) for v in t[2:2 + cols]]
    return out


def blend(p, arch, w):
    other = w * (1 - arch) + (1 - w) * p[:, OTHER]
    styles = 1 - p[:, OTHER]
    q = p * np.where(styles > 0, (1 - other) / np.where(styles > 0, styles, 1), 0)[:, None]
    q[styles <= 0, :OTHER] = ((1 - other) / OTHER)[styles <= 0, None]
    q[:, OTHER] = other
    return q


def argmax(p):
    return p.argmax(1)  # first maximum in style order, like StyleModel.argmax


def right(p, truth):
    g = argmax(p)
    return int((g == truth).sum()), int(((g == OTHER) == (truth == OTHER)).sum())


def choose(p, arch, truth):
    best, best_right = WEIGHTS[0], -1
    for w in WEIGHTS:
        r = sum(right(blend(p, arch, w), truth))
        if r > best_right:
            best, best_right = w, r
    return best


forest = oof(forest_file, 6)
mlp, lin = oof(mlp_dir + '/oof.tsv', 6), oof(lin_dir + '/oof.tsv', 6)
gate = oof(lin_dir + '/gate-oof.tsv', 1)[:, 0]
import os
mlp_in = inner(mlp_dir + '/pairs.tsv', 6) if os.path.exists(mlp_dir + '/pairs.tsv') else None
lin_in = inner(lin_dir + '/pairs.tsv', 6)
gate_in = inner(lin_dir + '/gate-pairs.tsv', 1)[:, :, 0]
avg = (forest + mlp + lin) / 3


def report(name, p):
    s, b = right(p, y)
    print('%-70s six-way %d/%d = %.1f%%  arch-vs-other %d/%d = %.1f%%' % (name, s, n, 100 * s / n, b, n, 100 * b / n))


def confusion(p):
    m = np.zeros((6, 6), int)
    for t, g in zip(y, argmax(p)):
        m[t, g] += 1
    return m


report('forest alone', forest)
report('MLP alone', mlp)
report('regression alone', lin)
report('baseline: forest + MLP + regression averaged', avg)
print('gate alone arch-vs-other %d/%d' % (int(((gate >= 0.5) == (y != OTHER)).sum()), n))
for w in WEIGHTS:
    report('fixed w = %g (picked on these folds: not an estimate)' % w, blend(avg, gate, w))
# nested: fold k's w chosen on the other folds' figures, scored by models trained without their fold and fold k
variants = {'nested, inner = regression (+ gate)': lambda k, m: lin_in[k][m]}
if mlp_in is not None:
    variants['nested, inner = MLP + regression (+ gate)'] = lambda k, m: (mlp_in[k][m] + lin_in[k][m]) / 2
    variants['inner = outer forest answers + MLP + regression inner (forest part saw fold k: leaky)'] = \
        lambda k, m: (forest[m] + mlp_in[k][m] + lin_in[k][m]) / 3
results = {}
for name, inner_avg in variants.items():
    wk = {}
    for k in folds:
        m = fold != k
        wk[k] = choose(inner_avg(k, m), gate_in[k][m], y[m])
    p = np.vstack([blend(avg[i:i + 1], gate[i:i + 1], wk[fold[i]]) for i in range(n)])
    results[name] = p
    report(name + ' w per fold ' + str([wk[k] for k in folds]), p)
final_w = choose(avg, gate, y)
print('final w (same rule on all held-out answers):', final_w)
main = results['nested, inner = MLP + regression (+ gate)' if mlp_in is not None else 'nested, inner = regression (+ gate)']
print('\nconfusion, baseline (rows truth, columns predicted: %s)' % ', '.join(STYLES))
print(confusion(avg))
print('confusion, nested gate')
print(confusion(main))
gb, gn = argmax(avg), argmax(main)
print('\nfixed by the gate:', ', '.join('%s (%s)' % (ids[i], STYLES[y[i]]) for i in range(n) if gb[i] != y[i] and gn[i] == y[i]))
print('broken by the gate:', ', '.join('%s (%s -> %s)' % (ids[i], STYLES[y[i]], STYLES[gn[i]]) for i in range(n) if gb[i] == y[i] and gn[i] != y[i]))

"""Learning curve of the real-only regression: out-of-fold accuracy vs. number of real training papers."""
import sys, numpy as np, torch, torch.nn.functional as F
torch.set_num_threads(1)
D = sys.argv[1]
CLIP = 6.0; STYLES = 6; L2 = 0.01
rows = [l.rstrip('\n').split('\t') for l in open(D + '/rows.tsv', encoding='utf-8')]
n = len(rows)
X = np.fromfile(D + '/features.f32', dtype='>f4').reshape(n, -1).astype(np.float64)
y = np.array([int(r[2]) for r in rows]); fold = np.array([int(r[3]) for r in rows])
# paper of a figure: the fold dealing is by paper; use the id prefix up to the figure marker as the paper key
def paper(i):
    s = rows[i][1]
    if s.startswith('pdf_'):
        return s.rsplit('_p', 1)[0]
    return s
papers = np.array([paper(i) for i in range(n)])
def fit(idx):
    mu = X[idx].mean(0); sd = X[idx].std(0) + 1e-3
    xt = torch.from_numpy(np.clip((X[idx] - mu) / sd, -CLIP, CLIP)); yt = torch.from_numpy(y[idx])
    w = torch.zeros(X.shape[1], STYLES, dtype=torch.float64, requires_grad=True)
    b = torch.zeros(STYLES, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.LBFGS([w, b], max_iter=300, line_search_fn='strong_wolfe')
    def closure():
        opt.zero_grad(); loss = F.cross_entropy(xt @ w + b, yt) + L2 * (w * w).sum(); loss.backward(); return loss
    opt.step(closure)
    return mu, sd, w.detach().numpy(), b.detach().numpy()
def predict(m, idx):
    mu, sd, w, b = m
    return (np.clip((X[idx] - mu) / sd, -CLIP, CLIP) @ w + b).argmax(1)
OTHER = 5
rng = np.random.default_rng(5)
for frac in (0.125, 0.25, 0.5, 0.75, 1.0):
    six, arch, tot, ntr = 0, 0, 0, []
    for rep in range(5 if frac < 1 else 1):
        for k in sorted(set(fold.tolist())):
            te = np.where(fold == k)[0]
            tr_all = np.where(fold != k)[0]
            # subsample whole training figures' groups (units: the standalone figures and pdf papers)
            units = sorted(set(papers[tr_all].tolist()))
            keep = set(rng.permutation(units)[:max(1, int(round(frac * len(units))))].tolist())
            tr = np.array([i for i in tr_all if papers[i] in keep])
            if len(set(y[tr].tolist())) < STYLES:
                pass
            p = predict(fit(tr), te)
            six += int((p == y[te]).sum()); arch += int(((p == OTHER) == (y[te] == OTHER)).sum()); tot += len(te); ntr.append(len(tr))
    print('fraction %.2f  mean training figures %.0f  six-way %.1f%%  arch-vs-other %.1f%%' % (frac, np.mean(ntr), 100 * six / tot, 100 * arch / tot), flush=True)

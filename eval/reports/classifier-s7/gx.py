import sys, numpy as np
sys.argv=['x','/tmp/s7c/real','/dev/null']
exec(open('/work/wt-s7-classify/scripts/train-classifier-linear.py').read().split('everything = np.arange(n)')[0])
everything=np.arange(n); folds=sorted(set(fold.tolist()))
arch=(y==OTHER).astype(np.int64)
Xall=X.copy()
def run(cols,l2,name):
    global X
    X=Xall[:,cols]; r=0
    for k in folds:
        tr,te=everything[fold!=k],everything[fold==k]
        r+=(predict(fit(tr,l2,arch),te).argmax(1)==arch[te]).sum()
    print(name,l2,r,'%.1f'%(100*r/n)); X=Xall
for l2 in (0.01,0.03,0.1,0.3):
    run(slice(0,172),l2,'all'); run(slice(0,76),l2,'feat'); run(slice(76,172),l2,'emb')

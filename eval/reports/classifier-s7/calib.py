import sys, numpy as np
rows=[l.rstrip('\n').split('\t') for l in open('/tmp/s7c/real/rows.tsv')]
ids=[r[1] for r in rows]; y=np.array([int(r[2]) for r in rows]); fold=np.array([int(r[3]) for r in rows]); n=len(y)
def load(p):
    d={l.split('\t')[0]:np.array([float(v) for v in l.rstrip('\n').split('\t')[1:]]) for l in open(p)}
    return np.array([d[i] for i in ids])
Pl=load('/tmp/s7c/real/oof.tsv'); Pm=load(sys.argv[1]); parts=[Pl,Pm]
if len(sys.argv)>2: parts.append(load(sys.argv[2]))
E=sum(parts)/len(parts); O=5
GRID=[0.5,0.7,1.0,1.4,2.0]
def acc(P,w,idx,obj):
    pr=(P[idx]*w).argmax(1)
    return ((pr==y[idx]).sum() if obj=='six' else ((pr==O)==(y[idx]==O)).sum())
def choose(idx,obj):
    w=np.ones(6)
    for it in range(2):
        for c in [0,2,3,4,5]:
            best=None
            for g in sorted(GRID,key=lambda g:abs(np.log(g))):
                w2=w.copy(); w2[c]=g; a=acc(E,w2,idx,obj)
                if best is None or a>best[0]: best=(a,g)
            w[c]=best[1]
    return w
def rep(pr,name):
    print('%-40s six %d/%d=%.1f%% arch %d=%.1f%%'%(name,(pr==y).sum(),n,100*(pr==y).mean(),((pr==O)==(y==O)).sum(),100*((pr==O)==(y==O)).mean()))
rep(E.argmax(1),'average')
for obj in ('six',):
    pr=np.zeros(n,int); ws=[]
    for k in sorted(set(fold)):
        tr=np.where(fold!=k)[0]; te=np.where(fold==k)[0]
        w=choose(tr,obj); ws.append(w); pr[te]=(E[te]*w).argmax(1)
    rep(pr,'nested class factors ('+obj+')')
    print('per-fold factors', [list(w) for w in ws])
    print('final factors', list(choose(np.arange(n),obj)))
    C=np.zeros((6,6),int)
    for t,p in zip(y,pr): C[t,p]+=1
    print(C)

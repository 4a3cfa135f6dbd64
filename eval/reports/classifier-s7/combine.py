import sys, os, numpy as np
D=sys.argv[1]          # dir with rows.tsv, oof.tsv (linear), gate-oof.tsv
B=sys.argv[2] if len(sys.argv)>2 else None  # base target dir with classifier-mlp/{forest-oof,oof}.tsv
rows=[l.rstrip('\n').split('\t') for l in open(D+'/rows.tsv')]
ids=[r[1] for r in rows]; y=np.array([int(r[2]) for r in rows]); n=len(y)
def load(p):
    d={l.split('\t')[0]:np.array([float(v) for v in l.rstrip('\n').split('\t')[1:]]) for l in open(p)}
    return np.array([d[i] for i in ids])
Pl=load(D+'/oof.tsv'); q=load(D+'/gate-oof.tsv')[:,0]
O=5
def gated(P,other):
    st=1-P[:,O]; out=P*(1-other)[:,None]/np.where(st>0,st,1)[:,None]; out[:,O]=other; return out
def rep(P,name,show=False):
    pr=P.argmax(1); six=(pr==y).sum(); b=((pr==O)==(y==O)).sum()
    print('%-45s six %3d/%d=%.1f%%  arch-vs-other %3d=%.1f%%'%(name,six,n,100*six/n,b,100*b/n))
    if show:
        C=np.zeros((6,6),int)
        for t,p in zip(y,pr): C[t,p]+=1
        print(C)
print('gate alone arch-vs-other: %d/%d=%.1f%%'%(((q<0.5)==(y==O)).sum(),n,100*((q<0.5)==(y==O)).mean()))
rep(Pl,'regression'); rep(gated(Pl,1-q),'regression, hard gate'); rep(gated(Pl,(Pl[:,O]+1-q)/2),'regression, soft gate')
if B:
    Pf=load(B+'/classifier-mlp/forest-oof.tsv'); Pm=load(B+'/classifier-mlp/oof.tsv')
    E=(Pf+Pm+Pl)/3
    rep(E,'ensemble (shipped before)',True)
    rep(gated(E,1-q),'ensemble, hard gate (R2)',True)
    rep(gated(E,(E[:,O]+1-q)/2),'ensemble, soft gate (R1)',True)
    rep(gated(E,(3*E[:,O]+1-q)/4),'ensemble, gate as 4th vote (R3)')
    pr=gated(E,1-q).argmax(1)
    names=['neurons','2d-box','stacked','3d-box','pipeline','other']
    for i in range(n):
        if pr[i]!=y[i]: print('FAIL', ids[i], names[y[i]], '->', names[pr[i]], 'q=%.2f'%q[i], rows[i][5] if len(rows[i])>5 else '')

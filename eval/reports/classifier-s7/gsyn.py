"""Gate trained on synthetic (corpus synth -n 600 --seed 13, with embedding) + real figures (weight RW), nested L2 on the real folds."""
import sys, glob, numpy as np, torch, torch.nn.functional as F
sys.path.insert(0,'/tmp/s7c'); torch.set_num_threads(1)
from mkmlp_read import read_cache
RW=float(sys.argv[1]) if len(sys.argv)>1 else 3.0
TAG='' if len(sys.argv)<3 or sys.argv[2]=='600' else '-'+sys.argv[2]
rows=[l.rstrip('\n').split('\t') for l in open('/tmp/s7c/real/rows.tsv')]
n=len(rows); y=np.array([int(r[2]) for r in rows]); fold=np.array([int(r[3]) for r in rows]); ids=[r[1] for r in rows]
Xr=np.fromfile('/tmp/s7c/real/features.f32',dtype='>f4').reshape(n,-1).astype(np.float64)
_,ys,Xs=read_cache(glob.glob('/work/wt-s7-classify/target/classifier-cache/synth-13-%s-*-cnn*.bin' % (sys.argv[2] if len(sys.argv) > 2 else '600'))[0])
Xs=Xs.astype(np.float64); ys=np.array(ys)
X=np.vstack([Xs,Xr]); lab=np.concatenate([(ys==5),(y==5)]).astype(np.int64); w=np.concatenate([np.ones(len(ys)),np.full(n,RW)])
S=np.arange(len(ys)); R=len(ys)+np.arange(n); CLIP=6
def fit(idx,l2):
    mu=X[idx].mean(0); sd=X[idx].std(0)+1e-3
    xt=torch.from_numpy(np.clip((X[idx]-mu)/sd,-CLIP,CLIP)); yt=torch.from_numpy(lab[idx]); wt=torch.from_numpy(w[idx])
    W=torch.zeros(X.shape[1],2,dtype=torch.float64,requires_grad=True); b=torch.zeros(2,dtype=torch.float64,requires_grad=True)
    opt=torch.optim.LBFGS([W,b],max_iter=300,line_search_fn='strong_wolfe')
    def cl():
        opt.zero_grad(); l=(F.cross_entropy(xt@W+b,yt,reduction='none')*wt).sum()/wt.sum()+l2*(W*W).sum(); l.backward(); return l
    opt.step(cl); return mu,sd,W.detach().numpy(),b.detach().numpy()
def pred(m,idx):
    mu,sd,W,b=m; z=np.clip((X[idx]-mu)/sd,-CLIP,CLIP)@W+b; z-=z.max(1,keepdims=True); p=np.exp(z); return p/p.sum(1,keepdims=True)
GRID=(3e-3,1e-2,3e-2,1e-1)
def choose(ridx):
    best=None;br=-1
    for l2 in sorted(GRID,reverse=True):
        r=0
        for k in sorted(set(fold[ridx])):
            tr=np.concatenate([S,R[ridx[fold[ridx]!=k]]]); te=R[ridx[fold[ridx]==k]]
            r+=(pred(fit(tr,l2),te).argmax(1)==lab[te]).sum()
        if r>br: best,br=l2,r
    return best
allr=np.arange(n); q=np.zeros(n); ch=[]
for k in sorted(set(fold)):
    trr=allr[fold!=k]; l2=choose(trr); ch.append(l2)
    q[allr[fold==k]]=pred(fit(np.concatenate([S,R[trr]]),l2),R[allr[fold==k]])[:,0]
with open('/tmp/s7c/gsyn-oof-%g%s.tsv'%(RW,TAG),'w') as f:
    for i in range(n): f.write('%s\t%.6f\n'%(ids[i],q[i]))
l2=choose(allr); m=fit(np.concatenate([S,R]),l2)
np.save('/tmp/s7c/gsyn-final-%g%s.npy'%(RW,TAG),np.concatenate([m[0],m[1],m[2].ravel(),m[3]]))
print('RW',RW,'L2 per fold',ch,'final',l2,'gate alone arch-vs-other %d/%d'%(((q<0.5)==(y==5)).sum(),n))

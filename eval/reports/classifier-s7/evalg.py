import sys, numpy as np
sys.path.insert(0,'/tmp/s7c'); from mkmlp_read import read_cache
RW=sys.argv[1]+('' if len(sys.argv)<3 or sys.argv[2]=='600' else '-'+sys.argv[2])
rows=[l.rstrip('\n').split('\t') for l in open('/tmp/s7c/real/rows.tsv')]
ids=[r[1] for r in rows]; y=np.array([int(r[2]) for r in rows]); n=len(y); O=5
def load(p):
    d={l.split('\t')[0]:np.array([float(v) for v in l.rstrip('\n').split('\t')[1:]]) for l in open(p)}
    return np.array([d[i] for i in ids])
E=(load('/tmp/s7c/real/oof.tsv')+load('/tmp/s7c/mlp/oof.tsv')+load('/tmp/s7c/forest-oof.tsv'))/3
q=load('/tmp/s7c/gsyn-oof-%s.tsv'%RW)[:,0]
def gated(P,other):
    st=1-P[:,O]; out=P*(1-other)[:,None]/np.where(st>0,st,1)[:,None]; out[:,O]=other; return out
def rep(P,yy,name,show=False):
    pr=P.argmax(1); print('%-38s six %d/%d=%.1f%% arch %d=%.1f%%'%(name,(pr==yy).sum(),len(yy),100*(pr==yy).mean(),((pr==O)==(yy==O)).sum(),100*((pr==O)==(yy==O)).mean()))
    if show:
        C=np.zeros((6,6),int)
        for t,p in zip(yy,pr): C[t,p]+=1
        print(C)
# held-out
_,hy,HX=read_cache('/work/wt-s7-classify/target/classifier-cache/synth-12-600-3e870f56-cnneb8e744d.bin')
hy=np.array(hy); H=np.array([[float(v) for v in l.split('\t')[2:]] for l in open('/tmp/s7c/held-avg.tsv')])
v=np.load('/tmp/s7c/gsyn-final-%s.npy'%RW); d=HX.shape[1]
mu,sd,W,b=v[:d],v[d:2*d],v[2*d:2*d+2*d].reshape(d,2),v[4*d:]
z=np.clip((HX-mu)/sd,-6,6)@W+b; z-=z.max(1,keepdims=True); ph=np.exp(z); ph/=ph.sum(1,keepdims=True); hq=ph[:,0]
print('RW',RW,'gate alone: real arch %d/%d, held-out arch %d/600'%(((q<0.5)==(y==O)).sum(),n,((hq<0.5)==(hy==O)).sum()))
for wg in (0.25,0.5,1.0):
    rep(gated(E,(1-wg)*E[:,O]+wg*(1-q)),y,'real, gate weight %g'%wg, True)
    rep(gated(H,(1-wg)*H[:,O]+wg*(1-hq)),hy,'synthetic held-out, gate weight %g'%wg)
rep(E,y,'real, no gate'); rep(H,hy,'synthetic held-out, no gate')

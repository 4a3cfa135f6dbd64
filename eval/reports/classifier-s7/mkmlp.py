import os, sys, numpy as np
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mkmlp_read import read_cache  # the one reader of TrainClassifier's cache format
ids,ys,Xs=read_cache('/work/wt-s7-classify/target/classifier-cache/synth-11-3000-3e870f56.bin')
rows=[l.rstrip('\n').split('\t') for l in open('/tmp/s7c/real/rows.tsv')]
Xr=np.fromfile('/tmp/s7c/real/features.f32',dtype='>f4').reshape(len(rows),-1)[:,:76]
X=np.vstack([Xs,Xr]).astype('>f4'); X.tofile('/tmp/s7c/mlp/features.f32')
with open('/tmp/s7c/mlp/rows.tsv','w') as f:
    for i,y in zip(ids,ys): f.write('synthetic\t%s\t%d\t-1\n'%(i,y))
    for r in rows: f.write('real\t%s\t%s\t%s\n'%(r[1],r[2],r[3]))
print(X.shape)

import struct, numpy as np
def read_cache(p):
    b=open(p,'rb').read(); o=0
    n,d=struct.unpack('>ii',b[o:o+8]); o+=8
    ids=[];ys=[];X=np.zeros((n,d),np.float32)
    for i in range(n):
        L=struct.unpack('>H',b[o:o+2])[0]; o+=2; ids.append(b[o:o+L].decode()); o+=L
        ys.append(struct.unpack('>i',b[o:o+4])[0]); o+=4
        X[i]=np.frombuffer(b[o:o+4*d],dtype='>f4'); o+=4*d
    return ids,ys,X
ids,ys,Xs=read_cache('/work/wt-s7-classify/target/classifier-cache/synth-11-3000-3e870f56.bin')
rows=[l.rstrip('\n').split('\t') for l in open('/tmp/s7c/real/rows.tsv')]
Xr=np.fromfile('/tmp/s7c/real/features.f32',dtype='>f4').reshape(len(rows),-1)[:,:76]
X=np.vstack([Xs,Xr]).astype('>f4'); X.tofile('/tmp/s7c/mlp/features.f32')
with open('/tmp/s7c/mlp/rows.tsv','w') as f:
    for i,y in zip(ids,ys): f.write('synthetic\t%s\t%d\t-1\n'%(i,y))
    for r in rows: f.write('real\t%s\t%s\t%s\n'%(r[1],r[2],r[3]))
print(X.shape)

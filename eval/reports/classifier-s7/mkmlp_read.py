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

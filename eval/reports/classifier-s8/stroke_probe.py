"""Probe (session 8): do two simple connected-component measures separate the 4 digit grids (labelled other, called
neurons) from the 10 real neurons figures? Two steps because PIL and scipy live in different Pythons here:
  /usr/bin/python3 stroke_probe.py npy ROWS.tsv OUTDIR   (real figures as grey arrays, longest side <= 800)
  python3 stroke_probe.py measure ROWS.tsv OUTDIR        (scipy.ndimage)
Per figure, over ink components (grey < 128) between 6 px and a quarter of the figure in both sides:
ellipse-share = share of components whose hole-filled area is within 15% of the inscribed ellipse of their box;
stroke/size = median of 2 x max distance-to-background / longer box side."""
import glob
import os
import sys
import numpy as np

mode, rows_file, out = sys.argv[1:4]
STYLES = ['neurons', '2d-box', 'stacked-2d-box', '3d-box', 'pipeline', 'other']
rows = [l.rstrip('\n').split('\t') for l in open(rows_file) if l.startswith('real')]
if mode == 'npy':
    from PIL import Image
    os.makedirs(out, exist_ok=True)
    for r in rows:
        for p in ['eval/real-negatives/figures/%s.png' % r[1]] + glob.glob('../shared/corpus-real/figures/%s.*' % r[1]):
            if os.path.exists(p):
                im = Image.open(p).convert('L')
                im.thumbnail((800, 800))
                np.save('%s/%s.npy' % (out, r[1]), np.asarray(im))
                break
    sys.exit(0)
from scipy import ndimage as nd  # noqa: E402


def measure(g):
    g = g.astype(np.float32)
    if g.mean() < 128:
        g = 255 - g
    lab, n = nd.label(g < 128, structure=np.ones((3, 3)))
    h_img, w_img = g.shape
    ell, sw = [], []
    for k, sl in enumerate(nd.find_objects(lab)):
        h, w = sl[0].stop - sl[0].start, sl[1].stop - sl[1].start
        if h < 6 or w < 6 or h > h_img / 4 or w > w_img / 4:
            continue
        m = lab[sl] == k + 1
        ell.append(nd.binary_fill_holes(m).sum() / (np.pi / 4 * h * w))
        sw.append(2 * nd.distance_transform_edt(m).max() / max(h, w))
    if not ell:
        return 0, 0.0, 0.0
    return len(ell), float(np.mean(np.abs(np.array(ell) - 1) < 0.15)), float(np.median(sw))


res = [(r[1], int(r[2]), measure(np.load('%s/%s.npy' % (out, r[1])))) for r in rows if os.path.exists('%s/%s.npy' % (out, r[1]))]
for c, name in enumerate(STYLES):
    v = np.array([m for _, y, m in res if y == c])
    print('%-15s %3d figures: ellipse-share median %.2f, stroke/size median %.3f' % (name, len(v), np.median(v[:, 1]), np.median(v[:, 2])))
for i, y, m in res:
    if y == 0 or any(s in i for s in ('dbn_hinton2006_p7_fig6', 'p7_fig7', 'p9_fig8', 'p9_fig9')):
        print('%-40s %-8s %3d components, ellipse-share %.2f, stroke/size %.3f' % ((i, STYLES[y]) + m))

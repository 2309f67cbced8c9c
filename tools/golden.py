#!/usr/bin/env python3
"""Golden values for the convolution, convolution2d, filters and augment exercises.

A developer tool, not needed at test time: it writes test/fixtures/golden-<exercise>.json, which
are committed. The oracles are numpy and scipy (the contract's spec); augment, which has no
library twin, is computed here by an independent implementation of the contract's formulas
(scipy.ndimage.map_coordinates, order=1). Fixed seeds, so a rerun gives the same files.

    python3 tools/golden.py          # from the repository root
"""
import json
import os

import numpy as np
import scipy
from scipy import ndimage, signal

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'test', 'fixtures')
MODES = ['full', 'same', 'valid']
BOUNDARIES = ['fill', 'wrap', 'symm']


def values(rng, shape):
    """Small integers or three-decimal numbers: short in JSON and parsed to the same double."""
    if rng.random() < 0.4:
        return rng.integers(-9, 10, size=shape).astype(float)
    return np.round(rng.uniform(-5, 5, size=shape), 3)


def dump(name, data):
    data = {'generator': 'tools/golden.py', 'numpy': np.__version__, 'scipy': scipy.__version__, **data}
    path = os.path.join(OUT, f'golden-{name}.json')
    with open(path, 'w') as f:
        json.dump(data, f, separators=(',', ':'))
        f.write('\n')
    print(path, os.path.getsize(path), 'bytes')


def convolution():
    rng = np.random.default_rng(1)
    cases = []
    for i in range(90):
        m, n = (int(x) for x in rng.integers(1, 10, size=2))
        a, v = values(rng, m), values(rng, n)
        mode = MODES[i % 3]
        cases.append({'a': a.tolist(), 'v': v.tolist(), 'mode': mode, 'expected': np.convolve(a, v, mode).tolist()})
    smooth = []
    for _ in range(20):
        m, n = (int(x) for x in rng.integers(1, 10, size=2))
        s, k = values(rng, m), values(rng, n)
        smooth.append({'signal': s.tolist(), 'kernel': k.tolist(), 'expected': np.convolve(s, k, 'same').tolist()})
    moving = [{'width': w, 'expected': (np.ones(w) / w).tolist()} for w in [1, 2, 3, 4, 5, 7, 10]]
    binomial = [
        {'size': s, 'expected': [scipy.special.comb(s - 1, k, exact=True) / 2 ** (s - 1) for k in range(s)]}
        for s in [1, 2, 3, 4, 5, 6, 9, 16, 40, 70]
    ]
    dump('convolution', {'convolve': cases, 'smooth': smooth, 'movingAverageKernel': moving, 'binomialKernel': binomial})


def convolution2d():
    rng = np.random.default_rng(2)
    cases = []
    for fn in ['convolve2d', 'correlate2d']:
        f = getattr(signal, fn)
        for mode in MODES:
            for boundary in BOUNDARIES:
                for i in range(7):
                    h, w = (int(x) for x in rng.integers(1, 10, size=2))
                    if i >= 5:  # a kernel at least as large as the image: scipy swaps in 'valid'
                        kh, kw = h + int(rng.integers(0, 3)), w + int(rng.integers(0, 3))
                    else:
                        kh, kw = (int(x) for x in rng.integers(1, 10, size=2))
                    image, kernel = values(rng, (h, w)), values(rng, (kh, kw))
                    fill = float(rng.choice([0, 1.5, -2, 0.25]))
                    case = {'fn': fn, 'image': image.tolist(), 'kernel': kernel.tolist(),
                            'mode': mode, 'boundary': boundary, 'fillValue': fill}
                    try:
                        case['expected'] = f(image, kernel, mode, boundary, fill).tolist()
                    except ValueError as e:
                        case['error'] = str(e)
                    cases.append(case)
    # 'valid' where neither input contains the other: scipy raises.
    for fn in ['convolve2d', 'correlate2d']:
        for (h, w, kh, kw) in [(2, 5, 3, 3), (5, 2, 3, 3), (3, 3, 4, 2)]:
            image, kernel = values(rng, (h, w)), values(rng, (kh, kw))
            try:
                getattr(signal, fn)(image, kernel, 'valid')
                raise SystemExit('scipy was expected to refuse this valid case')
            except ValueError as e:
                cases.append({'fn': fn, 'image': image.tolist(), 'kernel': kernel.tolist(), 'mode': 'valid',
                              'boundary': 'fill', 'fillValue': 0, 'error': str(e)})
    dump('convolution2d', {'cases': cases})


def filters():
    rng = np.random.default_rng(3)

    def image():
        h, w = (int(x) for x in rng.integers(1, 10, size=2))
        return np.round(rng.uniform(0, 1, size=(h, w)), 3) if rng.random() < 0.5 else rng.integers(0, 256, (h, w)).astype(float)

    box = lambda s: np.full((s, s), 1 / s ** 2)
    kernels = {
        'prewitt': (np.array([[-1, 0, 1]] * 3, float), np.array([[-1, -1, -1], [0, 0, 0], [1, 1, 1]], float)),
        'sobel': (np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], float), np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], float)),
    }
    blur, high, grads = [], [], []
    for i in range(16):
        img, size = image(), [1, 2, 3, 4, 5][i % 5]
        blur.append({'image': img.tolist(), 'size': size,
                     'expected': signal.convolve2d(img, box(size), 'same', 'symm').tolist()})
    for i in range(12):
        img, size = image(), [3, 2, 5, 3][i % 4]
        high.append({'image': img.tolist(), 'size': size,
                     'expected': (img - signal.convolve2d(img, box(size), 'same', 'symm')).tolist()})
    for i in range(10):
        img, op = image(), ['prewitt', 'sobel'][i % 2]
        kx, ky = kernels[op]
        x = signal.correlate2d(img, kx, 'same', 'symm')
        y = signal.correlate2d(img, ky, 'same', 'symm')
        grads.append({'image': img.tolist(), 'operator': op, 'x': x.tolist(), 'y': y.tolist(),
                      'magnitude': np.sqrt(x ** 2 + y ** 2).tolist()})
    dump('filters', {'boxKernel': [{'size': s, 'expected': box(s).tolist()} for s in [1, 2, 3, 5]],
                     'blur': blur, 'highPass': high, 'gradients': grads})


def resample(img, fill, source):
    """The contract's rule: inverse mapping about ((w-1)/2, (h-1)/2), inside with 1e-9 slack,
    clamped, bilinear (map_coordinates order=1; 'nearest' only matters at the clamped edge)."""
    h, w = img.shape
    cy, cx = (h - 1) / 2, (w - 1) / 2
    ys, xs = np.mgrid[0:h, 0:w].astype(float)
    sx, sy = source(xs - cx, ys - cy)
    sx, sy = sx + cx, sy + cy
    inside = (sx >= -1e-9) & (sx <= w - 1 + 1e-9) & (sy >= -1e-9) & (sy <= h - 1 + 1e-9)
    coords = np.array([np.clip(sy, 0, h - 1), np.clip(sx, 0, w - 1)])
    vals = ndimage.map_coordinates(img, coords, order=1, mode='nearest')
    return np.where(inside, vals, fill)


def augment():
    rng = np.random.default_rng(4)

    def image():
        h, w = (int(x) for x in rng.integers(1, 8, size=2))
        return rng.integers(0, 10, (h, w)).astype(float)

    trans = []
    for dx, dy, fill in [(1, 0, 0), (0, 1, 0), (-2, 1, 7), (3, -1, 0.5), (0, 0, 0), (9, 0, 0), (-1, -1, -1)]:
        img = image()
        h, w = img.shape
        out = np.full((h, w), float(fill))
        for r in range(h):
            for c in range(w):
                if 0 <= r - dy < h and 0 <= c - dx < w:
                    out[r, c] = img[r - dy, c - dx]
        trans.append({'image': img.tolist(), 'dx': dx, 'dy': dy, 'fill': fill, 'expected': out.tolist()})
    rot = []
    for deg, fill in [(0, 0), (90, 0), (-90, 0), (180, 2), (270, 0), (45, 0), (30, -1), (-60, 0), (135, 0.5),
                      (360, 0), (12.5, 0), (-200, 3), (90, 5), (7, 0)]:
        img = image()
        t = np.deg2rad(deg)
        c, s = np.cos(t), np.sin(t)
        # Counter-clockwise on screen (y down): the source of (x, y) is (x cos - y sin, x sin + y cos).
        out = resample(img, fill, lambda x, y: (x * c - y * s, x * s + y * c))
        rot.append({'image': img.tolist(), 'degrees': deg, 'fill': fill, 'expected': out.tolist()})
    sca = []
    for factor, fill in [(1, 0), (2, 0), (0.5, 0), (1.5, 1), (0.7, 0), (3, 0), (0.25, -2), (1.1, 0)]:
        img = image()
        out = resample(img, fill, lambda x, y: (x / factor, y / factor))
        sca.append({'image': img.tolist(), 'factor': factor, 'fill': fill, 'expected': out.tolist()})
    dump('augment', {'translate': trans, 'rotate': rot, 'scale': sca})


if __name__ == '__main__':
    convolution()
    convolution2d()
    filters()
    augment()

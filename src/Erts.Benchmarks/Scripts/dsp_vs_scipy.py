#!/usr/bin/env python3
"""SciPy side of the dsp-vs-scipy benchmark: the same calls on the same input, best-of-N wall time in ms.

Usage: dsp_vs_scipy.py INPUT.f32 ROWS SAMPLES RATE REPEATS   (INPUT.f32: ROWS x SAMPLES float32, row-major)
Prints one JSON object. SciPy works on the whole 2-D array at once (axis=-1), single-threaded.
"""
import json
import sys
import time

import numpy as np
import scipy
import scipy.signal as signal

path, rows, samples, rate, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
x = np.fromfile(path, dtype=np.float32).reshape(rows, samples)


def best(call):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


b, a = signal.butter(2, [0.5, 40], "bandpass", fs=rate)
sos = signal.butter(2, [0.5, 40], "bandpass", fs=rate, output="sos")
nb, na = signal.iirnotch(50, 30, fs=rate)
g = np.gcd(250, int(rate))
print(json.dumps({
    "scipy": scipy.__version__,
    "numpy": np.__version__,
    "resample_poly_ms": best(lambda: signal.resample_poly(x, 250 // g, int(rate) // g, axis=-1)),
    "butter_filtfilt_ms": best(lambda: signal.filtfilt(b, a, x, axis=-1)),
    "butter_sosfiltfilt_ms": best(lambda: signal.sosfiltfilt(sos, x, axis=-1, padlen=3 * len(a))),
    "notch_filtfilt_ms": best(lambda: signal.filtfilt(nb, na, x, axis=-1)),
}))

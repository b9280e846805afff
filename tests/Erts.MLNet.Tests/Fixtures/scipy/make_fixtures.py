#!/usr/bin/env python3
"""Golden outputs of SciPy for the DSP tests (tests/Erts.MLNet.Tests/Dsp).

Run once from this folder with Debian's SciPy (apt-get install -y python3-scipy):

    /usr/bin/python3 make_fixtures.py

Each case is one small JSON file: the parameters, a float32 input (stored with 9 significant digits, so it is read
back bit-exactly) and SciPy's float64 output. The input is a synthetic ECG-like mix: a QRS-like spike train, a slow
baseline wander, mains hum and noise, so every filter and the anti-aliasing stage have something to remove.
"""
import json
import numpy as np
import scipy
import scipy.signal as signal

SECONDS = 3.0


def synthetic_ecg(rate, mains, seed):
    rng = np.random.default_rng(seed)
    t = np.arange(int(SECONDS * rate)) / rate
    beats = np.zeros_like(t)
    for centre in np.arange(0.4, SECONDS, 0.8):      # 75 bpm, Gaussian "QRS" 20 ms wide
        beats += 1.2 * np.exp(-0.5 * ((t - centre) / 0.02) ** 2)
    wander = 0.4 * np.sin(2 * np.pi * 0.15 * t + 0.3)
    hum = 0.05 * np.sin(2 * np.pi * mains * t)
    noise = 0.02 * rng.standard_normal(t.size)
    return (beats + wander + hum + noise).astype(np.float32)


def write(name, parameters, x, y):
    case = dict(name=name, scipy=scipy.__version__, **parameters,
                input=[float(f"{v:.9g}") for v in x], expected=[float(f"{v:.12g}") for v in y])
    with open(f"{name}.json", "w") as f:
        json.dump(case, f, separators=(",", ":"))
    print(f"{name}: {len(x)} -> {len(y)} samples")


def resample_case(source, target, seed):
    x = synthetic_ecg(source, 50, seed)
    g = np.gcd(int(target), int(source))
    y = signal.resample_poly(x.astype(np.float64), target // g, source // g)
    write(f"resample_{source}_to_{target}", dict(sourceRate=source, targetRate=target), x, y)


def filtfilt_checked(b, a, sos, x):
    """filtfilt's result (default odd padding of 3 * max(len(a), len(b)) samples), computed on second-order sections.

    filtfilt(b, a) itself loses digits with high orders and low cutoffs (about 6e-7 of the range for the order-4
    band-pass at 500 Hz), so the stored reference is sosfiltfilt with filtfilt's padding, checked against filtfilt(b, a).
    """
    y_ba = signal.filtfilt(b, a, x)
    y = signal.sosfiltfilt(sos, x, padlen=3 * max(len(a), len(b)))
    assert np.max(np.abs(y - y_ba)) < 1e-5 * np.ptp(x), "filtfilt(b, a) and its second-order-section form disagree"
    return y


def butter_case(name, rate, order, low, high, seed):
    x = synthetic_ecg(rate, 50, seed).astype(np.float64)
    if low and high:
        band, cutoff = "bandpass", [low, high]
    elif low:
        band, cutoff = "highpass", low
    else:
        band, cutoff = "lowpass", high
    b, a = signal.butter(order, cutoff, band, fs=rate)
    sos = signal.butter(order, cutoff, band, fs=rate, output="sos")
    write(name, dict(samplingRate=rate, order=order, lowCutoff=low, highCutoff=high), x, filtfilt_checked(b, a, sos, x))


def notch_case(name, rate, mains, quality, seed):
    x = synthetic_ecg(rate, mains, seed).astype(np.float64)
    b, a = signal.iirnotch(mains, quality, fs=rate)
    sos = np.concatenate([b, a])[None, :]
    write(name, dict(samplingRate=rate, frequency=mains, quality=quality), x, filtfilt_checked(b, a, sos, x))


if __name__ == "__main__":
    resample_case(360, 250, 1)
    resample_case(500, 100, 2)
    resample_case(300, 100, 3)
    resample_case(100, 250, 4)
    butter_case("bandpass_360_0.5_40_order2", 360, 2, 0.5, 40.0, 5)
    butter_case("bandpass_500_0.5_40_order4", 500, 4, 0.5, 40.0, 6)
    butter_case("highpass_360_0.5_order3", 360, 3, 0.5, None, 7)
    butter_case("lowpass_250_40_order5", 250, 5, None, 40.0, 8)
    notch_case("notch_360_50_q30", 360, 50.0, 30.0, 9)
    notch_case("notch_500_60_q30", 500, 60.0, 30.0, 10)

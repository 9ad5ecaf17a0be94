#!/usr/bin/env python3
"""PyTorch peer of NN Lab's rotation study, for speed: the same CNN on the same images.

Three blocks conv 3x3 (pad 1) + ReLU + max-pool 2 (32, 64, 64 channels), dense 64 + ReLU, linear
to 10 classes; cross-entropy, Adam lr 1e-3, batch 64, a fresh shuffle per epoch; the first N
Fashion-MNIST training images (IDX, gzip) scaled to [0, 1], float32. One epoch = one pass over
the N images (model A: upright images, no evaluation), as NN Lab's bench times it.

usage: torch_rotation_reference.py [--data DIR] [--train-size N] [--epochs E] [--threads T]
prints one JSON line: {"seconds_per_epoch": [..], "threads": T, "images": N}
"""
import argparse, gzip, json, os, time
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F


def idx(path):
    with gzip.open(path, 'rb') if path.endswith('.gz') else open(path, 'rb') as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], 'big') for i in range(dims)]
    return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape)


class Net(nn.Module):
    def __init__(self, channels=1, size=28, classes=10):
        super().__init__()
        widths = [channels, 32, 64, 64]
        self.convs = nn.ModuleList([nn.Conv2d(widths[i], widths[i + 1], 3, 1, 1) for i in range(3)])
        s = size
        for _ in range(3):
            s //= 2
        self.dense = nn.Linear(64 * s * s, 64)
        self.out = nn.Linear(64, classes)

    def forward(self, x):
        for c in self.convs:
            x = F.max_pool2d(F.relu(c(x)), 2)
        return self.out(F.relu(self.dense(torch.flatten(x, 1))))


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--data', default='/usr/share/datasets/fashion-mnist')
    p.add_argument('--train-size', type=int, default=10000)
    p.add_argument('--epochs', type=int, default=2)
    p.add_argument('--threads', type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    x = idx(os.path.join(a.data, 'train-images-idx3-ubyte.gz'))[:a.train_size].astype(np.float32) / 255.0
    y = idx(os.path.join(a.data, 'train-labels-idx1-ubyte.gz'))[:a.train_size].astype(np.int64)
    x = torch.from_numpy(x).unsqueeze(1)
    y = torch.from_numpy(y)
    model = Net()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    times = []
    for e in range(a.epochs):
        t0 = time.perf_counter()
        perm = torch.randperm(len(y))
        model.train()
        for i in range(0, len(y), 64):
            b = perm[i:i + 64]
            opt.zero_grad()
            F.cross_entropy(model(x[b]), y[b]).backward()
            opt.step()
        times.append(time.perf_counter() - t0)
    print(json.dumps(dict(seconds_per_epoch=times, threads=a.threads, images=len(y))))


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""PyTorch peer of NN Lab's oversmoothing study, for speed: the same deep GCN on the same graph.

Layer l: Z = A_hat (H W_l) + b_l, between layers H = dropout(ReLU(Z)) (p 0.5, inverted); the last
layer's Z are class scores, log-softmax + NLL on the training nodes; Adam lr 0.01 with L2 1e-5 on
every parameter (torch's weight_decay). A_hat = D^-1/2 (A + I) D^-1/2 is dense float32, as in NN
Lab (SameDiff has no sparse tensors); features row-normalised. One epoch = one training step +
one forward pass with dropout off (the evaluation), as NN Lab's epoch.

usage: torch_oversmoothing_reference.py CORA_DIR [--depth D] [--hidden H] [--epochs E] [--threads T]
prints one JSON line: {"ms_per_epoch": .., "depth": D, ...}
"""
import argparse, json, os, sys, time
import torch, torch.nn as nn, torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_gnn_reference import load  # the same Cora reader and split as the gnn peer


def main():
    p = argparse.ArgumentParser()
    p.add_argument('cora')
    p.add_argument('--depth', type=int, default=20)
    p.add_argument('--hidden', type=int, default=64)
    p.add_argument('--epochs', type=int, default=20)
    p.add_argument('--threads', type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    x, y, n, classes, src, dst, train, val, test = load(a.cora)
    x = x.to_dense()
    adj = torch.zeros(n, n)
    adj[src, dst] = 1
    adj[dst, src] = 1
    # load() lists every self-loop once in src/dst: A + I.
    d = adj.sum(1).pow(-0.5)
    a_hat = d[:, None] * adj * d[None, :]
    widths = [x.shape[1]] + [a.hidden] * (a.depth - 1) + [classes]
    layers = nn.ModuleList([nn.Linear(widths[i], widths[i + 1]) for i in range(a.depth)])
    opt = torch.optim.Adam(layers.parameters(), lr=0.01, weight_decay=1e-5)

    def forward(training):
        h = x
        for i, l in enumerate(layers):
            z = a_hat @ (h @ l.weight.t()) + l.bias
            h = F.dropout(F.relu(z), 0.5, training) if i < a.depth - 1 else z
        return F.log_softmax(h, 1)

    def epoch():
        opt.zero_grad()
        F.nll_loss(forward(True)[train], y[train]).backward()
        opt.step()
        with torch.no_grad():
            forward(False)

    for _ in range(3):
        epoch()
    t0 = time.perf_counter()
    for _ in range(a.epochs):
        epoch()
    ms = 1000 * (time.perf_counter() - t0) / a.epochs
    print(json.dumps(dict(ms_per_epoch=ms, depth=a.depth, hidden=a.hidden, nodes=n, threads=a.threads)))


if __name__ == '__main__':
    main()

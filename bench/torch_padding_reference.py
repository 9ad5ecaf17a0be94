#!/usr/bin/env python3
"""Reference padding study in PyTorch (CPU), written from the published experiment's facts.

The PyTorch peer for the padding study: it times PyTorch on this machine and gives the
accuracy per round, to compare NN Lab with on the same settings.
usage: torch_padding_reference.py NET CONV [rounds] [epochs] [--threads T] [--first-round M]
  --threads T: PyTorch's intra-op threads (default 2, the machine's cores); the study's fair peer is
  as many 1-thread processes at once as NN Lab trains rounds at once, each with its own --first-round.
prints one JSON line: {"net":..,"conv":..,"val":[..],"test":[..],"seconds":..,"epochs_run":[..]}
"""
import json, sys, time
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F


def boxes(n, shift_test=False, size=32, box=4, off1=7, off2=23, div=6):
    rng = np.random.RandomState(42)
    x = np.zeros((n, 3, size, size), np.float32); y = np.zeros(n, np.int64)
    span = size - box
    for i in range(n):
        cls = i % 2
        base = off1 if cls == 0 else off2
        first, second = (0, 1) if cls == 0 else (1, 0)
        ox = rng.randint(span / 2 - box)
        oy = rng.randint(-span / div, span / div) + base
        ox2 = rng.randint(ox, span); oy2 = rng.randint(-span / div, span / div) + base
        while abs(ox - ox2) < box + 1:
            ox2 = rng.randint(ox, span); oy2 = rng.randint(-span / div, span / div) + base
        d = 0
        if shift_test:
            d = 16 if cls == 0 else -16
        x[i, first, oy + d:oy + d + box, ox:ox + box] = 1
        x[i, second, oy2 + d:oy2 + d + box, ox2:ox2 + box] = 1
        y[i] = cls
    return torch.from_numpy(x), torch.from_numpy(y)

CONV = {  # name: (padding mode, padding, flattened size for Net2)
    'valid': ('zeros', 0, 64 * 2 * 2), 'sconv': ('zeros', 1, 64 * 4 * 4), 'fconv': ('zeros', 2, 64 * 6 * 6),
    'circular': ('circular', 2, 64 * 6 * 6), 'reflect': ('reflect', 2, 64 * 6 * 6), 'replicate': ('replicate', 2, 64 * 6 * 6)}

class Net(nn.Module):
    def __init__(self, net, conv):
        super().__init__()
        mode, pad, flat = CONV[conv]
        c = lambda i, o, s: nn.Conv2d(i, o, 3, s, pad, bias=False, padding_mode=mode)
        self.convs = nn.ModuleList([c(3, 32, 1), c(32, 32, 2), c(32, 64, 2), c(64, 64, 2)])
        self.net = net
        self.head = nn.AdaptiveMaxPool2d(1) if net == 'Net1' else nn.Linear(flat, 64)
        self.fc = nn.Linear(64, 2)
    def forward(self, x):
        for c in self.convs:
            x = F.relu(c(x))
        x = self.head(x) if self.net == 'Net1' else self.head(torch.flatten(x, 1))
        return self.fc(x.view(-1, 64))

def run(net, conv, rounds=10, epochs=50, first_round=0):
    xtr, ytr = boxes(2000); xva, yva = boxes(1000); xte, yte = boxes(1000, shift_test=True)
    vals, tests, ep_run = [], [], []
    t0 = time.time()
    for m in range(first_round, first_round + rounds):
        torch.manual_seed(m)
        model = Net(net, conv)
        opt = torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.9, eps=1e-6, weight_decay=5e-5)
        best, patience, best_state, val_acc = float('inf'), 0, None, 0
        e = 0
        for e in range(epochs):
            model.train()
            for i in range(0, 2000, 200):
                opt.zero_grad(); loss = F.cross_entropy(model(xtr[i:i + 200]), ytr[i:i + 200]); loss.backward(); opt.step()
            model.eval()
            with torch.no_grad():
                out = model(xva); vl = F.cross_entropy(out, yva, reduction='sum').item() / 1000
                val_acc = 100.0 * (out.argmax(1) == yva).float().mean().item()
            if vl < best:
                best, patience = vl, 0; best_state = {k: v.clone() for k, v in model.state_dict().items()}
            elif patience < 8:
                patience += 1
            else:
                break
        ep_run.append(e + 1)
        vals.append(val_acc)
        model.load_state_dict(best_state); model.eval()
        with torch.no_grad():
            tests.append(100.0 * (model(xte).argmax(1) == yte).float().mean().item())
    return dict(net=net, conv=conv, val=vals, test=tests, seconds=round(time.time() - t0, 2), epochs_run=ep_run)

if __name__ == '__main__':
    a = sys.argv[1:]
    flags = {}
    while len(a) >= 2 and a[-2].startswith('--'):
        flags[a[-2]] = int(a[-1]); a = a[:-2]
    torch.set_num_threads(flags.get('--threads', 2))  # the CI and development machines have 2 cores
    print(json.dumps(run(a[0], a[1], int(a[2]) if len(a) > 2 else 10, int(a[3]) if len(a) > 3 else 50,
                         flags.get('--first-round', 0))))

#!/usr/bin/env python3
"""PyTorch peer of NN Lab's gnn study: the same GCN and GAT on the same Cora-format folder.

Same models and settings as the "paper" preset: GCN 2 layers, hidden 16, ReLU, dropout 0.5 on
both layers' inputs, Adam lr 0.01, L2 5e-4 on the first layer; GAT 8 heads x 8 features (concat,
ELU) + 1 output head, LeakyReLU 0.2, dropout 0.6 on inputs and attention, Adam lr 0.005, L2 5e-4,
early stopping on validation loss (patience 100, best weights). Sparse A_hat and sparse features,
edge-list attention (softmax over each node's neighbourhood with scatter_reduce), float32.
An epoch = one training step + one evaluation pass, as NN Lab times it.

usage: torch_gnn_reference.py CORA_DIR [--model gcn|gat|both] [--seeds N] [--bench EPOCHS] [--threads T]
  --bench E: time E epochs per model (after 10 warm-up epochs) and print wall and CPU (all threads) ms/epoch only.
prints one JSON line per model: {"model":..,"test":[..],"ms_per_epoch":..}
"""
import argparse, json, os, time
import torch, torch.nn as nn, torch.nn.functional as F



def load(folder):
    stem = 'cora' if os.path.exists(os.path.join(folder, 'cora.content')) else \
        [f[:-8] for f in os.listdir(folder) if f.endswith('.content')][0]
    ids, feats, labels = [], [], []
    for line in open(os.path.join(folder, stem + '.content')):
        p = line.split()
        if not p:
            continue
        ids.append(p[0]); feats.append([float(v) for v in p[1:-1]]); labels.append(p[-1])
    index = {k: i for i, k in enumerate(ids)}
    classes = sorted(set(labels))
    y = torch.tensor([classes.index(l) for l in labels])
    edges = set()
    for line in open(os.path.join(folder, stem + '.cites')):
        p = line.split()
        if len(p) != 2:
            continue
        a, b = index[p[0]], index[p[1]]
        if a != b:
            edges.add((min(a, b), max(a, b)))
    n = len(ids)
    x = torch.tensor(feats)
    x = x / x.abs().sum(1, keepdim=True).clamp(min=1e-12)  # row-normalised (L1)
    # Planetoid split in row order: 20 per class train, next 500 validate, next 1000 test.
    taken, train, rest = [0] * len(classes), [], []
    for i in range(n):
        if taken[y[i]] < 20:
            taken[y[i]] += 1; train.append(i)
        else:
            rest.append(i)
    val, test = rest[:500], rest[500:1500]
    e = torch.tensor(sorted(edges)).t()
    loops = torch.arange(n)
    src = torch.cat([e[0], e[1], loops]); dst = torch.cat([e[1], e[0], loops])
    return x.to_sparse().coalesce(), y, n, len(classes), src, dst, torch.tensor(train), torch.tensor(val), torch.tensor(test)


def sparse_dropout(x, p, training):
    if not training or p == 0:
        return x
    keep = (torch.rand(x._values().shape) >= p).float() / (1 - p)
    return torch.sparse_coo_tensor(x._indices(), x._values() * keep, x.shape)._coalesced_(True)


class GCN(nn.Module):
    def __init__(self, f, c, n, src, dst, hidden=16, p=0.5):
        super().__init__()
        self.w1, self.w2 = nn.Linear(f, hidden), nn.Linear(hidden, c)
        nn.init.xavier_uniform_(self.w1.weight); nn.init.xavier_uniform_(self.w2.weight)
        nn.init.zeros_(self.w1.bias); nn.init.zeros_(self.w2.bias)
        deg = torch.zeros(n).index_add_(0, dst, torch.ones(dst.shape[0]))
        w = deg[src].rsqrt() * deg[dst].rsqrt()
        self.a = torch.sparse_coo_tensor(torch.stack([dst, src]), w, (n, n)).coalesce()
        self.p = p

    def forward(self, x):
        x = sparse_dropout(x, self.p, self.training)
        h = torch.sparse.mm(self.a, torch.sparse.mm(x, self.w1.weight.t())) + self.w1.bias
        h = F.dropout(F.relu(h), self.p, self.training)
        return torch.sparse.mm(self.a, h @ self.w2.weight.t()) + self.w2.bias


class GATLayer(nn.Module):
    def __init__(self, f, out, heads, concat, p, slope=0.2):
        super().__init__()
        self.w = nn.Parameter(torch.empty(f, heads * out)); nn.init.xavier_uniform_(self.w)
        self.a_src = nn.Parameter(torch.empty(heads, out)); self.a_dst = nn.Parameter(torch.empty(heads, out))
        nn.init.xavier_uniform_(self.a_src); nn.init.xavier_uniform_(self.a_dst)
        self.bias = nn.Parameter(torch.zeros(heads * out if concat else out))
        self.heads, self.out, self.concat, self.p, self.slope = heads, out, concat, p, slope

    def forward(self, x, src, dst, n):
        g = (torch.sparse.mm(x, self.w) if x.is_sparse else x @ self.w).view(n, self.heads, self.out)
        s = (g * self.a_dst).sum(-1); t = (g * self.a_src).sum(-1)  # n x heads: receiver, sender
        e = F.leaky_relu(s[dst] + t[src], self.slope)  # edges x heads
        m = torch.full((n, self.heads), -1e30).scatter_reduce(0, dst[:, None].expand_as(e), e, 'amax', include_self=True)
        ex = (e - m[dst]).exp()
        z = torch.zeros(n, self.heads).index_add_(0, dst, ex)
        alpha = F.dropout(ex / z[dst], self.p, self.training)
        out = torch.zeros(n, self.heads, self.out).index_add_(0, dst, alpha[:, :, None] * g[src])
        out = out.reshape(n, -1) if self.concat else out.mean(1)
        return out + self.bias


class GAT(nn.Module):
    def __init__(self, f, c, n, src, dst, heads=8, hidden=8, p=0.6):
        super().__init__()
        self.l1 = GATLayer(f, hidden, heads, True, p); self.l2 = GATLayer(heads * hidden, c, 1, False, p)
        self.n, self.src, self.dst, self.p = n, src, dst, p

    def forward(self, x):
        x = sparse_dropout(x, self.p, self.training)
        h = F.dropout(F.elu(self.l1(x, self.src, self.dst, self.n)), self.p, self.training)
        return self.l2(h, self.src, self.dst, self.n)


def run(kind, data, seed, bench_epochs=0):
    x, y, n, c, src, dst, train, val, test = data
    torch.manual_seed(seed)
    if kind == 'gcn':
        model = GCN(x.shape[1], c, n, src, dst)
        opt = torch.optim.Adam([dict(params=model.w1.parameters(), weight_decay=5e-4),
                                dict(params=model.w2.parameters(), weight_decay=0)], lr=0.01)
        epochs, patience = 200, None
    else:
        model = GAT(x.shape[1], c, n, src, dst)
        opt = torch.optim.Adam(model.parameters(), lr=0.005, weight_decay=5e-4)
        epochs, patience = 1000, 100
    best, best_state, waited, run_epochs = float('inf'), None, 0, 0
    t0 = c0 = None
    for epoch in range(1, (bench_epochs + 10 if bench_epochs else epochs) + 1):
        if bench_epochs and epoch == 11:
            t0, c0 = time.perf_counter(), time.process_time()
        model.train(); opt.zero_grad()
        loss = F.cross_entropy(model(x)[train], y[train]); loss.backward(); opt.step()
        model.eval()
        with torch.no_grad():
            out = model(x); vl = F.cross_entropy(out[val], y[val]).item()
        run_epochs = epoch
        if bench_epochs:
            continue
        if vl < best:
            best, waited = vl, 0
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
        else:
            waited += 1
            if patience is not None and waited > patience:
                break
    if bench_epochs:
        return 1000 * (time.process_time() - c0) / bench_epochs, 1000 * (time.perf_counter() - t0) / bench_epochs
    if patience is not None:
        model.load_state_dict(best_state)
    model.eval()
    with torch.no_grad():
        pred = model(x).argmax(1)
    return (pred[test] == y[test]).float().mean().item() * 100, run_epochs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('folder'); ap.add_argument('--model', default='both'); ap.add_argument('--seeds', type=int, default=10)
    ap.add_argument('--bench', type=int, default=0)
    ap.add_argument('--threads', type=int, default=2, help='torch threads (default 2: the machines have 2 cores)')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    data = load(a.folder)
    for kind in (['gcn', 'gat'] if a.model == 'both' else [a.model]):
        if a.bench:
            cpu, ms = run(kind, data, 0, a.bench)
            print(json.dumps({'model': kind, 'ms_per_epoch': round(ms, 2), 'cpu_ms_per_epoch': round(cpu, 2), 'epochs_timed': a.bench, 'threads': a.threads}), flush=True)
            continue
        accs, t0, total = [], time.perf_counter(), 0
        for s in range(a.seeds):
            acc, ep = run(kind, data, s)
            accs.append(round(acc, 1)); total += ep
        print(json.dumps({'model': kind, 'test': accs, 'mean': round(sum(accs) / len(accs), 2),
                          'ms_per_epoch': round(1000 * (time.perf_counter() - t0) / total, 2)}), flush=True)


if __name__ == '__main__':
    main()

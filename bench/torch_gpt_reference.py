#!/usr/bin/python3
"""PyTorch peer of NN Lab's `gpt` experiment: the same model, initial weights, batch order,
AdamW, schedule and clipping, for the fidelity (validation loss at step N) and speed comparison.

The initial weights and the batch order come from a re-implementation of java.util.Random (the
48-bit LCG with nextInt / nextDouble / nextGaussian as the JDK specifies them), drawn in the order
nnlab.gpt.GptModel and GptTraining draw them, so both start from the same numbers.

  /usr/bin/python3 bench/torch_gpt_reference.py --text grimms_fairy_tales.txt --steps 1000 --threads 1
"""
import argparse, json, math, sys, time
import torch

MASK48 = (1 << 48) - 1


class JavaRandom:
    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & MASK48
        self.next_gaussian = None

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & MASK48
        r = self.seed >> (48 - bits)
        return r - (1 << bits) if r >= (1 << (bits - 1)) and bits == 32 else r

    def next_int(self, bound):
        if bound & (bound - 1) == 0:
            return (bound * self.next(31)) >> 31
        while True:
            bits = self.next(31)
            val = bits % bound
            if bits - val + (bound - 1) < (1 << 31):
                return val

    def next_double(self):
        return ((self.next(26) << 27) + self.next(27)) * (1.0 / (1 << 53))

    def gaussian(self):
        if self.next_gaussian is not None:
            g, self.next_gaussian = self.next_gaussian, None
            return g
        while True:
            v1 = 2 * self.next_double() - 1
            v2 = 2 * self.next_double() - 1
            s = v1 * v1 + v2 * v2
            if 0 < s < 1:
                break
        m = math.sqrt(-2 * math.log(s) / s)
        self.next_gaussian = v2 * m
        return v1 * m


# the characters Windows-1252 gives to the bytes 0x80-0x9F (the five it leaves undefined are Latin-1's U+0081 etc.)
WINDOWS_1252_HIGH = {}
for _b in range(0x80, 0xA0):
    try:
        WINDOWS_1252_HIGH[bytes([_b]).decode("cp1252")] = _b
    except UnicodeDecodeError:
        pass


def repair_double_encoding(text):
    """As nnlab.gpt.TextCorpus.repairDoubleEncoding: each character back to its one byte (Latin-1, or
    Windows-1252 for 0x80-0x9F), decoded strictly as UTF-8; None if any step fails or nothing changes."""
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 0x100:
            out.append(o)
        elif ch in WINDOWS_1252_HIGH:
            out.append(WINDOWS_1252_HIGH[ch])
        else:
            return None
    if all(b < 0x80 for b in out):
        return None
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        return None


def load_text(path, strip, repair=False):
    text = open(path, encoding="utf-8").read() if path else None
    if text.startswith("\ufeff"):
        text = text[1:]
    repaired = repair_double_encoding(text)
    if repaired is not None:
        if repair:
            text = repaired[1:] if repaired.startswith("\ufeff") else repaired
        print(json.dumps({"encoding": "double-encoded UTF-8 " + ("repaired" if repair else "left as it is (--repair-encoding repairs it)")}),
              file=sys.stderr, flush=True)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if strip:
        s = text.find("*** START OF")
        if s >= 0:
            e = text.find("\n", s)
            text = "" if e < 0 else text[e + 1:]
        e = text.find("*** END OF")
        if e >= 0:
            text = text[:e]
        c = max(text.rfind("End of Project Gutenberg"), text.rfind("End of the Project Gutenberg"))
        if c >= 0 and c > len(text) - 500:
            text = text[:c]
        text = text.strip() + "\n"
    return text


class Gpt(torch.nn.Module):
    def __init__(self, V, T, C, H, L, rng, scaled=True, positions="learned", dropout=0.0):
        super().__init__()
        # where NN Lab multiplies by a dropout mask: the embedding sum, the attention weights after the
        # softmax, each residual branch (active in train(), identity in eval(); its masks are torch's
        # own, so compare fidelity at dropout 0)
        self.drop = torch.nn.Dropout(dropout)
        self.T, self.C, self.H, self.L, self.scale = T, C, H, L, (1 / math.sqrt(C // H) if scaled else 1.0)
        self.positions = positions
        self.names = []

        def weight(name, rows, cols):
            data = torch.tensor([rng.gaussian() * 0.02 for _ in range(rows * cols)], dtype=torch.float32).view(rows, cols)
            self.register_parameter(name, torch.nn.Parameter(data))
            self.names.append(name)

        def filled(name, cols, value):
            self.register_parameter(name, torch.nn.Parameter(torch.full((1, cols), float(value))))
            self.names.append(name)

        weight("wte", V, C)
        D = C // H
        if positions == "learned":
            weight("wpe", T, C)
        elif positions == "sinusoidal":
            # PE[p, 2i] = sin(p / 10000^(2i/C)), PE[p, 2i+1] = cos(...), as nnlab.gpt.Sinusoids
            ang = [[p / 10000 ** ((i - i % 2) / C) for i in range(C)] for p in range(T)]
            self.register_buffer("wpe", torch.tensor([[math.sin(a) if i % 2 == 0 else math.cos(a) for i, a in enumerate(r)]
                                                       for r in ang], dtype=torch.float32))
        else:
            # rotary, as nnlab.gpt.Rotary: pair (2i, 2i+1) of each head turned by p * 10000^(-2i/D)
            ang = torch.tensor([[p * 10000 ** (-2 * ((c % D) // 2) / D) for c in range(D)] for p in range(T)], dtype=torch.float64)
            self.register_buffer("rot_cos", torch.cos(ang).float())
            self.register_buffer("rot_sin", torch.sin(ang).float())
        for l in range(L):
            p = f"b{l}_"
            filled(p + "ln1_g", C, 1); filled(p + "ln1_b", C, 0)
            for n in ("q", "k", "v", "o"):
                weight(p + n + "_w", C, C); filled(p + n + "_b", C, 0)
            filled(p + "ln2_g", C, 1); filled(p + "ln2_b", C, 0)
            weight(p + "fc_w", C, 4 * C); filled(p + "fc_b", 4 * C, 0)
            weight(p + "proj_w", 4 * C, C); filled(p + "proj_b", C, 0)
        filled("lnf_g", C, 1); filled("lnf_b", C, 0)
        weight("head", C, V)
        self.register_buffer("mask", torch.triu(torch.full((T, T), -1e9), diagonal=1))

    def P(self, n):
        return getattr(self, n)

    def ln(self, x, p):
        return torch.nn.functional.layer_norm(x, (self.C,), self.P(p + "_g")[0], self.P(p + "_b")[0], 1e-5)

    def rotate(self, x):
        if self.positions != "rotary":
            return x
        # x: [B, H, T, D]; (a, b) -> (a cos - b sin, a sin + b cos) per pair
        swapped = torch.stack((-x[..., 1::2], x[..., 0::2]), dim=-1).flatten(-2)
        return x * self.rot_cos + swapped * self.rot_sin

    def forward(self, idx):
        B, T, C, H = idx.shape[0], self.T, self.C, self.H
        x = self.wte[idx]
        if self.positions != "rotary":
            x = x + self.wpe.unsqueeze(0)
        x = self.drop(x)
        for l in range(self.L):
            p = f"b{l}_"
            h = self.ln(x, p + "ln1")
            q, k, v = [(h @ self.P(p + n + "_w") + self.P(p + n + "_b")).view(B, T, H, C // H).transpose(1, 2) for n in "qkv"]
            q, k = self.rotate(q), self.rotate(k)
            a = self.drop(torch.softmax(q @ k.transpose(-1, -2) * self.scale + self.mask, dim=-1))
            y = (a @ v).transpose(1, 2).reshape(B, T, C)
            x = x + self.drop(y @ self.P(p + "o_w") + self.P(p + "o_b"))
            h = self.ln(x, p + "ln2")
            h = torch.nn.functional.gelu(h @ self.P(p + "fc_w") + self.P(p + "fc_b"), approximate="tanh")
            x = x + self.drop(h @ self.P(p + "proj_w") + self.P(p + "proj_b"))
        return self.ln(x, "lnf") @ self.head


def lr_at(step, warmup, total, peak, min_fraction):
    if step <= warmup:
        return peak * step / max(1, warmup)
    progress = min(1.0, (step - warmup) / max(1, total - warmup))
    lo = peak * min_fraction
    return lo + 0.5 * (peak - lo) * (1 + math.cos(math.pi * progress))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--text", required=True)
    ap.add_argument("--no-strip", action="store_true")
    ap.add_argument("--repair-encoding", choices=("true", "false"), default="false",
                    help="undo double-encoded UTF-8, as NN Lab's repair-encoding setting")
    ap.add_argument("--positions", choices=("learned", "sinusoidal", "rotary"), default="learned")
    ap.add_argument("--scaled-attention", choices=("true", "false"), default="true")
    ap.add_argument("--print-every-step", action="store_true", help="print each step's training loss too")
    for k, v in (("layers", 4), ("heads", 4), ("width", 128), ("context", 64), ("batch", 32), ("steps", 1000),
                 ("warmup", 100), ("eval-every", 100), ("eval-windows", 64), ("seed", 1), ("threads", 1), ("gen-chars", 200)):
        ap.add_argument("--" + k, type=int, default=v)
    for k, v in (("dropout", 0.0), ("lr", 1e-3), ("min-lr-fraction", 0.1), ("weight-decay", 0.1), ("beta2", 0.99), ("clip", 1.0)):
        ap.add_argument("--" + k, type=float, default=v)
    a = ap.parse_args()
    if not 0 <= a.dropout < 1:
        ap.error(f"--dropout must lie in [0, 1), not {a.dropout}")
    torch.set_num_threads(a.threads)
    text = load_text(a.text, not a.no_strip, a.repair_encoding == "true")
    cut = int(math.floor(len(text) * 0.9 + 0.5))
    chars = sorted(set(text[:cut]))
    ix = {c: i for i, c in enumerate(chars)}
    train = torch.tensor([ix[c] for c in text[:cut]])
    val = torch.tensor([ix.get(c, 0) for c in text[cut:]])
    T, B = a.context, a.batch
    model = Gpt(len(chars), T, a.width, a.heads, a.layers, JavaRandom(a.seed), a.scaled_attention == "true", a.positions,
                a.dropout)
    decay = [p for n, p in model.named_parameters() if n.endswith("_w") or n in ("wte", "wpe", "head")]
    rest = [p for n, p in model.named_parameters() if not (n.endswith("_w") or n in ("wte", "wpe", "head"))]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": a.weight_decay}, {"params": rest, "weight_decay": 0.0}],
                            lr=a.lr, betas=(0.9, a.beta2), eps=1e-8)
    order = JavaRandom(a.seed)

    def val_loss():
        span, total, done = len(val) - T - 1, 0.0, 0
        model.eval()
        with torch.no_grad():
            while done < a.eval_windows:
                n = min(B, a.eval_windows - done)
                starts = [span * (done + s) // max(1, a.eval_windows - 1) for s in range(n)]
                x = torch.stack([val[s:s + T] for s in starts]); y = torch.stack([val[s + 1:s + T + 1] for s in starts])
                total += torch.nn.functional.cross_entropy(model(x).view(-1, len(chars)), y.view(-1)).item() * n
                done += n
        model.train()
        return total / a.eval_windows

    print(json.dumps({"step": 0, "val_loss": val_loss(), "vocab": len(chars)}), flush=True)
    train_time, losses = 0.0, []
    for step in range(1, a.steps + 1):
        starts = [order.next_int(len(train) - T) for _ in range(B)]
        t0 = time.perf_counter()
        x = torch.stack([train[s:s + T] for s in starts]); y = torch.stack([train[s + 1:s + T + 1] for s in starts])
        for g in opt.param_groups:
            g["lr"] = lr_at(step, a.warmup, a.steps, a.lr, a.min_lr_fraction)
        loss = torch.nn.functional.cross_entropy(model(x).view(-1, len(chars)), y.view(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        if a.clip > 0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), a.clip)
        opt.step()
        train_time += time.perf_counter() - t0
        losses.append(loss.item())
        if a.print_every_step:
            print(json.dumps({"step": step, "loss": losses[-1]}), flush=True)
        if step % a.eval_every == 0 or step == a.steps:
            print(json.dumps({"step": step, "train_loss": sum(losses) / len(losses), "val_loss": val_loss(),
                              "tokens_per_s": step * B * T / train_time}), flush=True)
            losses = []
    # generation speed: one full-window forward per character, as NN Lab's Generator does
    ctx = [ix[c] for c in "There was once"]
    t0, c0 = time.perf_counter(), time.process_time()
    model.eval()
    with torch.no_grad():
        for _ in range(a.gen_chars):
            w = ctx[-T:]
            x = torch.tensor([w + [0] * (T - len(w))])
            probs = torch.softmax(model(x)[0, len(w) - 1] / 0.8, -1)
            ctx.append(int(torch.multinomial(probs, 1)))
    # CPU seconds as well: on a machine loaded by other work the wall clock mostly measures waiting
    print(json.dumps({"generation_chars_per_s": a.gen_chars / (time.perf_counter() - t0),
                      "generation_chars_per_cpu_s": a.gen_chars / (time.process_time() - c0),
                      "sample": "".join(chars[i] for i in ctx)}), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""PyTorch peer of NN Lab's `unet` study: the same U-Net (Down 1->64, Down 64->128, bottleneck
128->64, Up(64, skip 128 -> 32), Up(32, skip 64 -> 32), 1x1 conv to 11 classes; conv 3x3 pad 1
without bias + BatchNorm + ReLU; transposed conv 2x2 stride 2 keeping the channels; skips off =
zeros of the skip's shape), trained with Adam and per-pixel cross-entropy on random 64x84 data.

Prints seconds per epoch for both models in the format of nnlab.unet.UNetBenchmark:
    torch skips=on epoch=1 seconds=... images_per_s=...
Usage: /usr/bin/python3 bench/torch_unet_reference.py [images] [batch] [threads] [epochs]
(Debian python3-torch; install libopenblas0-pthread first, see PLATFORM-FACTS.md.)
"""
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn_relu(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class Up(nn.Module):
    def __init__(self, cin, skip, cout, skips):
        super().__init__()
        self.up = nn.ConvTranspose2d(cin, cin, 2, stride=2)
        self.conv = conv_bn_relu(cin + skip, cout)
        self.skips = skips

    def forward(self, x, skip):
        x = self.up(x)
        s = skip if self.skips else torch.zeros_like(skip)
        return self.conv(torch.cat([x, s], dim=1))


class UNet(nn.Module):
    def __init__(self, skips, classes=11, d1=64, d2=128, b=64, u1=32, u2=32):
        super().__init__()
        self.down1 = conv_bn_relu(1, d1)
        self.down2 = conv_bn_relu(d1, d2)
        self.bottleneck = conv_bn_relu(d2, b)
        self.up1 = Up(b, d2, u1, skips)
        self.up2 = Up(u1, d1, u2, skips)
        self.head = nn.Conv2d(u2, classes, 1)

    def forward(self, x):
        s1 = self.down1(x)
        s2 = self.down2(F.max_pool2d(s1, 2))
        x = self.bottleneck(F.max_pool2d(s2, 2))
        return self.head(self.up2(self.up1(x, s2), s1))


def main():
    images = int(sys.argv[1]) if len(sys.argv) > 1 else 256
    batch = int(sys.argv[2]) if len(sys.argv) > 2 else 16
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 2
    epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    print(f"torch {torch.__version__}; {images} images, batch {batch}, {threads} threads", flush=True)
    x = torch.rand(batch, 1, 64, 84)
    y = torch.zeros(batch, 64, 84, dtype=torch.long)  # all background, as the Java benchmark
    for skips in (True, False):
        net = UNet(skips)
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        loss_fn = nn.CrossEntropyLoss()

        def step():
            opt.zero_grad()
            loss = loss_fn(net(x), y)
            loss.backward()
            opt.step()

        step()  # warm-up, as the Java side does
        for e in range(1, epochs + 1):
            t0 = time.perf_counter()
            for _ in range(images // batch):
                step()
            s = time.perf_counter() - t0
            print(f"torch skips={'on' if skips else 'off'} epoch={e} seconds={s:.2f} "
                  f"images_per_s={(images // batch) * batch / s:.1f}", flush=True)


if __name__ == "__main__":
    main()

import torch
from torch import nn
from torch.utils.data import DataLoader


def train_epoch(model: nn.Module, loader: DataLoader, opt: torch.optim.Optimizer) -> float:
    loss_fn = nn.CrossEntropyLoss()
    total = 0.0
    for x, y in loader:
        logits = model(x)
        loss = loss_fn(logits, y)
        loss.backward()
        opt.step()
        total += loss
    return total / len(loader)


def evaluate(model: nn.Module, loader: DataLoader) -> float:
    correct = 0
    for x, y in loader:
        preds = model(x).argmax(dim=1)
        correct += (preds == y).sum().item()
    return correct / len(loader)

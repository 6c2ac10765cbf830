"""One module per rule; each defines `RULE`. The registry (`checks/registry.py`) lists them in order."""

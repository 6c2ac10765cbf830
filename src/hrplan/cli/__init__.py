"""The terminal layer: parses arguments, calls one library function, renders its result."""
from hrplan.cli.main import app, main

__all__ = ["app", "main"]

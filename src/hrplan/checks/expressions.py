"""A safe evaluator for the expressions of custom rules: + − × ÷, parentheses, numbers and indicator codes.

Codes are written bare (`DT-GD + DT-YT`) or DHIS2-style (`#{DT-GD}`). The text is parsed with `ast`
and only a whitelist of nodes is accepted; nothing is ever passed to `eval`.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Callable

_OPS: dict[type, Callable[[Decimal, Decimal], Decimal]] = {
    ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b, ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
}


class ExpressionError(ValueError):
    """The expression is not arithmetic over indicator codes; the message says what was found."""


@dataclass(frozen=True)
class Expression:
    """A parsed expression: its text, its tree and the indicator codes it reads."""

    text: str
    tree: ast.Expression
    names: dict[str, str]  # placeholder -> indicator code

    @property
    def codes(self) -> list[str]:
        return list(dict.fromkeys(self.names.values()))

    def evaluate(self, values: dict[str, Decimal | None], missing_as_zero: bool) -> Decimal | None:
        """Give the value with `values` per indicator code; None when a value is missing (unless as zero) or ÷ 0."""
        try:
            return _eval(self.tree.body, {p: values.get(c) for p, c in self.names.items()}, missing_as_zero)
        except (ZeroDivisionError, InvalidOperation):
            return None


def parse_expression(text: str, codes: list[str]) -> Expression:
    """Give the parsed expression; raise ExpressionError naming the first thing not allowed."""
    names: dict[str, str] = {}
    known = sorted(codes, key=len, reverse=True)

    def placeholder(code: str) -> str:
        if code not in codes:
            raise ExpressionError(f"'{code}' is not an indicator of the program")
        name = f"_v{known.index(code)}"
        names[name] = code
        return name

    text_py = re.sub(r"#\{([^}]*)\}", lambda m: placeholder(m.group(1).strip()), text)
    if known:
        pattern = r"(?<![\w-])(" + "|".join(re.escape(c) for c in known) + r")(?![\w-])"
        text_py = re.sub(pattern, lambda m: placeholder(m.group(1)), text_py)
    text_py = text_py.replace("×", "*").replace("÷", "/").replace("−", "-")
    try:
        tree = ast.parse(text_py, mode="eval")
    except SyntaxError:
        raise ExpressionError(f"'{text}' is not an arithmetic expression") from None
    for node in ast.walk(tree):
        allowed = isinstance(node, (ast.Expression, ast.BinOp, ast.UnaryOp, ast.USub, ast.UAdd, *_OPS)) or (
            isinstance(node, ast.Constant) and type(node.value) in (int, float)) or (
            isinstance(node, ast.Name) and node.id in names) or isinstance(node, ast.Load)
        if not allowed:
            found = ast.get_source_segment(text_py, node) if hasattr(node, "lineno") else type(node).__name__
            raise ExpressionError(f"'{found}' is not allowed: use numbers, indicator codes, + - * / and ( )")
    return Expression(text, tree, names)


def _eval(node: ast.AST, env: dict[str, Decimal | None], missing_as_zero: bool) -> Decimal | None:
    if isinstance(node, ast.Constant):
        return Decimal(str(node.value))
    if isinstance(node, ast.Name):
        value = env[node.id]
        return Decimal(0) if value is None and missing_as_zero else value
    if isinstance(node, ast.UnaryOp):
        value = _eval(node.operand, env, missing_as_zero)
        return None if value is None else (-value if isinstance(node.op, ast.USub) else value)
    if isinstance(node, ast.BinOp):
        left, right = _eval(node.left, env, missing_as_zero), _eval(node.right, env, missing_as_zero)
        return None if left is None or right is None else _OPS[type(node.op)](left, right)
    raise ExpressionError(type(node).__name__)  # unreachable: parse_expression admits nothing else

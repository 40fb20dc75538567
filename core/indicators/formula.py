"""A safe evaluator for indicator formulas such as ``construction_area / district_area * 100``.

The text is parsed with :mod:`ast` and only a small arithmetic language is accepted: numbers,
input names, ``+ - * / // % **``, unary ``+``/``-``, parentheses and the functions in
:data:`FUNCTIONS`. Nothing is ever passed to ``eval``; attribute access, subscripts, comparisons,
lambdas and every other construct are refused when the formula is parsed.

Work is bounded: the text is at most :data:`MAX_LENGTH` characters and :data:`MAX_DEPTH` levels
deep, every value is a float (no unbounded integers: ``9 ** 64 ** 64`` cannot grow for ever) and
every intermediate result must be a finite number, so an evaluation takes microseconds or stops
with a :class:`FormulaError`.
"""

import ast
import math
import operator

from ..errors import InputError
from ..i18n import translate


class FormulaError(InputError):
    """A formula that cannot be parsed, or one that cannot be evaluated for a district."""


FUNCTIONS = {
    'min': min,
    'max': max,
    'abs': abs,
    'round': round,
    'sqrt': math.sqrt,
}

_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_UNARY = {ast.UAdd: operator.pos, ast.USub: operator.neg}
MAX_EXPONENT = 64
MAX_LENGTH = 2000
MAX_DEPTH = 100


class Formula:
    """A parsed, validated formula; :attr:`names` are the inputs it reads."""

    def __init__(self, text):
        self.text = (text or '').strip()
        if not self.text:
            raise FormulaError(translate('spm', 'the formula is empty'))
        if len(self.text) > MAX_LENGTH:
            raise FormulaError(translate('spm', 'the formula is longer than {n} characters').format(
                n=MAX_LENGTH))
        try:
            tree = ast.parse(self.text, mode='eval')
        except SyntaxError as exc:
            reason = exc.msg if 'nested' in str(exc.msg) else ''
            raise FormulaError(translate(
                'spm', 'syntax error in formula "{formula}" at character {col}').format(
                    formula=_short(self.text), col=(exc.offset or 0))
                + (' ({})'.format(reason) if reason else '')) from None
        except (ValueError, MemoryError, RecursionError):   # NUL characters, nesting the parser refuses
            raise FormulaError(translate('spm', 'formula "{formula}" cannot be parsed: it is nested too '
                                                'deeply or holds characters that are not text').format(
                formula=_short(self.text))) from None
        if _depth(tree.body) > MAX_DEPTH:
            raise FormulaError(translate('spm', 'formula "{formula}" is nested more than {n} levels deep')
                               .format(formula=_short(self.text), n=MAX_DEPTH))
        names = set()
        self._check(tree.body, names)
        self._tree = tree.body
        self.names = frozenset(names)

    def __repr__(self):
        return 'Formula({!r})'.format(self.text)

    def _check(self, node, names):
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool) or not isinstance(node.value, (int, float)):
                raise FormulaError(translate('spm', 'only numbers are allowed as constants, not {value}')
                                   .format(value=_short(repr(node.value))))
            try:
                if not math.isfinite(float(node.value)):
                    raise OverflowError
            except OverflowError:
                raise FormulaError(translate('spm', 'the number {value} is too large').format(
                    value=_short(str(node.value)))) from None
        elif isinstance(node, ast.Name):
            if node.id in FUNCTIONS:
                raise FormulaError(translate('spm', '{name} is a function: call it with parentheses')
                                   .format(name=node.id))
            names.add(node.id)
        elif isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            self._check(node.left, names)
            self._check(node.right, names)
        elif isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
            self._check(node.operand, names)
        elif isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS:
                raise FormulaError(translate(
                    'spm', 'unknown function in formula "{formula}"; allowed: {allowed}').format(
                        formula=self.text, allowed=', '.join(sorted(FUNCTIONS))))
            if node.keywords or not node.args:
                raise FormulaError(translate('spm', 'function {name} takes positional arguments only')
                                   .format(name=node.func.id))
            for arg in node.args:
                self._check(arg, names)
        else:
            raise FormulaError(translate(
                'spm', '"{part}" is not allowed in a formula (only numbers, input names, + - * / // % ** '
                'and the functions {allowed})').format(
                    part=ast.get_source_segment(self.text, node) or type(node).__name__,
                    allowed=', '.join(sorted(FUNCTIONS))))

    def evaluate(self, values):
        """Value of the formula for ``values`` (a mapping name -> number); raises FormulaError.

        A missing or empty (None/NaN) input, a division by zero, an overflow or a result that is not
        a finite number raise :class:`FormulaError` with a message naming the problem.
        """
        try:
            result = self._eval(self._tree, values)
        except ZeroDivisionError:
            raise FormulaError(translate('spm', 'division by zero in "{formula}"').format(
                formula=_short(self.text))) from None
        except OverflowError:
            raise FormulaError(translate('spm', '"{formula}" does not give a finite number').format(
                formula=_short(self.text))) from None
        except (ValueError, TypeError) as exc:
            raise FormulaError(translate('spm', 'cannot evaluate "{formula}": {reason}').format(
                formula=_short(self.text), reason=exc)) from None
        return result

    def _eval(self, node, values):
        """The node's value as a finite float; OverflowError when a step leaves the float range."""
        result = float(self._value(node, values))
        if not math.isfinite(result):
            raise OverflowError
        return result

    def _value(self, node, values):
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, ast.Name):
            if node.id not in values:
                raise FormulaError(translate('spm', 'input {name} is not available').format(name=node.id))
            value = values[node.id]
            if value is None or (isinstance(value, float) and math.isnan(value)):
                raise FormulaError(translate('spm', 'input {name} has no value').format(name=node.id))
            if not math.isfinite(float(value)):
                raise FormulaError(translate('spm', 'input {name} is not a finite number ({value})')
                                   .format(name=node.id, value=value))
            return float(value)
        if isinstance(node, ast.BinOp):
            left = self._eval(node.left, values)
            right = self._eval(node.right, values)
            if isinstance(node.op, ast.Pow) and abs(right) > MAX_EXPONENT:
                raise FormulaError(translate('spm', 'exponent {value:g} in "{formula}" is larger than {n}')
                                   .format(value=right, formula=_short(self.text), n=MAX_EXPONENT))
            result = _BINARY[type(node.op)](left, right)
            if isinstance(result, complex):
                raise ValueError(translate('spm', 'the result is not a real number'))
            return result
        if isinstance(node, ast.UnaryOp):
            return _UNARY[type(node.op)](self._eval(node.operand, values))
        # ast.Call, validated in _check
        args = [self._eval(arg, values) for arg in node.args]
        if node.func.id == 'round' and len(args) == 2:
            args[1] = int(args[1])
        try:
            return FUNCTIONS[node.func.id](*args)
        except TypeError:
            raise ValueError(translate('spm', 'wrong number of arguments for {name}').format(
                name=node.func.id)) from None


def _short(text, limit=80):
    """The text for a message, cut to ``limit`` characters."""
    return text if len(text) <= limit else text[:limit - 1] + '…'


def _depth(tree):
    """How deep the syntax tree is (without recursion: the tree may be very deep)."""
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))
    return deepest

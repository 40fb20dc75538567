#!/usr/bin/env python3
"""Maintain the Chinese translation (i18n/spatial_planning_monitor_zh_CN.ts) from a TSV.

    make translations                                  # refresh the .ts from the code (pylupdate5)
    scripts/ts_fill.py todo > todo.tsv                 # messages without a finished translation
    ...translate the third column of todo.tsv...
    scripts/ts_fill.py fill todo.tsv                   # write them into the .ts (marks them finished)
    scripts/ts_fill.py check                           # unfinished messages, placeholder mismatches

TSV: ``context<TAB>source<TAB>translation``, UTF-8, one message per line; ``\\t``, ``\\n`` and
``\\\\`` are escapes. Context ``*`` fills the source in every context. The .ts is edited in place,
message by message, so the file keeps pylupdate5's layout (small diffs); Qt Linguist works on the
same file. Placeholders (``{name}``, ``{n:,.1f}``) must be identical in source and translation.
"""

import argparse
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / 'i18n' / 'spatial_planning_monitor_zh_CN.ts'

CONTEXT_RE = re.compile(r'(<context>\s*<name>)(.*?)(</name>)(.*?)(</context>)', re.S)
MESSAGE_RE = re.compile(r'<message\b[^>]*>.*?</message>', re.S)
SOURCE_RE = re.compile(r'<source>(.*?)</source>', re.S)
TRANSLATION_RE = re.compile(r'<translation\b([^>]*?)(?:/>|>(.*?)</translation>)', re.S)
PLACEHOLDER_RE = re.compile(r'\{[^{}]*\}')


def placeholders(text):
    return sorted(PLACEHOLDER_RE.findall(text or ''))


def _escape(text):
    return (text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('"', '&quot;').replace("'", '&apos;'))


def _tsv_field(text):
    return text.replace('\\', '\\\\').replace('\t', '\\t').replace('\n', '\\n')


def _tsv_unfield(text):
    return re.sub(r'\\(.)', lambda m: {'t': '\t', 'n': '\n'}.get(m.group(1), m.group(1)), text)


def messages(text):
    """Yield (context, source, translation, finished) of a .ts text."""
    for context in CONTEXT_RE.finditer(text):
        name = html.unescape(context.group(2))
        for message in MESSAGE_RE.finditer(context.group(4)):
            source = html.unescape(SOURCE_RE.search(message.group(0)).group(1))
            found = TRANSLATION_RE.search(message.group(0))
            attributes = found.group(1) if found else ''
            translation = html.unescape(found.group(2) or '') if found else ''
            finished = bool(found) and 'type=' not in attributes and bool(translation.strip())
            yield name, source, translation, finished


def read_tsv(path):
    """{(context or '*', source): translation}."""
    table = {}
    for number, line in enumerate(Path(path).read_text(encoding='utf-8').splitlines(), 1):
        if not line.strip() or line.startswith('#'):
            continue
        parts = line.split('\t')
        if len(parts) != 3:
            sys.exit(f'{path}:{number}: expected 3 tab-separated columns, found {len(parts)}')
        context, source, translation = (_tsv_unfield(p) for p in parts)
        if translation.strip():
            table[(context or '*', source)] = translation
    return table


def fill(text, table):
    """The .ts text with the translations of ``table`` written in; (text, filled, bad)."""
    filled, bad = [], []

    def fill_message(context, match):
        block = match.group(0)
        source = html.unescape(SOURCE_RE.search(block).group(1))
        translation = table.get((context, source), table.get(('*', source)))
        if translation is None:
            return block
        if placeholders(source) != placeholders(translation):
            bad.append((context, source, translation))
            return block
        filled.append((context, source))
        element = f'<translation>{_escape(translation)}</translation>'
        return TRANSLATION_RE.sub(lambda _: element, block, count=1)

    def fill_context(match):
        context = html.unescape(match.group(2))
        body = MESSAGE_RE.sub(lambda m: fill_message(context, m), match.group(4))
        return match.group(1) + match.group(2) + match.group(3) + body + match.group(5)

    return CONTEXT_RE.sub(fill_context, text), filled, bad


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('command', choices=['todo', 'fill', 'check', 'dump'])
    parser.add_argument('tsv', nargs='?', help='translations (fill)')
    parser.add_argument('--ts', default=str(TS))
    args = parser.parse_args(argv)
    text = Path(args.ts).read_text(encoding='utf-8')
    if args.command in ('todo', 'dump'):
        for context, source, translation, finished in messages(text):
            if args.command == 'dump' or not finished:
                print('\t'.join(_tsv_field(x) for x in (context, source, translation)))
        return 0
    if args.command == 'fill':
        if not args.tsv:
            parser.error('fill needs the TSV of translations')
        text, filled, bad = fill(text, read_tsv(args.tsv))
        Path(args.ts).write_text(text, encoding='utf-8')
        for context, source, translation in bad:
            print(f'placeholders differ, not filled: [{context}] {source!r} -> {translation!r}',
                  file=sys.stderr)
        print(f'{len(filled)} messages filled', file=sys.stderr)
        return 1 if bad else 0
    problems = 0
    for context, source, translation, finished in messages(text):
        if not finished:
            print(f'unfinished: [{context}] {source}')
            problems += 1
        elif placeholders(source) != placeholders(translation):
            print(f'placeholders differ: [{context}] {source} -> {translation}')
            problems += 1
    total = sum(1 for _ in messages(text))
    print(f'{total} messages, {problems} problem(s)', file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())

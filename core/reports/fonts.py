"""The font family of the report templates and the CJK families used when it is missing.

The templates name ``Noto Sans CJK SC`` (Debian/Ubuntu ``fonts-noto-cjk``, also shipped with many
Linux desktops); on a machine without it, the first family of ``FALLBACKS`` that is installed
takes its place (Windows and macOS have several of them), so Chinese text never renders as boxes.
"""

FAMILY = 'Noto Sans CJK SC'
FALLBACKS = (
    'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Source Han Sans CN',
    'Microsoft YaHei', '微软雅黑', 'PingFang SC', 'Hiragino Sans GB', 'SimHei', '黑体',
    'WenQuanYi Micro Hei', 'WenQuanYi Zen Hei', 'Droid Sans Fallback', 'SimSun', '宋体',
    'Noto Serif CJK SC', 'AR PL UMing CN',
)


def choose_family(available, wanted=FAMILY):
    """The family to use for ``wanted`` given the installed ``available`` families, or None.

    ``wanted`` when installed, else the first installed CJK fallback; None when no CJK family is
    installed at all (the caller reports it: Chinese text would render as boxes).
    """
    installed = {name.casefold(): name for name in available}
    for family in (wanted, *FALLBACKS):
        if family and family.casefold() in installed:
            return installed[family.casefold()]
    return None

"""The dependency check names what is missing and how to install it."""

from spatial_planning_monitor.core import deps


def test_installed_packages_pass():
    assert deps.check(['numpy', 'pandas']) == {}


def test_missing_and_old_packages_are_reported(monkeypatch):
    monkeypatch.setitem(deps.REQUIREMENTS, 'no_such_module_xyz', ('1.0', 'python3-xyz', 'python3-xyz'))
    monkeypatch.setitem(deps.REQUIREMENTS, 'numpy', ('999.0', 'python3-numpy', 'python3-numpy'))
    problems = deps.check(['no_such_module_xyz', 'numpy'])
    assert problems['no_such_module_xyz'] == 'not installed'
    assert 'older than 999.0' in problems['numpy']
    hint = deps.install_hint(problems)
    assert 'apt install python3-xyz python3-numpy' in hint and 'OSGeo4W' in hint

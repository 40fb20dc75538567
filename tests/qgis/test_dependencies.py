"""With a dependency missing, the plugin still loads, says so once, and hides what needs it."""

import subprocess
import sys
import textwrap

from conftest import PLUGINS


def test_blocked_geopandas_gives_a_message_and_no_exception():
    script = textwrap.dedent(f"""
        import sys
        sys.modules['geopandas'] = None            # import geopandas -> ImportError
        sys.path.insert(0, {str(PLUGINS)!r})
        from qgis.core import QgsApplication
        app = QgsApplication([], False); app.initQgis()

        class Bar:
            messages = []
            def pushMessage(self, *args): self.messages.append(args)

        class Iface:
            bar = Bar()
            def messageBar(self): return self.bar
            def mainWindow(self): return None
            def addToolBar(self, name):
                from qgis.PyQt.QtWidgets import QToolBar
                return QToolBar(name)
            def addPluginToMenu(self, *a): pass
            def removePluginMenu(self, *a): pass

        from spatial_planning_monitor import classFactory
        plugin = classFactory(Iface())
        plugin.initGui()
        provider = QgsApplication.processingRegistry().providerById('spm')
        needing = [a.id() for a in provider.algorithms() if 'geopandas' in type(a).REQUIRES]
        messages = Iface.bar.messages
        print('MESSAGES', len(messages))
        print('TEXT', messages[0][1] if messages else '')
        print('NEEDING', needing)
        plugin.unload()
    """)
    done = subprocess.run([sys.executable, '-c', script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert 'MESSAGES 1' in done.stdout
    assert 'geopandas' in done.stdout and 'python3-geopandas' in done.stdout
    assert 'NEEDING []' in done.stdout

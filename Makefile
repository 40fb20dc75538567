# Spatial Planning Monitor — the README's two commands are `make demo` and `make test`.
SHELL := /bin/bash
VENV ?= .venv
PLUGIN := spatial_planning_monitor
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
TS := i18n/$(PLUGIN)_zh_CN.ts

.PHONY: setup test demo package deploy transcompile translations screenshots clean

setup:
	bash scripts/setup.sh

test: setup transcompile  ## compiled translations (i18n/*.qm) before the tests
	source scripts/env.sh && $(VENV)/bin/pytest

demo: setup
	bash scripts/demo.sh

transcompile:  ## compile i18n/*.ts into .qm
	lrelease -silent $(TS)

translations:
	pylupdate5 -noobsolete $$(git ls-files '*.py' '*.ui' | grep -v -e '^tests/' -e '^benchmarks/' -e '^sample/' -e '^scripts/') -ts $(TS)

package: transcompile  ## icons and .ui files ship as files and load by path (no pyrcc: Qt6 has none)
	bash scripts/package.sh $(VERSION)

deploy: transcompile  ## the .qm first, so a Chinese QGIS shows the plugin in Chinese
	mkdir -p $(PROFILE)/python/plugins
	ln -sfn $(CURDIR) $(PROFILE)/python/plugins/$(PLUGIN)
	@echo "Linked into $(PROFILE)/python/plugins/$(PLUGIN); enable it in Plugins > Manage and Install Plugins."

screenshots: setup transcompile  ## the PNGs the README and docs show (Chinese ones need the .qm)
	source scripts/env.sh && SPM_SCREENSHOTS=1 $(VENV)/bin/pytest -q tests/ui

clean:
	rm -rf build dist demo_output .pytest_cache
	find . -name __pycache__ -prune -exec rm -rf {} +

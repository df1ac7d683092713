"""What the Python integration tests share: PyYAML or a visible skip, and the ZKLINT SOURCE_DIR
WORK_DIR arguments, with WORK_DIR made empty."""
import shutil
import sys
from pathlib import Path


def yaml_or_skip(what):
    """PyYAML, or exit 77 (CTest's skipped) saying what was not checked."""
    try:
        import yaml
    except ImportError:
        print(f"SKIPPED: no PyYAML (Debian package python3-yaml); {what}")
        sys.exit(77)
    return yaml


def arguments():
    """(zklint, source, work) from argv, resolved, with a fresh empty work directory."""
    zklint, source, work = (Path(a).resolve() for a in sys.argv[1:4])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    return zklint, source, work

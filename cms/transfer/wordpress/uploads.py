"""A subsite's uploads tree, as a folder or a zip, found by YYYY/MM/name.

Files are read one at a time, never extracted: a zip's names cannot write
outside anything, and an oversized member is refused before it is read.
"""

import re
import zipfile
from pathlib import Path

TAIL = re.compile(r"(?:^|/)(?:sites/(\d+)/)?(\d{4}/\d{2}/[^/]+)$")


class UploadsError(ValueError):
    """The uploads cannot be read; the message says why."""


class Uploads:
    """Files by their path under uploads/ (or uploads/sites/N/)."""

    def __init__(self, names, reader, size_of):
        self.files = {}
        self.sites = set()
        for name in names:
            match = TAIL.search(name)
            if match:
                self.files.setdefault(match.group(2), name)
                if match.group(1):
                    self.sites.add(match.group(1))
        self._read = reader
        self._size = size_of

    def __contains__(self, path):
        return path in self.files

    def __len__(self):
        return len(self.files)

    def size(self, path):
        return self._size(self.files[path])

    def read(self, path):
        return self._read(self.files[path])

    def close(self):
        pass


class ZipUploads(Uploads):
    def __init__(self, path):
        try:
            self.archive = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError) as error:
            raise UploadsError(f"{path} is not a readable zip file ({error})") from None
        members = {i.filename: i for i in self.archive.infolist() if not i.is_dir()}
        super().__init__(
            members,
            reader=self.archive.read,
            size_of=lambda name: members[name].file_size,
        )

    def close(self):
        self.archive.close()


class FolderUploads(Uploads):
    def __init__(self, path):
        root = Path(path)
        names = [
            p.relative_to(root).as_posix()
            for p in root.rglob("*")
            if p.is_file() and not p.is_symlink()
        ]
        super().__init__(
            names,
            reader=lambda name: (root / name).read_bytes(),
            size_of=lambda name: (root / name).stat().st_size,
        )


class NoUploads(Uploads):
    def __init__(self):
        super().__init__([], reader=None, size_of=None)


def open_uploads(path):
    """The uploads at path (a folder or a .zip), or none when path is empty."""
    if not path:
        return NoUploads()
    location = Path(path)
    if location.is_dir():
        return FolderUploads(location)
    if location.is_file():
        return ZipUploads(location)
    raise UploadsError(f"{path} is neither a folder nor a zip file")

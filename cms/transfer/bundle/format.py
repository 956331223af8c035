"""The bundle file: a zip of JSON members and media files, listed with their
SHA-256 checksums and counts in manifest.json."""

import hashlib
import json
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

FORMAT = "sanctuary-site-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BundleError(Exception):
    """A bundle that cannot be read: the message is one line for the user."""


class BundleWriter:
    def __init__(self, path):
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED)
        self.checksums = {}
        self.counts = {}

    def add_json(self, name, data, count=None):
        payload = json.dumps(data, cls=DjangoJSONEncoder, indent=1, ensure_ascii=False)
        payload = payload.encode()
        self.zip.writestr(name, payload)
        self.checksums[name] = hashlib.sha256(payload).hexdigest()
        if count is not None:
            self.counts[name.removesuffix(".json")] = count

    def add_file(self, name, source):
        """Copy an open binary file into the bundle, a chunk at a time."""
        digest = hashlib.sha256()
        with self.zip.open(name, "w", force_zip64=True) as out:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
        self.checksums[name] = digest.hexdigest()

    def close(self, **facts):
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": timezone.now(),
            **facts,
            "counts": self.counts,
            "files": self.checksums,
        }
        self.add_json(MANIFEST, manifest)
        self.zip.close()


class BundleReader:
    """Opens a bundle and checks it whole before anything is read from it."""

    def __init__(self, path):
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise BundleError(f"No such file: {path}.") from None
        except (zipfile.BadZipFile, OSError):
            raise BundleError(f"{path} is not a readable zip file.") from None
        self.manifest = self._manifest()
        self._verify()

    def _manifest(self):
        try:
            manifest = json.loads(self.zip.read(MANIFEST))
        except KeyError:
            raise BundleError("The bundle has no manifest.json.") from None
        except (ValueError, zipfile.BadZipFile, OSError):
            raise BundleError("The bundle's manifest.json cannot be read.") from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BundleError("This zip file is not a site bundle.")
        version = manifest.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise BundleError(
                f"The bundle has format version {version}; this installation "
                f"reads up to version {FORMAT_VERSION}: upgrade it first."
            )
        return manifest

    def _verify(self):
        names = set(self.zip.namelist())
        for name, expected in self.manifest.get("files", {}).items():
            if name not in names:
                raise BundleError(f"The bundle is missing {name}.")
            if self._checksum(name) != expected:
                raise BundleError(f"{name} does not match its checksum: damaged.")

    def _checksum(self, name):
        digest = hashlib.sha256()
        try:
            with self.zip.open(name) as member:
                while chunk := member.read(CHUNK):
                    digest.update(chunk)
        except (zipfile.BadZipFile, OSError, EOFError):
            raise BundleError(f"{name} cannot be read: the zip is damaged.") from None
        return digest.hexdigest()

    def json(self, name, default=None):
        if name not in self.manifest["files"]:
            if default is not None:
                return default
            raise BundleError(f"The bundle is missing {name}.")
        try:
            return json.loads(self.zip.read(name))
        except ValueError:
            raise BundleError(f"{name} is not valid JSON.") from None

    def open(self, name):
        if name not in self.manifest["files"]:
            raise BundleError(f"The bundle is missing {name}.")
        return self.zip.open(name)

    def close(self):
        self.zip.close()

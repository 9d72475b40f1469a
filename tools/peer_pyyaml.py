#!/usr/bin/env python3
"""peer_pyyaml - the peer of `make bench`: what a user would otherwise
script.  Loads every *.yaml / *.yml file below the given paths with PyYAML's
C loader (yaml.CSafeLoader, libyaml underneath) into Python objects, one
thread, and prints the number of files and cases (non-empty documents).

usage: peer_pyyaml.py PATH...
Exits 2 when PyYAML or its C extension is missing, 1 on a YAML error.
"""
import os
import sys

try:
    import yaml
    Loader = yaml.CSafeLoader
except (ImportError, AttributeError):
    sys.stderr.write("peer_pyyaml: needs PyYAML built with libyaml "
                     "(Debian: python3-yaml)\n")
    sys.exit(2)


def case_files(path):
    if not os.path.isdir(path):
        yield path
        return
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.endswith((".yaml", ".yml")):
                yield os.path.join(root, name)


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: peer_pyyaml.py PATH...\n")
        return 2
    files = cases = 0
    status = 0
    for top in argv[1:]:
        for path in case_files(top):
            with open(path, "rb") as f:
                data = f.read()
            files += 1
            try:
                for doc in yaml.load_all(data, Loader=Loader):
                    if doc is not None:
                        cases += 1
            except yaml.YAMLError as e:
                sys.stderr.write("peer_pyyaml: %s: %s\n" % (path, e))
                status = 1
    print("%d files, %d cases" % (files, cases))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))

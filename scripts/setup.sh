#!/usr/bin/env bash
# Installs what onoma needs on Debian (ICU and the Unicode/CLDR test data), builds the release
# binary, and runs the main job on the shipped Corpus/ and Lexicons/: canonicalize the names.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libicu-dev libsqlite3-dev unicode-data unicode-cldr-core >/dev/null
else
    echo "setup: not a Debian system: install ICU (libicu-dev), unicode-data and unicode-cldr-core by hand" >&2
fi

swift build -c release --product onoma
echo "== onoma canon Corpus/ --format tsv (first mentions)" >&2
.build/release/onoma canon Corpus/ --format tsv | head -n 15
echo "== onoma canon Corpus/004_3ac8e1e1278cdb87.txt --format text (names rewritten to canonical forms)" >&2
.build/release/onoma canon Corpus/004_3ac8e1e1278cdb87.txt --format text | sed -n 4,6p

#!/usr/bin/env bash
# Installs what onoma needs on Debian (ICU and the Unicode/CLDR test data), builds the release
# binary, and runs the main job on the shipped Corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libicu-dev unicode-data unicode-cldr-core >/dev/null
else
    echo "setup: not a Debian system: install ICU (libicu-dev), unicode-data and unicode-cldr-core by hand" >&2
fi

swift build -c release --product onoma
echo "== onoma tokenize Corpus/ (first lines)" >&2
.build/release/onoma tokenize Corpus/ | head -n 12
echo "== onoma translit --to latin --lang uk \"Володимир Зеленський\"" >&2
.build/release/onoma translit --to latin --lang uk "Володимир Зеленський"

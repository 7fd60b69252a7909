#!/usr/bin/env bash
# Installs every Debian package rfsim needs to build, test and run. Idempotent and quiet:
# packages already present are skipped, so a second run costs a few dpkg queries.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  ninja-build                               # CI's presets: objects compile while libraries link
  lld-14 lld                                # CI's linker: ld.lld for clang 14 (lld-14), for gcc (lld)
  libsfml-dev libgl-dev                     # map window and offscreen rendering
  libimgui-dev                              # panels (OpenGL2 backend compiled from its docs)
  libboost-graph-dev                        # region graph and routing
  libcereal-dev libzstd-dev                 # saves
  libtomlplusplus-dev                       # scenarios, with line:column errors
  nlohmann-json3-dev                        # GeoJSON
  libcli11-dev                              # command line
  librandom123-dev                          # counter-based random streams
  libxxhash-dev                             # state hash, save checksums
  libgtest-dev libgmock-dev libbenchmark-dev
  clang-14 libclang-rt-14-dev llvm-14       # the asan preset: ASan/UBSan, libFuzzer, symbolizer
  xvfb xauth xdotool x11-utils fonts-dejavu-core
  libopenmpi-dev openmpi-bin                # batch across machines
  gdal-bin libxml2-utils                    # tests: exported GeoJSON/KML read by ogrinfo, xmllint
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  SUDO=sudo
else
  SUDO=
fi
echo "rfsim: installing ${#missing[@]} Debian packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

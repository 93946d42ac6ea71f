#!/usr/bin/env bash
# Installs what newsmine needs to build on a fresh machine, idempotently:
#   - patchelf (apt), used once to strip the CUDA dependency from libtorch;
#   - a CPU-only libtorch 2.4.0 in .libtorch/, unpacked from the PyPI torch wheel
#     (tch cannot download libtorch here; the wheels are checked by sha256).
# Everything downloaded is kept in .cache/ so a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

LIBTORCH_DIR=.libtorch
CACHE=.cache/wheels
if [ -f "$LIBTORCH_DIR/.complete" ]; then
  exit 0
fi

if ! command -v patchelf >/dev/null 2>&1; then
  echo "setup: installing patchelf" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq patchelf >/dev/null
fi

mkdir -p "$CACHE"
declare -A SHA256=(
  [torch-2.4.0-cp311-cp311-manylinux1_x86_64.whl]=e743adadd8c8152bb8373543964551a7cb7cc20ba898dc8f9c0cdbe47c283de0
  [nvidia_cuda_runtime_cu12-12.1.105-py3-none-manylinux1_x86_64.whl]=6e258468ddf5796e25f1dc591a31029fa317d97a0a94ed93468fc86301d61e40
  [nvidia_cuda_cupti_cu12-12.1.105-py3-none-manylinux1_x86_64.whl]=e54fde3983165c624cb79254ae9818a456eb6e87a7fd4d56a2352c24ee542d7e
)
missing=0
for whl in "${!SHA256[@]}"; do [ -f "$CACHE/$whl" ] || missing=1; done
if [ "$missing" = 1 ]; then
  echo "setup: downloading the torch 2.4.0 wheels from PyPI (about 810 MB)" >&2
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.11 \
    --platform manylinux1_x86_64 -d "$CACHE" \
    torch==2.4.0 nvidia-cuda-runtime-cu12==12.1.105 nvidia-cuda-cupti-cu12==12.1.105
fi
for whl in "${!SHA256[@]}"; do
  echo "${SHA256[$whl]}  $CACHE/$whl" | sha256sum -c --quiet - \
    || { echo "setup: checksum mismatch for $CACHE/$whl" >&2; exit 1; }
done

echo "setup: unpacking a CPU-only libtorch into $LIBTORCH_DIR" >&2
rm -rf "$LIBTORCH_DIR" .cache/unpack
mkdir -p "$LIBTORCH_DIR/lib" .cache/unpack
python3 - "$CACHE" .cache/unpack <<'PY'
import sys, zipfile, glob
cache, dest = sys.argv[1], sys.argv[2]
wanted_lib = ("libc10.so", "libtorch.so", "libtorch_cpu.so", "libgomp-")
for whl in glob.glob(cache + "/*.whl"):
    with zipfile.ZipFile(whl) as z:
        for name in z.namelist():
            base = name.rsplit("/", 1)[-1]
            if name.startswith("torch/include/") or name.startswith("torch/share/cmake/") \
               or (name.startswith("torch/lib/") and base.startswith(wanted_lib)) \
               or base in ("libcudart.so.12", "libcupti.so.12"):
                z.extract(name, dest)
PY
mv .cache/unpack/torch/include "$LIBTORCH_DIR/include"
mv .cache/unpack/torch/share "$LIBTORCH_DIR/share"
mv .cache/unpack/torch/lib/* "$LIBTORCH_DIR/lib/"
find .cache/unpack/nvidia -name '*.so.12' -exec mv {} "$LIBTORCH_DIR/lib/" \;
rm -rf .cache/unpack
# The wheel's libtorch.so asks for libtorch_cuda.so; the CPU build never calls it.
patchelf --remove-needed libtorch_cuda.so "$LIBTORCH_DIR/lib/libtorch.so"
for lib in "$LIBTORCH_DIR"/lib/*.so*; do patchelf --set-rpath '$ORIGIN' "$lib"; done
touch "$LIBTORCH_DIR/.complete"
echo "setup: libtorch ready" >&2

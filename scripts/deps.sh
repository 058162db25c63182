# Sourced by scripts/run and scripts/test: installs what is missing on Debian (bookworm).
# Nothing is installed when everything is already there.

# apt runs with --no-install-recommends, so everything needed is named here, recommended or
# not: the ctest setup_packages_closure checks that every file the build, the tests and the
# app use comes from this list or from what it hard-depends on.
TASKSCOPE_PACKAGES=(
  # build
  cmake ninja-build g++ pkg-config python3 ccache
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libfmt-dev libcli11-dev libgmp-dev
  # Qt 6: Qt6Charts' CMake config needs Qt6OpenGL's, which qt6-base-dev only recommends
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6opengl6-dev libgl-dev
  # the app in a window (the xcb plugin loads libXcursor) and its Chinese text
  libxcursor1 fonts-noto-cjk
  # tests (a real X server for the window checks, the format check) and packaging
  # (cpack -G DEB runs dpkg-shlibdeps and `file`)
  xvfb xauth clang-format dpkg-dev desktop-file-utils file
  # scripts/bench: SimPy 3 for the side-by-side M/M/1 run (with Debian's /usr/bin/python3)
  python3-simpy3
)

taskscope_install_deps() {
  local missing=()
  local p
  for p in "${TASKSCOPE_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  # python3 may come from elsewhere (pyenv); only a missing command matters.
  if command -v python3 >/dev/null 2>&1; then
    local keep=()
    for p in "${missing[@]}"; do [ "$p" = python3 ] || keep+=("$p"); done
    missing=("${keep[@]}")
  fi
  [ ${#missing[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "taskscope: these Debian packages are missing: ${missing[*]}" >&2
    echo "  This script installs them with apt-get (Debian bookworm); install their equivalents" >&2
    echo "  yourself, then run it again." >&2
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "taskscope: missing packages: ${missing[*]}" >&2
      echo "  Installing them needs root and sudo is not available. As root, run:" >&2
      echo "    apt-get update && apt-get install --no-install-recommends ${missing[*]}" >&2
      echo "  then run this script again as yourself." >&2
      return 1
    fi
  fi
  echo "taskscope: installing missing packages${sudo:+ with sudo}: ${missing[*]}" >&2
  if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq ||
     ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
    echo "taskscope: could not install the missing packages. As root, run:" >&2
    echo "    apt-get update && apt-get install --no-install-recommends ${missing[*]}" >&2
    return 1
  fi
}

# The build folder of a preset (as CMakePresets.json says).
taskscope_build_dir() {
  case "$1" in
    asan) echo build-asan ;;
    release) echo build-release ;;
    *) echo build ;;
  esac
}

# Configures (once) and builds the given preset into its folder. ccache (when installed)
# keys on paths relative to the checkout, so a fresh clone elsewhere reuses its objects.
taskscope_build() {
  local preset="$1"; shift
  local dir
  dir=$(taskscope_build_dir "$preset")
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true
  if [ ! -f "$dir/build.ninja" ] || [ "$(cat "$dir/.taskscope-preset" 2>/dev/null)" != "$preset" ]; then
    cmake --preset "$preset"
    echo "$preset" > "$dir/.taskscope-preset"
  fi
  cmake --build "$dir" -j "$(nproc)" "$@"
}
